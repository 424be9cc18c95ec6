#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the reader found next: a complete record in the batch, or a skipped
/// malformed one.
enum ReadStep {
  case record(Int)
  case malformed(CSVError)
}

/// A malformed record being skipped up to the end of its line.
struct SkippedRecord {
  var error: CSVError
  /// The record's text so far: parsed fields re-joined, then the raw rest.
  var text: [UInt8]
  /// The line on which skipping started.
  var line: Int
}

/// The most text kept from a malformed record.
private let recordTextLimit = 64 * 1024

extension CSVReader {
  var batch: UnsafeMutablePointer<RecordBatch> { parser.batch }

  /// Moves to the next complete record or malformed record, parsing more
  /// input when the batch is used up.
  /// - Returns: `nil` at the end of input.
  func advance() throws(CSVError) -> ReadStep? {
    while true {
      if nextRecord < batch.pointee.recordCount {
        nextRecord += 1
        return .record(nextRecord - 1)
      }
      if let pending = pendingMalformed {
        pendingMalformed = nil
        return .malformed(pending)
      }
      if let failure { throw failure }
      if inputEnded { return nil }
      batch.pointee.dropCompleteRecords()
      nextRecord = 0
      do {
        try produce()
      } catch {
        failure = error
        throw error
      }
    }
  }

  /// Does one piece of work: parse part of the chunk, skip part of a bad
  /// line, load a chunk or end the input.
  private func produce() throws(CSVError) {
    if skipping != nil {
      if position < chunk.count {
        skipToLineEnd()
      } else if try !loadChunk() {
        finishSkipping(lineEndFound: false)
      }
      return
    }
    if position < chunk.count || markIndex < chunkMarks.count {
      feed()
    } else if try !loadChunk() {
      finishInput()
    }
  }

  private func loadChunk() throws(CSVError) -> Bool {
    guard let next = try decoder.next(from: source) else { return false }
    chunk = next
    chunkMarks = decoder.marks
    markIndex = 0
    position = 0
    return true
  }

  /// Parses the chunk up to its end, the next invalid byte or the next NUL.
  private func feed() {
    while markIndex < chunkMarks.count, chunkMarks[markIndex].offset < position { markIndex += 1 }
    var stop = chunk.count
    let mark = markIndex < chunkMarks.count ? chunkMarks[markIndex] : nil
    if let mark { stop = mark.offset }
    guard let base = chunk.baseAddress else {
      if let mark { failAtMark(mark) }
      return
    }
    if options.hasHeader, header == nil, batch.pointee.recordCount == 0 {
      // Parse the header on its own, so errors further on can name columns.
      stop = headerEnd(base, from: position, before: stop)
    }
    var nulOffset: Int?
    if stop > position, let hit = memchr(base + position, 0, stop - position) {
      nulOffset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      stop = nulOffset ?? stop
    }
    if stop > position {
      switch parser.parse(base + position, count: stop - position) {
      case .consumed:
        position = stop
        if let error = limitError() {
          fail(error, resumeAt: position)
          return
        }
      case .syntaxError(let offset):
        let at = position + offset
        position = at
        fail(syntaxError(found: base[at]), resumeAt: at)
        return
      case .outOfMemory:
        failure = CSVError.io(file: fileName, "cannot parse the file", errno: ENOMEM)
        return
      }
    }
    if let nulOffset {
      fail(nulError(), resumeAt: nulOffset)
    } else if let mark, position == mark.offset {
      failAtMark(mark)
    }
  }

  /// The offset just past the first line end outside quotes, or `limit`.
  private func headerEnd(_ base: UnsafePointer<UInt8>, from start: Int, before limit: Int) -> Int {
    var index = start
    while index < limit {
      let byte = base[index]
      index += 1
      if byte == 0x22 {
        headerScanInQuotes.toggle()
      } else if !headerScanInQuotes, byte == 0x0A || byte == 0x0D {
        return index
      }
    }
    return limit
  }

  private func failAtMark(_ mark: EncodingMark) {
    markIndex += 1
    let error = CSVError.invalidEncoding(
      file: fileName, at: place(includingPartialField: true), bytes: mark.bytes,
      encoding: encoding, wasDetected: encodingWasDetected)
    fail(error, resumeAt: mark.offset)
  }

  /// Ends the input: libcsv submits a last record without a line end, or
  /// reports a quoted field that never closed.
  private func finishInput() {
    inputEnded = true
    if parser.finish() { return }
    let error = CSVError.unterminatedQuote(
      file: fileName, at: place(includingPartialField: false), atEndOfFile: true)
    guard options.recoverFromErrors else {
      failure = error
      return
    }
    var reported = error
    reported.recordText = String(decoding: openRecordText(), as: UTF8.self)
    parser.restart()
    pendingMalformed = reported
  }

  // MARK: Errors and recovery

