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
///
/// Fields are built in place: libcsv's field buffer is pointed at the free
/// space of the batch, and the field callback moves it past each field, so
/// fields are never copied. This relies on `csv_parse` reading
/// `entry_buf` and `entry_size` from the parser for every byte, as libcsv
/// 3.0.3 does; a probe checks it once and falls back to copying each field.
final class LibCSVParser {
  private let parser: UnsafeMutablePointer<csv_parser>
  let batch: UnsafeMutablePointer<RecordBatch>
  /// What the callbacks receive as `void *data`.
  private let context: UnsafeMutablePointer<CallbackContext>
  private let delimiter: UInt8
  private let inPlace: Bool

  /// Creates a parser; `copyFields` forces the copying mode (for tests).
  convenience init(
    delimiter: UInt8, maxFieldBytes: Int, maxRecordBytes: Int, copyFields: Bool = false
  ) {
    self.init(
      delimiter: delimiter, maxFieldBytes: maxFieldBytes, maxRecordBytes: maxRecordBytes,
      inPlace: !copyFields && fieldsCanBeBuiltInPlace)
  }

  /// Whether this libcsv lets fields be built in place (checked once).
  static var buildsFieldsInPlace: Bool { fieldsCanBeBuiltInPlace }

  private init(delimiter: UInt8, maxFieldBytes: Int, maxRecordBytes: Int, inPlace: Bool) {
    self.delimiter = delimiter
    self.inPlace = inPlace
    parser = .allocate(capacity: 1)
    batch = .allocate(capacity: 1)
    batch.initialize(to: RecordBatch(maxFieldBytes: maxFieldBytes, maxRecordBytes: maxRecordBytes))
    context = .allocate(capacity: 1)
    context.initialize(to: CallbackContext(batch: batch, parser: parser))
    start()
  }

  deinit {
    csv_free(parser)
    parser.deallocate()
    batch.pointee.release()
    batch.deinitialize(count: 1)
    batch.deallocate()
    context.deinitialize(count: 1)
    context.deallocate()
  }

  private func start() {
    let options = CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_REPALL_NL
    let status = csv_init(parser, UInt8(options))
    precondition(status == 0, "csv_init fails only for a NULL parser")
    csv_set_delim(parser, delimiter)
    csv_set_space_func(parser, keepSpaces)
    if inPlace {
      // The buffer belongs to the batch: libcsv must neither grow nor free it.
      // `reserve` guarantees it never needs to grow; if it tried, it would
      // report CSV_ENOMEM instead.
      csv_set_realloc_func(parser, refuseToGrow)
      csv_set_free_func(parser, freeNothing)
    } else {
      csv_set_blk_size(parser, 4096)
    }
  }

  /// Makes room for `count` more input bytes and, in place, points libcsv's
  /// field buffer at the batch's free space.
  private func prepare(forInput count: Int) {
    let partial = parser.pointee.entry_pos
    batch.pointee.pendingBytes = inPlace ? partial : 0
    batch.pointee.reserve(inputCount: count, partialField: partial)
    if inPlace { attachBuffer() }
  }

  private func attachBuffer() {
    let (start, free) = batch.pointee.freeSpace
    parser.pointee.entry_buf = start
    parser.pointee.entry_size = free
  }

  /// Feeds bytes to the parser. Calls `csv_parse`.
  ///
  /// libcsv asks the space function about every byte of an unquoted field,
  /// which costs a call per byte. Its built-in test (space or tab) only
  /// changes the result where such a byte touches a delimiter, a line end, a
  /// quote or the edge of the bytes given, so segments without that are
  /// parsed with the built-in test: the same records, faster.
  func parse(_ base: UnsafePointer<UInt8>, count: Int) -> ParseOutcome {
    let trimmingIsHarmless = !hasSpaceAtFieldEdge(base, count: count, delimiter: delimiter)
    csv_set_space_func(parser, trimmingIsHarmless ? nil : keepSpaces)
    prepare(forInput: count)
    let parsed =
      inPlace
      ? csv_parse(parser, base, count, recordFieldInPlace, endRecord, context)
      : csv_parse(parser, base, count, copyField, endRecord, context)
    batch.pointee.pendingBytes = inPlace ? parser.pointee.entry_pos : 0
    if parsed == count { return .consumed }
    return csv_error(parser) == CSV_EPARSE ? .syntaxError(offset: parsed) : .outOfMemory
  }

