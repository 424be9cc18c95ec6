/// Reads the dates and times survey exports write, strictly: every accepted
/// spelling names one calendar day, and nothing is guessed.
///
/// Dates: `2024-05-01`, `2024/5/1`, `2024-5-1`, `2024.5.1`, `2024年5月1日`
/// (full-width digits too). Times after the date: a space or `T`, then `H:MM`,
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
    var isoDate: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]`.
    var isoDateTime: String {
      var text = "\(isoDate)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
      if !fraction.isEmpty { text += "." + fraction }
      if let zone = zoneMinutes {
        if zone == 0 {
          text += "Z"
        } else {
          let sign = zone < 0 ? "-" : "+"
          text += "\(sign)\(pad(abs(zone) / 60, 2)):\(pad(abs(zone) % 60, 2))"
        }
      }
      return text
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
    var scanner = Scanner(HeaderText.trimmed(text))
    guard let year = scanner.number(maxDigits: 4), year >= 1000 else { return nil }
    let chinese = scanner.take("年")
    if !chinese { guard scanner.takeAny("-/.") != nil else { return nil } }
    guard let month = scanner.number(maxDigits: 2) else { return nil }
    if chinese { guard scanner.take("月") else { return nil } } else { guard scanner.takeAny("-/.") != nil else { return nil } }
    guard let day = scanner.number(maxDigits: 2) else { return nil }
    if chinese { _ = scanner.take("日") || scanner.take("号") }
    guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
    var moment = Moment(year: year, month: month, day: day)
    if scanner.isAtEnd { return moment }
    guard scanner.takeAny(" T") != nil else { return nil }
    while scanner.take(" ") {}
    guard let hour = scanner.number(maxDigits: 2), scanner.take(":"), let minute = scanner.number(exactDigits: 2),
      hour < 24, minute < 60
    else { return nil }
    moment.hour = hour
    moment.minute = minute
    moment.hasTime = true
    if scanner.take(":") {
      guard let second = scanner.number(exactDigits: 2), second < 60 else { return nil }
      moment.second = second
      if scanner.take(".") || scanner.take(",") {
        let fraction = scanner.digits(maxDigits: 9)
        guard !fraction.isEmpty else { return nil }
        moment.fraction = fraction
      }
    }
    if scanner.isAtEnd { return moment }
    if scanner.take("Z") || scanner.take("z") {
      moment.zoneMinutes = 0
    } else if let sign = scanner.takeAny("+-") {
      guard let hours = scanner.number(exactDigits: 2), hours <= 14 else { return nil }
      var minutes = 0
      if scanner.take(":") {
        guard let m = scanner.number(exactDigits: 2) else { return nil }
        minutes = m
      } else if let m = scanner.number(exactDigits: 2) {
        minutes = m
      }
      guard minutes < 60 else { return nil }
      moment.zoneMinutes = (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
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

/// A cursor over the scalars of a short text.
private struct Scanner {
  private let scalars: [Unicode.Scalar]
  private var position = 0

  init(_ text: String) {
    scalars = Array(text.unicodeScalars)
  }

  var isAtEnd: Bool { position == scalars.count }

  mutating func take(_ scalar: Unicode.Scalar) -> Bool {
    guard position < scalars.count, scalars[position] == scalar else { return false }
    position += 1
    return true
  }

  mutating func takeAny(_ set: String) -> Unicode.Scalar? {
    guard position < scalars.count, set.unicodeScalars.contains(scalars[position]) else { return nil }
    position += 1
    return scalars[position - 1]
  }

  /// ASCII or full-width digits, at most `maxDigits`, as text of ASCII digits.
  mutating func digits(maxDigits: Int) -> String {
    var text = ""
    while position < scalars.count, text.count < maxDigits, let digit = scalars[position].asciiDigit {
      text += String(digit)
      position += 1
    }
    return text
  }

  mutating func number(maxDigits: Int) -> Int? {
    let text = digits(maxDigits: maxDigits)
    return text.isEmpty ? nil : Int(text)
  }

  mutating func number(exactDigits: Int) -> Int? {
    let start = position
    let text = digits(maxDigits: exactDigits)
    guard text.count == exactDigits else {
      position = start
      return nil
    }
    return Int(text)
  }
}

func pad(_ number: Int, _ width: Int) -> String {
  let text = String(number)
  return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
