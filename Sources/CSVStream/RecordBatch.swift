#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a complete record ends in a ``RecordBatch`` and where it came from.
struct RecordMark {
  /// One past the index of the record's last field.
  var fieldEnd: Int
  /// The physical line the record starts on.
  var line: Int
  /// The spreadsheet row of the record.
  var row: Int
  /// The 1-based column of the first field longer than the field limit, -1
  /// when the whole record is longer than the record limit, or 0.
  var oversizedColumn: Int
}

/// The records parsed from the input so far, stored flat: every field's bytes
/// followed by a NUL (so numbers parse in place), the end offset of each field,
/// and a mark per complete record. The record still being parsed ("open")
/// sits after the complete ones.
///
/// It lives behind a pointer that libcsv's callbacks receive as `void *data`,
/// so the hot path is plain loads and stores: no reference counting, no
/// exclusivity checks.
struct RecordBatch {
  private(set) var bytes: UnsafeMutablePointer<UInt8>
  private(set) var byteCount = 0
  private var byteCapacity: Int
  private(set) var fieldEnds: UnsafeMutablePointer<Int>
  private(set) var fieldCount = 0
  private var fieldCapacity: Int
  private(set) var marks: UnsafeMutablePointer<RecordMark>
  private(set) var recordCount = 0
  private var recordCapacity: Int

  /// Index of the open record's first field, and of its first byte.
  private(set) var openFirstField = 0
  private(set) var openFirstByte = 0
  private var openOversizedColumn = 0
  /// The line and spreadsheet row where the open (or next) record starts.
  var line = 1
  var row = 1
  /// Whether the last line end seen was a CR, so that a following LF belongs to it.
  var afterCR = false
  let maxFieldBytes: Int
  let maxRecordBytes: Int

  init(maxFieldBytes: Int, maxRecordBytes: Int) {
    self.maxFieldBytes = maxFieldBytes
    self.maxRecordBytes = maxRecordBytes
    byteCapacity = 1 << 16
    fieldCapacity = 1 << 12
    recordCapacity = 1 << 8
    bytes = .allocate(capacity: byteCapacity)
    fieldEnds = .allocate(capacity: fieldCapacity)
    marks = .allocate(capacity: recordCapacity)
  }

  /// Frees the storage; the batch must not be used afterwards.
  func release() {
    bytes.deallocate()
    fieldEnds.deallocate()
    marks.deallocate()
  }

  /// The number of fields of the open record.
  var openFieldCount: Int { fieldCount - openFirstField }
  /// The number of bytes (with NUL separators) of the open record.
  var openByteCount: Int { byteCount - openFirstByte }

  /// The byte range of field `index` (an index into the whole batch).
  @inline(__always)
  func fieldRange(_ index: Int) -> Range<Int> {
    let start = index == 0 ? 0 : fieldEnds[index - 1] + 1
    return start..<fieldEnds[index]
  }

  /// The index of the first field of complete record `record`.
  @inline(__always)
  func firstField(ofRecord record: Int) -> Int {
    record == 0 ? 0 : marks[record - 1].fieldEnd
  }

  // MARK: Called from libcsv's callbacks

  @inline(__always)
  mutating func appendField(_ field: UnsafeRawPointer?, _ length: Int) {
    if byteCount &+ length &+ 1 > byteCapacity { growBytes(to: byteCount + length + 1) }
    if fieldCount == fieldCapacity { growFields() }
    if length > 0, let field {
      memcpy(bytes + byteCount, field, length)
    }
    byteCount &+= length
    bytes[byteCount] = 0
    fieldEnds[fieldCount] = byteCount
    byteCount &+= 1
    fieldCount &+= 1
    if length > maxFieldBytes, openOversizedColumn == 0 {
      openOversizedColumn = fieldCount - openFirstField
    }
  }

  /// Ends the open record at a line end (`terminator` is the CR or LF byte) or
  /// at the end of input (`terminator` is -1). libcsv also calls this for blank
  /// lines (option CSV_REPALL_NL); those are counted, not stored.
  @inline(__always)
  mutating func endRecord(terminator: Int32) {
    if fieldCount == openFirstField {
      if terminator == 0x0A && afterCR {
        afterCR = false
      } else {
        line &+= 1
        row &+= 1
        afterCR = terminator == 0x0D
      }
      return
    }
    if recordCount == recordCapacity { growMarks() }
    if openOversizedColumn == 0, openByteCount > maxRecordBytes { openOversizedColumn = -1 }
    marks[recordCount] = RecordMark(
      fieldEnd: fieldCount, line: line, row: row, oversizedColumn: openOversizedColumn)
    recordCount &+= 1
    line &+= lineBreaks(in: UnsafeRawBufferPointer(start: bytes + openFirstByte, count: openByteCount))
    if terminator >= 0 { line &+= 1 }
    row &+= 1
    afterCR = terminator == 0x0D
    openFirstField = fieldCount
    openFirstByte = byteCount
    openOversizedColumn = 0
  }

  // MARK: Housekeeping between chunks

  /// Drops the complete records (all handed out), moving the open record to the front.
  mutating func dropCompleteRecords() {
    guard recordCount > 0 || openFirstField > 0 else { return }
    let openBytes = openByteCount
    if openFirstByte > 0, openBytes > 0 {
      memmove(bytes, bytes + openFirstByte, openBytes)
    }
    let openFields = openFieldCount
    for index in 0..<openFields {
      fieldEnds[index] = fieldEnds[openFirstField + index] - openFirstByte
    }
    byteCount = openBytes
    fieldCount = openFields
    openFirstField = 0
    openFirstByte = 0
    recordCount = 0
  }

  /// Forgets the open record's fields (after a malformed record was skipped).
  mutating func dropOpenRecord() {
    byteCount = openFirstByte
    fieldCount = openFirstField
    openOversizedColumn = 0
  }

  private mutating func growBytes(to needed: Int) {
    var capacity = byteCapacity * 2
    while capacity < needed { capacity *= 2 }
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    grown.update(from: bytes, count: byteCount)
    bytes.deallocate()
    bytes = grown
    byteCapacity = capacity
  }

  private mutating func growFields() {
    let capacity = fieldCapacity * 2
    let grown = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
    grown.update(from: fieldEnds, count: fieldCount)
    fieldEnds.deallocate()
    fieldEnds = grown
    fieldCapacity = capacity
  }

  private mutating func growMarks() {
    let capacity = recordCapacity * 2
    let grown = UnsafeMutablePointer<RecordMark>.allocate(capacity: capacity)
    grown.moveInitialize(from: marks, count: recordCount)
    marks.deallocate()
    marks = grown
    recordCapacity = capacity
  }
}

/// The number of line ends in `text`: LF, CR and CR LF each count once.
func lineBreaks(in text: UnsafeRawBufferPointer) -> Int {
  guard let base = text.baseAddress, text.count > 0 else { return 0 }
  if memchr(base, 0x0A, text.count) == nil, memchr(base, 0x0D, text.count) == nil { return 0 }
  var count = 0
  var index = 0
  while index < text.count {
    let byte = text[index]
    if byte == 0x0A {
      count += 1
    } else if byte == 0x0D {
      count += 1
      if index + 1 < text.count, text[index + 1] == 0x0A { index += 1 }
    }
    index += 1
  }
  return count
}
