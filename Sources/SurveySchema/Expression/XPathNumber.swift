/// Number ↔ text conversions and rounding as XPath 1.0 defines them.
enum XPathNumber {
  /// XPath `string(number)`: `NaN`, `Infinity`, `-Infinity`, integers without a
  /// decimal point, other numbers in plain decimal notation (never `1e-07`).
  static func format(_ x: Double) -> String {
    if x.isNaN { return "NaN" }
    if x.isInfinite { return x < 0 ? "-Infinity" : "Infinity" }
    if x == 0 { return "0" }
    if x == x.rounded(.towardZero), Swift.abs(x) < 9.0e15 { return String(Int64(x)) }
    return plain(x.description)
  }

  /// Rewrites Swift's shortest round-trip spelling (`1.5e+20`, `1e-07`, `0.25`)
  /// without an exponent and without trailing zeros.
  private static func plain(_ text: String) -> String {
    var body = Substring(text)
    var sign = ""
    if body.hasPrefix("-") {
      sign = "-"
      body = body.dropFirst()
    }
    var exponent = 0
    if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(body[body.index(after: e)...]) ?? 0
      body = body[..<e]
    }
    let point =
      body.firstIndex(of: ".").map { body.distance(from: body.startIndex, to: $0) } ?? body.count
    let digits = Array(body.filter { $0 != "." })
    let newPoint = point + exponent
    var result: String
    if newPoint <= 0 {
      result = "0." + String(repeating: "0", count: -newPoint) + String(digits)
    } else if newPoint >= digits.count {
      result = String(digits) + String(repeating: "0", count: newPoint - digits.count)
    } else {
      result = String(digits[..<newPoint]) + "." + String(digits[newPoint...])
    }
    if result.contains(".") {
      while result.hasSuffix("0") { result.removeLast() }
      if result.hasSuffix(".") { result.removeLast() }
    }
    while result.hasPrefix("0"), result.count > 1, !result.hasPrefix("0.") { result.removeFirst() }
    return sign + result
  }

  /// XPath `number(string)`: optional spaces, an optional `-`, digits with at most one
  /// `.`; anything else (including `''`, `1e5` and `+1`) is NaN.
  static func parse(_ text: String) -> Double {
    let trimmed = text.trimmingXPathSpace
    var body = Substring(trimmed)
    if body.hasPrefix("-") { body = body.dropFirst() }
    var digits = 0
    var points = 0
    for c in body {
      if c == "." {
        points += 1
      } else if c.isASCII, c.isNumber {
        digits += 1
      } else {
        return .nan
      }
    }
    guard digits > 0, points <= 1 else { return .nan }
    let normalised = trimmed.hasSuffix(".") ? trimmed + "0" : trimmed
    return Double(normalised.hasPrefix("-.") ? "-0" + normalised.dropFirst() : normalised) ?? .nan
  }

  /// Rounds `x` to `places` decimal places (negative places round to tens, hundreds…).
  ///
  /// Rounding works on the shortest decimal spelling of `x`, so `round(2.675, 2)` is
  /// 2.68 as written, not 2.67 as the binary value 2.67499999… would give. A tie goes
  /// towards positive infinity, as XPath 1.0 `round()` does: 2.5 → 3, -2.5 → -2.
  static func round(_ x: Double, places: Int) -> Double {
    guard x.isFinite, x != 0 else { return x }
    guard places <= 400 else { return x }
    let text = format(Swift.abs(x))
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let integer = Array(parts[0])
    let digits = integer + (parts.count > 1 ? Array(parts[1]) : [])
    let keep = integer.count + places
    guard keep >= 0 else { return 0 }
    var kept = Array(digits.prefix(keep))
    kept += Array(repeating: "0", count: Swift.max(0, keep - kept.count))
    let rest = digits.dropFirst(keep)
    var increase = false
    if let first = rest.first {
      if first > "5" || (first == "5" && rest.dropFirst().contains { $0 != "0" }) {
        increase = true
      } else if first == "5" {
        increase = x > 0  // a tie: towards +infinity
      }
    }
    if increase { kept = incremented(kept) }
    let magnitude = Double(String(kept.isEmpty ? ["0"] : kept) + "e\(-places)") ?? .nan
    return x < 0 ? (magnitude == 0 ? 0 : -magnitude) : magnitude
  }

  /// Adds one to a string of decimal digits.
  private static func incremented(_ digits: [Character]) -> [Character] {
    var result = digits
    var i = result.count - 1
    while i >= 0 {
      if result[i] == "9" {
        result[i] = "0"
        i -= 1
      } else {
        result[i] = Character(String((result[i].wholeNumberValue ?? 0) + 1))
        return result
      }
    }
    return ["1"] + result
  }
}

extension String {
  /// The string without leading and trailing XPath whitespace (space, tab, CR, LF).
  var trimmingXPathSpace: String {
    let space: Set<Character> = [" ", "\t", "\r", "\n", "\r\n"]
    guard let first = firstIndex(where: { !space.contains($0) }),
      let last = lastIndex(where: { !space.contains($0) })
    else { return "" }
    return String(self[first...last])
  }
}
