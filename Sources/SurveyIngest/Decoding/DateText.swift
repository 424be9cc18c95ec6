/// Reads the dates and times survey exports write, strictly: every accepted
/// spelling names one calendar day, and nothing is guessed.
///
/// Dates: `2024-05-01`, `2024/5/1`, `2024-5-1`, `2024.5.1`, `2024年5月1日`
/// (full-width digits too; the same separator twice). Times after the date: a space or `T`, then `H:MM`,
/// `H:MM:SS` or `H:MM:SS.fff`, then optionally `Z`, `+08:00`, `+0800` or `+08`.
enum DateText {
  /// A calendar date and, when given, a time and a zone.
  struct Moment: Sendable, Hashable {
    var year: Int, month: Int, day: Int
    var hour = 0, minute = 0, second = 0
    /// The fraction of a second as written (`"525"` for `.525`), or "".
    var fraction = ""
    var hasTime = false
    /// Minutes east of UTC, or `nil` when no zone was written.
    var zoneMinutes: Int?

    /// `YYYY-MM-DD`.
    var isoDate: String {
      String(unsafeUninitializedCapacity: 10) { buffer in
        var count = 0
        writeDate(to: buffer, at: &count)
        return count
      }
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]`.
    var isoDateTime: String {
      String(unsafeUninitializedCapacity: 32 + fraction.utf8.count) { buffer in
        var count = 0
        writeDate(to: buffer, at: &count)
        buffer[count] = 0x54
        count += 1
        write(hour, 2, to: buffer, at: &count)
        buffer[count] = 0x3A
        count += 1
        write(minute, 2, to: buffer, at: &count)
        buffer[count] = 0x3A
        count += 1
        write(second, 2, to: buffer, at: &count)
        if !fraction.isEmpty {
          buffer[count] = 0x2E
          count += 1
          for byte in fraction.utf8 {
            buffer[count] = byte
            count += 1
          }
        }
        if let zone = zoneMinutes {
          if zone == 0 {
            buffer[count] = 0x5A
            count += 1
          } else {
            buffer[count] = zone < 0 ? 0x2D : 0x2B
            count += 1
            write(abs(zone) / 60, 2, to: buffer, at: &count)
            buffer[count] = 0x3A
            count += 1
            write(abs(zone) % 60, 2, to: buffer, at: &count)
          }
        }
        return count
      }
    }

    private func writeDate(to buffer: UnsafeMutableBufferPointer<UInt8>, at count: inout Int) {
      write(year, 4, to: buffer, at: &count)
      buffer[count] = 0x2D
      count += 1
      write(month, 2, to: buffer, at: &count)
      buffer[count] = 0x2D
      count += 1
      write(day, 2, to: buffer, at: &count)
    }

    /// Writes `value` as `width` decimal digits (zero-padded).
    private func write(
      _ value: Int, _ width: Int, to buffer: UnsafeMutableBufferPointer<UInt8>, at count: inout Int
    ) {
      var rest = value
      for position in stride(from: width - 1, through: 0, by: -1) {
        buffer[count + position] = UInt8(0x30 + rest % 10)
        rest /= 10
      }
      count += width
    }

    /// Seconds since 1970-01-01T00:00:00Z; a time without a zone is taken as UTC.
    var epochSeconds: Double {
      let days = DateText.daysFromCivil(year: year, month: month, day: day)
      var seconds = Double(days * 86_400 + hour * 3_600 + minute * 60 + second)
      if !fraction.isEmpty, let value = Double("0." + fraction) { seconds += value }
      return seconds - Double((zoneMinutes ?? 0) * 60)
    }
  }

  /// Parses a date or date-time; `nil` when the text is not one of the accepted spellings
  /// or names a day that does not exist (`2023-02-29`).
  static func moment(_ text: String) -> Moment? {
    var text = text
    return text.withUTF8 { moment(bytes: $0) }
  }

  /// Parses a date or date-time from UTF-8 bytes (see ``moment(_:)``).
  static func moment(bytes: UnsafeBufferPointer<UInt8>) -> Moment? {
    if bytes.allSatisfy({ $0 < 0x80 }) { return asciiMoment(bytes) }
    guard let ascii = asciiForm(bytes) else { return nil }
    return ascii.withUnsafeBufferPointer { asciiMoment($0) }
  }

  /// The text with full-width digits and punctuation and the Chinese date words
  /// (年 月 日 号) turned into the ASCII spelling; `nil` for other non-ASCII text.
  private static func asciiForm(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var ascii: [UInt8] = []
    for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
      switch scalar.value {
      case 0..<0x80: ascii.append(UInt8(scalar.value))
      case 0xFF10...0xFF19: ascii.append(UInt8(scalar.value - 0xFF10 + 0x30))
      case 0x5E74, 0x6708: ascii.append(0x2D)  // 年 月
      case 0x65E5, 0x53F7: break  // 日 号
      case 0xFF1A: ascii.append(0x3A)  // ：
      case 0xFF0D: ascii.append(0x2D)  // －
      case 0xFF0F: ascii.append(0x2F)  // ／
      case 0xFF0E: ascii.append(0x2E)  // ．
      case 0x3000: ascii.append(0x20)
      default: return nil
      }
    }
    return ascii
  }

  private static func asciiMoment(_ bytes: UnsafeBufferPointer<UInt8>) -> Moment? {
    var scanner = ByteScanner(bytes)
    scanner.skipSpaces()
    guard let year = scanner.number(maxDigits: 4), year >= 1000,
      let separator = scanner.takeAny("-/.")
    else {
      return nil
    }
    guard let month = scanner.number(maxDigits: 2), scanner.take(separator),
      let day = scanner.number(maxDigits: 2)
    else { return nil }
    guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else {
      return nil
    }
    var moment = Moment(year: year, month: month, day: day)
    scanner.trimTrailingSpaces()
    if scanner.isAtEnd { return moment }
    guard scanner.takeAny(" T") != nil else { return nil }
    scanner.skipSpaces()
    guard let hour = scanner.number(maxDigits: 2), scanner.take(0x3A),
      let minute = scanner.number(exactDigits: 2),
      hour < 24, minute < 60
    else { return nil }
    moment.hour = hour
    moment.minute = minute
    moment.hasTime = true
    if scanner.take(0x3A) {
      guard let second = scanner.number(exactDigits: 2), second < 60 else { return nil }
      moment.second = second
      if scanner.take(0x2E) || scanner.take(0x2C) {
        let fraction = scanner.digits(maxDigits: 9)
        guard !fraction.isEmpty else { return nil }
        moment.fraction = fraction
      }
    }
    if scanner.isAtEnd { return moment }
    if scanner.take(0x5A) || scanner.take(0x7A) {
      moment.zoneMinutes = 0
    } else if let sign = scanner.takeAny("+-") {
      guard let hours = scanner.number(exactDigits: 2), hours <= 14 else { return nil }
      var minutes = 0
      if scanner.take(0x3A) {
        guard let m = scanner.number(exactDigits: 2) else { return nil }
        minutes = m
      } else if let m = scanner.number(exactDigits: 2) {
        minutes = m
      }
      guard minutes < 60 else { return nil }
      moment.zoneMinutes = (sign == 0x2D ? -1 : 1) * (hours * 60 + minutes)
    }
    return scanner.isAtEnd ? moment : nil
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}

/// A cursor over the ASCII bytes of a short text.
private struct ByteScanner {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  private var end: Int

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    end = bytes.count
  }

  var isAtEnd: Bool { position == end }

  mutating func skipSpaces() {
    while position < end, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
  }

  mutating func trimTrailingSpaces() {
    while end > position, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
  }

  mutating func take(_ byte: UInt8) -> Bool {
    guard position < end, bytes[position] == byte else { return false }
    position += 1
    return true
  }

  mutating func takeAny(_ set: StaticString) -> UInt8? {
    guard position < end else { return nil }
    let byte = bytes[position]
    let found = set.withUTF8Buffer { $0.contains(byte) }
    guard found else { return nil }
    position += 1
    return byte
  }

  /// Up to `maxDigits` ASCII digits, as text.
  mutating func digits(maxDigits: Int) -> String {
    let start = position
    while position < end, position - start < maxDigits, bytes[position] >= 0x30,
      bytes[position] <= 0x39
    { position += 1 }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
  }

  mutating func number(maxDigits: Int) -> Int? {
    var value = 0
    let start = position
    while position < end, position - start < maxDigits, bytes[position] >= 0x30,
      bytes[position] <= 0x39
    {
      value = value * 10 + Int(bytes[position] - 0x30)
      position += 1
    }
    return position > start ? value : nil
  }

  mutating func number(exactDigits: Int) -> Int? {
    let start = position
    guard let value = number(maxDigits: exactDigits), position - start == exactDigits else {
      position = start
      return nil
    }
    return value
  }
}

func pad(_ number: Int, _ width: Int) -> String {
  let text = String(number)
  return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
