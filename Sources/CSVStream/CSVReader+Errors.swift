#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension CSVReader {
  func place(includingPartialField: Bool) -> CSVPlace {
    let state = batch.pointee
    var line = state.line
    line += lineBreaks(
      in: UnsafeRawBufferPointer(
        start: state.bytes + state.openFirstByte, count: state.openByteCount))
    if includingPartialField { line += lineBreaks(in: parser.partialField) }
    let column = state.openFieldCount + 1
    return CSVPlace(row: state.row, line: line, column: column, columnName: columnName(column))
  }

  func columnName(_ column: Int) -> String? {
    guard let header, column >= 1, column <= header.count else { return nil }
    return header[column - 1]
  }

  /// The character at `offset` of the chunk, as a message shows it.
  func characterShown(_ base: UnsafePointer<UInt8>, at offset: Int) -> String {
    let byte = base[offset]
    guard byte >= 0x80 else { return CSVError.shown(byte) }
    let text = String(
      decoding: UnsafeBufferPointer(start: base + offset, count: min(4, chunk.count - offset)),
      as: UTF8.self)
    guard let first = text.unicodeScalars.first, first != "\u{FFFD}" else {
      return CSVError.shown(byte)
    }
    return "'\(first)'"
  }

  func syntaxError(found: String) -> CSVError {
    let place = place(includingPartialField: true)
    if parser.position == .afterQuote {
      return .textAfterClosingQuote(file: fileName, at: place, found: found)
    }
    return .quoteInUnquotedField(file: fileName, at: place)
  }

  func nulError() -> CSVError {
    var looksLikeUTF16 = false
    if encoding == .utf8 || encoding == .utf8BOM, let base = chunk.baseAddress {
      let zeros = (0..<chunk.count).reduce(0) { $0 + (base[$1] == 0 ? 1 : 0) }
      looksLikeUTF16 = zeros * 4 >= chunk.count
    }
    return .nulByte(
      file: fileName, at: place(includingPartialField: true), looksLikeUTF16: looksLikeUTF16)
  }

  /// A field or record over the limit while it is still being parsed.
  func limitError() -> CSVError? {
    let partial = parser.partialField.count
    if partial > options.maxFieldBytes {
      let position = parser.position
      let quoted = position == .inField(quoted: true) || position == .afterQuote
      return .fieldTooLong(
        file: fileName, at: place(includingPartialField: false), limit: options.maxFieldBytes,
        quoted: quoted)
    }
    let state = batch.pointee
    if state.openByteCount + partial > options.maxRecordBytes {
      let place = CSVPlace(row: state.row, line: state.line, column: 1, columnName: nil)
      return .recordTooLong(file: fileName, at: place, limit: options.maxRecordBytes)
    }
    return nil
  }

  /// The error for a complete record holding a field over the limit, if any.
  func oversizedError(record index: Int) -> CSVError? {
    let mark = batch.pointee.marks[index]
    guard mark.oversizedColumn != 0 else { return nil }
    var error: CSVError
    if mark.oversizedColumn > 0 {
      let place = CSVPlace(
        row: mark.row, line: mark.line, column: mark.oversizedColumn,
        columnName: columnName(mark.oversizedColumn))
      error = .fieldTooLong(file: fileName, at: place, limit: options.maxFieldBytes, quoted: false)
    } else {
      let place = CSVPlace(row: mark.row, line: mark.line, column: 1, columnName: nil)
      error = .recordTooLong(file: fileName, at: place, limit: options.maxRecordBytes)
    }
    if options.recoverFromErrors {
      var text: [UInt8] = []
      let state = batch.pointee
      for field in state.firstField(ofRecord: index)..<mark.fieldEnd {
        let range = state.fieldRange(field)
        appendRecordField(
          UnsafeRawBufferPointer(start: state.bytes + range.lowerBound, count: range.count),
          to: &text)
      }
      error.recordText = String(decoding: text.prefix(recordTextLimit), as: UTF8.self)
    }
    return error
  }

  /// The open record as text: its fields re-quoted and joined, then the field in progress.
}
