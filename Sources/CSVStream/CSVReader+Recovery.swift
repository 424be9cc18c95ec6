#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A malformed record being skipped up to the end of its line.
struct SkippedRecord {
  var error: CSVError
  /// The record's text so far: parsed fields re-joined, then the raw rest.
  var text: [UInt8]
  /// The line on which skipping started.
  var line: Int
}

/// The most text kept from a malformed record.
let recordTextLimit = 64 * 1024

extension CSVReader {
  /// Stops at an error: for good, or (recovering) by skipping to the next line.
  func fail(_ error: CSVError, resumeAt offset: Int) {
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

  func skipToLineEnd() {
    guard var skipped = skipping, let base = chunk.baseAddress else { return }
    var end = position
    while end < chunk.count, base[end] != 0x0A, base[end] != 0x0D { end += 1 }
    let room = max(0, recordTextLimit - skipped.text.count)
    skipped.text.append(
      contentsOf: UnsafeBufferPointer(start: base + position, count: min(room, end - position)))
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

  func finishSkipping(lineEndFound: Bool) {
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
  func openRecordText() -> [UInt8] {
    var text: [UInt8] = []
    let state = batch.pointee
    for field in state.openFirstField..<state.fieldCount {
      let range = state.fieldRange(field)
      appendRecordField(
        UnsafeRawBufferPointer(start: state.bytes + range.lowerBound, count: range.count), to: &text
      )
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

  func appendRecordField(_ field: UnsafeRawBufferPointer, to text: inout [UInt8]) {
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
