/// Text normalisation shared by header and label matching.
enum HeaderText {
  /// Trims whitespace (including the ideographic space U+3000 and a stray BOM),
  /// collapses inner runs of whitespace to one space, and folds letter case, so
  /// that `"  What  is your Age? "` and `"what is your age?"` compare equal.
  static func key(_ text: String) -> String {
    var result = ""
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar == "\u{FEFF}" { continue }
      if scalar.properties.isWhitespace {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace {
        result.unicodeScalars.append(" ")
        pendingSpace = false
      }
      result.unicodeScalars.append(scalar)
    }
    return result.lowercased()
  }

  /// The text without surrounding whitespace (ASCII and Unicode, BOM included).
  static func trimmed(_ text: String) -> String {
    var probe = text
    let isTrimmed = probe.withUTF8 { bytes in
      guard let first = bytes.first, let last = bytes.last else { return false }
      return first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80
    }
    if isTrimmed { return text }
    let scalars = text.unicodeScalars
    let isSpace: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(scalars[first...last])
  }

  /// A 问卷星 question header split into its number and text: `3、你几岁？(单选题 *必答)`
  /// gives `(3, "你几岁？")`. The number may be followed by `、` `.` `．` `:` or `：`;
  /// a trailing type note in brackets (`(单选题 *必答)`, `【多选题】`) is removed.
  /// Returns `nil` for a header that does not start with a number and a separator.
  static func wjxQuestion(_ header: String) -> (number: Int, text: String)? {
    let scalars = Array(header.unicodeScalars)
    var position = 0
    var number = 0
    while position < scalars.count, position < 4, let digit = scalars[position].asciiDigit {
      number = number * 10 + digit
      position += 1
    }
    guard position > 0, position < scalars.count, number > 0 else { return nil }
    guard "、.．:：".unicodeScalars.contains(scalars[position]) else { return nil }
    let rest = String(String.UnicodeScalarView(scalars[(position + 1)...]))
    return (number, withoutTypeNote(trimmed(rest)))
  }

  /// A 问卷星 code-download tick-box header: `第5题(运动)` or `5、(运动)` gives
  /// `(5, "运动")`; `nil` for other headers.
  static func wjxOption(_ header: String) -> (number: Int, option: String)? {
    var scalars = Array(trimmed(header).unicodeScalars)
    guard let close = scalars.last, close == ")" || close == "）" else { return nil }
    scalars.removeLast()
    var position = 0
    let hasPrefix = scalars.first == "第"
    if hasPrefix { position = 1 }
    var number = 0
    let start = position
    while position < scalars.count, position - start < 4, let digit = scalars[position].asciiDigit {
      number = number * 10 + digit
      position += 1
    }
    guard position > start, number > 0, position < scalars.count else { return nil }
    if hasPrefix {
      guard scalars[position] == "题" else { return nil }
      position += 1
    } else {
      guard "、.．".unicodeScalars.contains(scalars[position]) else { return nil }
      position += 1
    }
    guard position < scalars.count, scalars[position] == "(" || scalars[position] == "（" else {
      return nil
    }
    let option = String(String.UnicodeScalarView(scalars[(position + 1)...]))
    return (number, trimmed(option))
  }

  /// Removes a trailing bracketed note that names a question type or says the
  /// question is required: `(单选题 *必答)`, `（多选题）`, `【矩阵单选题】`.
  static func withoutTypeNote(_ text: String) -> String {
    let pairs: [(Character, Character)] = [("(", ")"), ("（", "）"), ("【", "】"), ("[", "]")]
    for (open, close) in pairs where text.last == close {
      guard let start = text.lastIndex(of: open) else { continue }
      let note = text[text.index(after: start)..<text.index(before: text.endIndex)]
      if note.contains("题") || note.contains("必答") || note.contains("选") {
        return trimmed(String(text[..<start]))
      }
    }
    return text
  }
}

extension Unicode.Scalar {
  /// The value of an ASCII or full-width digit, or `nil`.
  var asciiDigit: Int? {
    switch value {
    case 0x30...0x39: Int(value - 0x30)
    case 0xFF10...0xFF19: Int(value - 0xFF10)
    default: nil
    }
  }
}
