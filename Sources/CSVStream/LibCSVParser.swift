// The only file that calls libcsv (as swift-system keeps its syscalls in one place).
import CLibCSV

/// Where libcsv stands inside the input, for locating errors.
enum ParserPosition: Equatable {
  case betweenRecords
  case betweenFields
  case inField(quoted: Bool)
  /// Just after a quote inside a quoted field: the end, or the first half of `""`.
  case afterQuote
}

/// The result of feeding bytes to libcsv.
enum ParseOutcome: Equatable {
  case consumed
  /// Strict-mode syntax error at this offset of the bytes given; the state is
  /// left as it was just before the offending byte.
  case syntaxError(offset: Int)
  case outOfMemory
}

/// libcsv in strict mode, with its callbacks appending to a ``RecordBatch``.
///
/// Options: `CSV_STRICT | CSV_STRICT_FINI` (a quote in an unquoted field, text
/// after a closing quote and an unterminated quote are errors),
/// `CSV_APPEND_NULL` (NUL-terminated fields) and `CSV_REPALL_NL` (blank lines
/// are reported, so line and row numbers stay right although blank lines are
/// skipped). A space function that says "no" keeps spaces around unquoted
/// fields, which libcsv would otherwise trim.
final class LibCSVParser {
  private let parser: UnsafeMutablePointer<csv_parser>
  let batch: UnsafeMutablePointer<RecordBatch>
  private let delimiter: UInt8

  init(delimiter: UInt8, maxFieldBytes: Int, maxRecordBytes: Int) {
    self.delimiter = delimiter
    parser = .allocate(capacity: 1)
    batch = .allocate(capacity: 1)
    batch.initialize(to: RecordBatch(maxFieldBytes: maxFieldBytes, maxRecordBytes: maxRecordBytes))
    Self.start(parser, delimiter: delimiter)
  }

  deinit {
    csv_free(parser)
    parser.deallocate()
    batch.pointee.release()
    batch.deinitialize(count: 1)
    batch.deallocate()
  }

  private static func start(_ parser: UnsafeMutablePointer<csv_parser>, delimiter: UInt8) {
    let options = CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_REPALL_NL
    let status = csv_init(parser, UInt8(options))
    precondition(status == 0, "csv_init fails only for a NULL parser")
    csv_set_delim(parser, delimiter)
    csv_set_space_func(parser, keepSpaces)
    csv_set_blk_size(parser, 4096)
  }

  /// Feeds bytes to the parser. Calls `csv_parse`.
  func parse(_ base: UnsafePointer<UInt8>, count: Int) -> ParseOutcome {
    let parsed = csv_parse(parser, base, count, appendField, endRecord, batch)
    if parsed == count { return .consumed }
    return csv_error(parser) == CSV_EPARSE ? .syntaxError(offset: parsed) : .outOfMemory
  }

  /// Ends the input, submitting a last record that has no line end. Calls `csv_fini`.
  /// - Returns: `false` when a quoted field is still open (unterminated quote).
  func finish() -> Bool {
    csv_fini(parser, appendField, endRecord, batch) == 0
  }

  /// Forgets the open record and the field in progress, to go on after an error.
  func restart() {
    csv_free(parser)
    Self.start(parser, delimiter: delimiter)
    batch.pointee.dropOpenRecord()
  }

  /// The bytes of the field being parsed (for a quoted field, without its
  /// opening quote).
  var partialField: UnsafeRawBufferPointer {
    guard let buffer = parser.pointee.entry_buf else { return UnsafeRawBufferPointer(start: nil, count: 0) }
    return UnsafeRawBufferPointer(start: buffer, count: parser.pointee.entry_pos)
  }

  var position: ParserPosition {
    switch parser.pointee.pstate {
    case 0: .betweenRecords
    case 1: .betweenFields
    case 2: .inField(quoted: parser.pointee.quoted != 0)
    default: .afterQuote
    }
  }
}

private func keepSpaces(_ byte: UInt8) -> Int32 { 0 }

private func appendField(_ field: UnsafeMutableRawPointer?, _ length: Int, _ data: UnsafeMutableRawPointer?) {
  guard let data else { return }
  data.assumingMemoryBound(to: RecordBatch.self).pointee.appendField(field, length)
}

private func endRecord(_ terminator: Int32, _ data: UnsafeMutableRawPointer?) {
  guard let data else { return }
  data.assumingMemoryBound(to: RecordBatch.self).pointee.endRecord(terminator: terminator)
}
