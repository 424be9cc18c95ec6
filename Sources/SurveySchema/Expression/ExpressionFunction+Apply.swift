import Foundation

extension ExpressionFunction {
  /// Applies a function whose arguments all have values (`if`, `coalesce` and
  /// `string-length`, which handle missing arguments, are done by the evaluator).
  func apply(_ a: [Value], today: @autoclosure () -> String) -> Value {
    switch self {
    case .selected: return .bool(a[0].selectedNames.contains(a[1].stringValue))
    case .countSelected: return .number(Double(a[0].selectedNames.count))
    case .true: return .bool(true)
    case .false: return .bool(false)
    case .not: return .bool(!a[0].booleanValue)
    case .boolean: return .bool(a[0].booleanValue)
    case .string: return .string(a[0].stringValue)
    case .concat: return .string(a.map(\.stringValue).joined())
    case .stringLength: return .number(Double(a[0].stringValue.count))
    case .regex:
      let pattern = a[1].stringValue
      if let simple = SimplePattern(pattern), let answer = simple.matches(a[0].stringValue) {
        return .bool(answer)
      }
      guard let compiled = try? NSRegularExpression(pattern: pattern) else { return .bool(false) }
      let text = a[0].stringValue
      return .bool(
        compiled.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil)
    case .contains:
      let (text, part) = (a[0].stringValue, a[1].stringValue)
      return .bool(part.isEmpty || text.contains(part))
    case .startsWith: return .bool(a[0].stringValue.hasPrefix(a[1].stringValue))
    case .endsWith: return .bool(a[0].stringValue.hasSuffix(a[1].stringValue))
    case .substr: return .string(Self.substring(a))
    case .number: return .number(a[0].numberValue)
    case .int:
      let x = a[0].numberValue
      return .number(x.isFinite ? x.rounded(.towardZero) : x)
    case .round:
      let places = a.count > 1 ? a[1].numberValue : 0
      guard !places.isNaN else { return .number(.nan) }
      let p = Int(Swift.max(-400, Swift.min(400, places.rounded(.towardZero))))
      return .number(XPathNumber.round(a[0].numberValue, places: p))
    case .abs: return .number(Swift.abs(a[0].numberValue))
    case .floor: return .number(a[0].numberValue.rounded(.down))
    case .ceiling: return .number(a[0].numberValue.rounded(.up))
    case .sqrt: return .number(a[0].numberValue.squareRoot())
    case .pow: return .number(Foundation.pow(a[0].numberValue, a[1].numberValue))
    case .min, .max:
      let numbers = a.map(\.numberValue)
      if numbers.contains(where: \.isNaN) { return .number(.nan) }
      let pick = self == .min ? numbers.min() : numbers.max()
      return .number(pick ?? .nan)
    case .today: return .string(today())
    case .if: return a[a[0].booleanValue ? 1 : 2]
    case .coalesce: return a[0].stringValue.isEmpty ? a[1] : a[0]
    }
  }

  /// ODK `substr(text, start[, end])`: characters from the 0-based `start` up to but
  /// not including `end` (default: the end). Indices are truncated to integers and
  /// clamped to the text; a NaN index gives `''`.
  private static func substring(_ a: [Value]) -> String {
    let chars = Array(a[0].stringValue)
    let start = a[1].numberValue
    let end = a.count > 2 ? a[2].numberValue : Double(chars.count)
    guard !start.isNaN, !end.isNaN else { return "" }
    func clamp(_ x: Double) -> Int {
      Int(Swift.max(0, Swift.min(Double(chars.count), x.rounded(.towardZero))))
    }
    let (from, to) = (clamp(start), clamp(end))
    return from < to ? String(chars[from..<to]) : ""
  }
}
