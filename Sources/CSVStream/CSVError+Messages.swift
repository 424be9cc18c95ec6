// The catalogue of CSV error messages. Messages are interface: tests assert
// their full text, so change them deliberately.

/// Where in a record a problem is, for messages.
struct CSVPlace {
  var row: Int
  var line: Int
  var column: Int
  var columnName: String?

  /// "row 4, column 2 ('age')", with "(line 6)" when line and row differ.
  var phrase: String {
    var text = "row \(row)"
    if line != row { text += " (line \(line))" }
    text += ", column \(column)"
    if let columnName, !columnName.isEmpty { text += " ('\(columnName)')" }
    return text
  }
}

extension CSVError {
  static func at(_ kind: Kind, _ file: String, _ place: CSVPlace, _ message: String) -> CSVError {
    CSVError(
      kind: kind, file: file, record: place.row, line: place.line, column: place.column,
      message: message)
  }

  static func unterminatedQuote(file: String, at place: CSVPlace, atEndOfFile: Bool) -> CSVError {
    let consequence =
      atEndOfFile
      ? "everything after it to the end of the file was taken as part of this one field"
      : "the field grew past the length limit"
    return .at(
      .unterminatedQuote, file, place,
      "the quoted field that opens on line \(place.line) (\(place.phrase)) has no closing quote, "
        + "so \(consequence); add the missing \" or remove the opening one")
  }

  static func quoteInUnquotedField(file: String, at place: CSVPlace) -> CSVError {
    .at(
      .strayQuote, file, place,
      "a \" appears inside the unquoted field at \(place.phrase); a field that contains quotes "
        + "must be enclosed in quotes with each inner quote doubled (\"\")")
  }

  static func textAfterClosingQuote(file: String, at place: CSVPlace, found: String) -> CSVError {
    .at(
      .strayQuote, file, place,
      "the quoted field at \(place.phrase) goes on after its closing quote (found \(found)); "
        + "a quote inside a quoted field must be doubled (\"\"), and the field must end "
        + "at the closing quote")
  }

  static func nulByte(file: String, at place: CSVPlace, looksLikeUTF16: Bool) -> CSVError {
    var message =
      "a NUL byte (0x00) appears at \(place.phrase); text files do not contain NUL bytes"
    if looksLikeUTF16 {
      message +=
        ". The file looks like UTF-16 without a byte-order mark: "
        + "re-save it as UTF-8, or read it with --encoding utf16le"
    } else {
      message += ", so the file is damaged or is not a CSV text file"
    }
    return .at(.nulByte, file, place, message)
  }

  static func invalidEncoding(
    file: String, at place: CSVPlace, bytes: [UInt8], encoding: TextEncoding, wasDetected: Bool
  ) -> CSVError {
    let hex = bytes.map { byteHex($0) }.joined(separator: " ")
    var message = "the bytes \(hex) at \(place.phrase) are not valid \(encoding.displayName)"
    switch encoding {
    case .utf8, .utf8BOM:
      message +=
        wasDetected
        ? "; the start of the file is UTF-8, so the file mixes encodings or is damaged. "
          + "If Excel on Chinese Windows saved it, try --encoding gb18030"
        : "; if Excel on Chinese Windows saved the file, try --encoding gb18030"
    case .gb18030:
      message += "; the file may be in another encoding: try --encoding utf8"
    case .utf16LE, .utf16BE:
      message += "; the file is damaged or is not UTF-16"
    }
    return .at(.invalidEncoding, file, place, message)
  }

  static func fieldTooLong(file: String, at place: CSVPlace, limit: Int, quoted: Bool) -> CSVError {
    var message = "the field at \(place.phrase) is longer than \(byteSize(limit)), the limit"
    if quoted {
      message +=
        "; it is quoted, so a closing quote is probably missing after the quote "
        + "that opens on line \(place.line)"
    }
    return .at(.fieldTooLong, file, place, message)
  }

  static func recordTooLong(file: String, at place: CSVPlace, limit: Int) -> CSVError {
    .at(
      .fieldTooLong, file, place,
      "the record that starts on line \(place.line) (row \(place.row)) is longer than "
        + "\(byteSize(limit)) in all; check the file's delimiter and quotes")
  }

  static func emptyFile(file: String, hadBytes: Bool) -> CSVError {
    let message =
      hadBytes
      ? "the file has no rows: it holds only blank lines or a byte-order mark"
      : "the file is empty (0 bytes)"
    return CSVError(kind: .emptyFile, file: file, record: 1, line: 1, column: 1, message: message)
  }

  static func io(file: String, _ what: String, errno code: Int32) -> CSVError {
    CSVError(
      kind: .io, file: file, record: 0, line: 0, column: 0,
      message: "\(what): \(systemErrorText(code))")
  }

  static func fieldCountMessage(
    row: Int, count: Int, expected: Int, header: [String]?, fields: [String]
  ) -> String {
    let noun = expected == 1 ? "column" : "columns"
    let has = count == 1 ? "1 field" : "\(count) fields"
    var message = "row \(row) has \(has) but the header has \(expected) \(noun)"
    if count < expected {
      let missing = expected - count
      message +=
        missing == 1 ? "; the last column is missing" : "; the last \(missing) columns are missing"
      if let header, count < header.count, !header[count].isEmpty {
        message += " (from '\(header[count])' on)"
      }
    } else {
      let extra = count - expected
      message += extra == 1 ? "; there is 1 extra field" : "; there are \(extra) extra fields"
      let first = fields[expected]
      message += first.isEmpty ? " (the first is blank)" : " (the first is '\(clipped(first))')"
      message += ", often a delimiter inside an unquoted value"
    }
    return message
  }

  /// Shows a character found in the text, for messages.
  static func shown(_ byte: UInt8) -> String {
    switch byte {
    case 0x09: "a tab"
    case 0x20: "a space"
    case 0x21...0x7E: "'\(Character(Unicode.Scalar(byte)))'"
    default: "byte \(byteHex(byte))"
    }
  }
}

func byteHex(_ byte: UInt8) -> String {
  let digits = Array("0123456789ABCDEF")
  return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}

func byteSize(_ bytes: Int) -> String {
  if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
  if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
  return bytes == 1 ? "1 byte" : "\(bytes) bytes"
}

private func clipped(_ text: String) -> String {
  text.count > 40 ? String(text.prefix(40)) + "…" : text
}