  /// Stops at an error: for good, or (recovering) by skipping to the next line.
  private func fail(_ error: CSVError, resumeAt offset: Int) {
    guard options.recoverFromErrors else {
      failure = error
      return
    }
    let line = place(includingPartialField: true).line
    let text = openRecordText()
    parser.restart()
    position = offset
    skipping = SkippedRecord(error: error, text: text, line: line)
  }

  private func skipToLineEnd() {
    guard var skipped = skipping, let base = chunk.baseAddress else { return }
    var end = position
    while end < chunk.count, base[end] != 0x0A, base[end] != 0x0D { end += 1 }
    let room = max(0, recordTextLimit - skipped.text.count)
    skipped.text.append(contentsOf: UnsafeBufferPointer(start: base + position, count: min(room, end - position)))
    skipping = skipped
    guard end < chunk.count else {
      position = end
      return
    }
    position = end + 1
    var endsWithCR = false
    if base[end] == 0x0D {
      if position < chunk.count {
        if base[position] == 0x0A { position += 1 }
      } else {
        endsWithCR = true
      }
    }
    finishSkipping(lineEndFound: true)
    batch.pointee.afterCR = endsWithCR
  }

  private func finishSkipping(lineEndFound: Bool) {
    guard let skipped = skipping else { return }
    var error = skipped.error
    error.recordText = String(decoding: skipped.text, as: UTF8.self)
    pendingMalformed = error
    skipping = nil
    batch.pointee.line = skipped.line + (lineEndFound ? 1 : 0)
    batch.pointee.row = error.record + 1
    batch.pointee.afterCR = false
  }

  /// Where the parser stands: the open record's row, the line reached, and
  /// the field being read. Without the partial field, the line is where that
  /// field starts (for a quoted field, where its quote opened).
  func place(includingPartialField: Bool) -> CSVPlace {
    let state = batch.pointee
    var line = state.line
    line += lineBreaks(in: UnsafeRawBufferPointer(start: state.bytes + state.openFirstByte, count: state.openByteCount))
    if includingPartialField { line += lineBreaks(in: parser.partialField) }
    let column = state.openFieldCount + 1
    return CSVPlace(row: state.row, line: line, column: column, columnName: columnName(column))
  }

  func columnName(_ column: Int) -> String? {
    guard let header, column >= 1, column <= header.count else { return nil }
    return header[column - 1]
  }

  private func syntaxError(found byte: UInt8) -> CSVError {
    let place = place(includingPartialField: true)
    if parser.position == .afterQuote {
      return .textAfterClosingQuote(file: fileName, at: place, found: CSVError.shown(byte))
    }
    return .quoteInUnquotedField(file: fileName, at: place)
  }

  private func nulError() -> CSVError {
    var looksLikeUTF16 = false
    if encoding == .utf8 || encoding == .utf8BOM, let base = chunk.baseAddress {
      let zeros = (0..<chunk.count).reduce(0) { $0 + (base[$1] == 0 ? 1 : 0) }
      looksLikeUTF16 = zeros * 4 >= chunk.count
    }
    return .nulByte(file: fileName, at: place(includingPartialField: true), looksLikeUTF16: looksLikeUTF16)
  }

  /// A field or record over the limit while it is still being parsed.
  private func limitError() -> CSVError? {
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
        appendField(UnsafeRawBufferPointer(start: state.bytes + range.lowerBound, count: range.count), to: &text)
      }
      error.recordText = String(decoding: text.prefix(recordTextLimit), as: UTF8.self)
    }
    return error
  }

  /// The open record as text: its fields re-quoted and joined, then the field in progress.
  private func openRecordText() -> [UInt8] {
    var text: [UInt8] = []
    let state = batch.pointee
    for field in state.openFirstField..<state.fieldCount {
      let range = state.fieldRange(field)
      appendField(UnsafeRawBufferPointer(start: state.bytes + range.lowerBound, count: range.count), to: &text)
    }
    let partial = parser.partialField
    switch parser.position {
    case .betweenRecords:
      break
    case .betweenFields:
      text.append(delimiter)
    case .inField(quoted: false):
      if !text.isEmpty { text.append(delimiter) }
      text.append(contentsOf: partial)
    case .inField(quoted: true):
      if !text.isEmpty { text.append(delimiter) }
      text.append(0x22)
      appendEscaped(partial, to: &text)
    case .afterQuote:
      if !text.isEmpty { text.append(delimiter) }
      text.append(0x22)
      appendEscaped(UnsafeRawBufferPointer(rebasing: partial.dropLast()), to: &text)
      text.append(0x22)
    }
    return Array(text.prefix(recordTextLimit))
  }

  private func appendField(_ field: UnsafeRawBufferPointer, to text: inout [UInt8]) {
    if text.count >= recordTextLimit { return }
    if !text.isEmpty { text.append(delimiter) }
    CSVQuoting.append(field, delimiter: delimiter, to: &text)
  }

  private func appendEscaped(_ field: UnsafeRawBufferPointer, to text: inout [UInt8]) {
    for byte in field {
      text.append(byte)
      if byte == 0x22 { text.append(0x22) }
    }
  }
}
