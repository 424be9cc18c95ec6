/// Reads numbers strictly, as XLSForm stores them: an optional sign, digits, and
/// for decimals one point and more digits. Full-width digits, sign and point
/// (`１２．５`, typed with a Chinese input method) are read as their ASCII
/// forms; surrounding spaces are allowed. Thousands separators, units, exponents,
/// `nan` and `inf` are errors: a number is never guessed.
enum NumberText {
  /// The whole number in `bytes`, or `nil`. `12.0` counts as 12 (an exact whole number).
  static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard let value = decimal(bytes), value.rounded() == value,
      abs(value) < 9.007_199_254_740_992e15
    else {
      return nil
    }
    return value
  }

  /// The decimal number in `bytes`, or `nil`.
  static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    if let value = asciiDecimal(bytes) { return value }
    guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
    var ascii: [UInt8] = []
    for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
      switch scalar.value {
      case 0xFF10...0xFF19: ascii.append(UInt8(scalar.value - 0xFF10 + 0x30))
      case 0xFF0E: ascii.append(0x2E)
      case 0xFF0D, 0x2212: ascii.append(0x2D)
      case 0xFF0B: ascii.append(0x2B)
      case 0x3000: ascii.append(0x20)
      case 0..<0x80: ascii.append(UInt8(scalar.value))
      default: return nil
      }
    }
    return ascii.withUnsafeBufferPointer { asciiDecimal($0) }
  }

  /// `[spaces] [+|-] digits [. digits] [spaces]` in ASCII, or `nil`.
  private static func asciiDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    guard start < end else { return nil }
    var position = start
    var negative = false
    if bytes[position] == 0x2D || bytes[position] == 0x2B {
      negative = bytes[position] == 0x2D
      position += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var fractionDigits = 0
    var seenPoint = false
    var exact = true
    while position < end {
      let byte = bytes[position]
      if byte >= 0x30 && byte <= 0x39 {
        if digits < 18 {
          mantissa = mantissa * 10 + UInt64(byte - 0x30)
          if seenPoint { fractionDigits += 1 }
        } else {
          exact = false
          if !seenPoint { fractionDigits -= 1 }
        }
        digits += 1
      } else if byte == 0x2E && !seenPoint {
        seenPoint = true
      } else {
        return nil
      }
      position += 1
    }
    guard digits > 0 else { return nil }
    var value: Double
    if exact && mantissa < (1 << 53) && fractionDigits <= 22 {
      value = Double(mantissa) / powerOfTen(fractionDigits)
    } else {
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      guard let parsed = Double(text) else { return nil }
      value = abs(parsed)
    }
    if negative { value = -value }
    return value
  }

  private static func powerOfTen(_ exponent: Int) -> Double {
    var value = 1.0
    for _ in 0..<max(exponent, 0) { value *= 10 }
    return value
  }
}