  /// Ends the input, submitting a last record that has no line end. Calls `csv_fini`.
  /// - Returns: `false` when a quoted field is still open (unterminated quote).
  func finish() -> Bool {
    csv_set_space_func(parser, keepSpaces)
    prepare(forInput: 1)
    let status =
      inPlace
      ? csv_fini(parser, recordFieldInPlace, endRecord, context)
      : csv_fini(parser, copyField, endRecord, context)
    batch.pointee.pendingBytes = inPlace ? parser.pointee.entry_pos : 0
    return status == 0
  }

  /// Drops the records already handed out, keeping the open one.
  func dropCompleteRecords() {
    batch.pointee.dropCompleteRecords()
    if inPlace, parser.pointee.entry_buf != nil { attachBuffer() }
  }

  /// Forgets the open record and the field in progress, to go on after an error.
  func restart() {
    csv_free(parser)
    start()
    batch.pointee.dropOpenRecord()
  }

  /// The bytes of the field being parsed (for a quoted field, without its
  /// opening quote).
  var partialField: UnsafeRawBufferPointer {
    guard let buffer = parser.pointee.entry_buf else {
      return UnsafeRawBufferPointer(start: nil, count: 0)
    }
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

  /// Parses a sample in place, split across calls, and compares with what it must give.
  fileprivate static func probeInPlace() -> Bool {
    let probe = LibCSVParser(delimiter: 0x2C, maxFieldBytes: 64, maxRecordBytes: 512, inPlace: true)
    let pieces = ["ab,\"c\"\"", "d\",", "\ne,f ,", "g h,\"i\nj\""]
    for piece in pieces {
      var text = piece
      let outcome = text.withUTF8 { bytes in
        bytes.baseAddress.map { probe.parse($0, count: bytes.count) } ?? .outOfMemory
      }
      guard outcome == .consumed else { return false }
    }
    guard probe.finish() else { return false }
    let state = probe.batch.pointee
    var fields: [String] = []
    for field in 0..<state.fieldCount {
      let range = state.fieldRange(field)
      fields.append(
        String(
          decoding: UnsafeBufferPointer(start: state.bytes + range.lowerBound, count: range.count),
          as: UTF8.self))
    }
    return fields == ["ab", "c\"d", "", "e", "f ", "g h", "i\nj"] && state.recordCount == 2
  }
}

/// Whether libcsv can build fields in the batch's storage (checked once).
private let fieldsCanBeBuiltInPlace = LibCSVParser.probeInPlace()

private func keepSpaces(_ byte: UInt8) -> Int32 { 0 }

private func refuseToGrow(_ buffer: UnsafeMutableRawPointer?, _ size: Int)
  -> UnsafeMutableRawPointer?
{ nil }

private func freeNothing(_ buffer: UnsafeMutableRawPointer?) {}

/// The parser and the batch, for the callbacks.
private struct CallbackContext {
  var batch: UnsafeMutablePointer<RecordBatch>
  var parser: UnsafeMutablePointer<csv_parser>
}

/// The field callback when fields are built in place: the field and its NUL
/// are already in the batch; note its end and start the next field after it.
@inline(__always)
private func recordFieldInPlace(
  _ field: UnsafeMutableRawPointer?, _ length: Int, _ data: UnsafeMutableRawPointer?
) {
  guard let context = data?.assumingMemoryBound(to: CallbackContext.self).pointee else { return }
  context.batch.pointee.appendFieldInPlace(length)
  // The next field starts after this one and its NUL.
  let used = length &+ 1
  context.parser.pointee.entry_buf += used
  context.parser.pointee.entry_size &-= used
}

@inline(__always)
private func copyField(
  _ field: UnsafeMutableRawPointer?, _ length: Int, _ data: UnsafeMutableRawPointer?
) {
  guard let context = data?.assumingMemoryBound(to: CallbackContext.self).pointee else { return }
  context.batch.pointee.appendField(field, length)
}

@inline(__always)
private func endRecord(_ terminator: Int32, _ data: UnsafeMutableRawPointer?) {
  guard let context = data?.assumingMemoryBound(to: CallbackContext.self).pointee else { return }
  context.batch.pointee.endRecord(terminator: terminator)
}
