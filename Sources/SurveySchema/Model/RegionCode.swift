/// The GB/T 2260 shape of region codes, and the 9- and 12-digit statistical codes
/// of townships and villages (统计用区划代码).
public enum RegionCode {
  /// The level a code's digits imply, or `nil` when the code is not 6, 9 or 12
  /// ASCII digits or its province digits are `00`.
  ///
  /// `PP0000` province, `PPCC00` city, `PPCCDD` county, `PPCCDDTTT` township,
  /// `PPCCDDTTTVVV` village (a 12-digit code ending in zeros names the township or
  /// county it pads).
  public static func level(of code: String) -> RegionLevel? {
    let code = normalised(code)
    let digits = Array(code.utf8)
    guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    switch digits.count {
    case 6:
      let province = code.prefix(2)
      let city = code.dropFirst(2).prefix(2)
      let county = code.suffix(2)
      guard province != "00" else { return nil }
      if city == "00" { return county == "00" ? .province : nil }
      return county == "00" ? .city : .county
    case 9:
      return level(of: String(code.prefix(6))) == .county ? .township : nil
    case 12:
      return level(of: String(code.prefix(9))) == .township ? .village : nil
    default:
      return nil
    }
  }

  /// The parent code the digits imply, or `nil` for a province or a malformed code.
  public static func parent(of code: String) -> String? {
    let code = normalised(code)
    switch level(of: code) {
    case .province, nil: return nil
    case .city: return code.prefix(2) + "0000"
    case .county: return code.prefix(4) + "00"
    case .township: return String(code.prefix(6))
    case .village: return String(code.prefix(9))
    }
  }

  /// A code with 12-digit zero padding removed: `330105000000` -> `330105`,
  /// `330105001000` -> `330105001`; other codes are returned unchanged.
  public static func normalised(_ code: String) -> String {
    guard code.utf8.count == 12, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
      return code
    }
    if code.hasSuffix("000000") { return String(code.prefix(6)) }
    if code.hasSuffix("000") { return String(code.prefix(9)) }
    return code
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and newlines (ASCII and Unicode).
  var trimmingWhitespace: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
