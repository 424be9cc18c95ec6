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
/// exclusivity checks. When libcsv writes fields straight into ``bytes`` (see
/// ``LibCSVParser``), the field in progress sits just after ``byteCount``;
/// ``pendingBytes`` says how long it is, so that moving the storage keeps it.
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
  /// Bytes of the field in progress stored after `byteCount` (in-place mode), else 0.
  var pendingBytes = 0
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

  /// Bytes of storage held, for checking that memory stays bounded.
  var storageBytes: Int {
    byteCapacity + fieldCapacity * MemoryLayout<Int>.stride
      + recordCapacity * MemoryLayout<RecordMark>.stride
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

  /// Makes room for everything libcsv can submit while parsing `inputCount`
  /// more bytes with `partialField` bytes already in its field buffer: each
  /// input byte ends at most one field and adds at most one byte, and every
  /// field adds a NUL. With this done first, appending needs no checks.
  mutating func reserve(inputCount: Int, partialField: Int) {
    let bytesNeeded = byteCount + partialField + 2 * inputCount + 2
    if bytesNeeded > byteCapacity { growBytes(to: bytesNeeded) }
    let fieldsNeeded = fieldCount + inputCount + 1
    while fieldsNeeded > fieldCapacity { growFields() }
  }

  /// The free space after the stored fields, where libcsv may build the next field.
  var freeSpace: (start: UnsafeMutablePointer<UInt8>, count: Int) {
    (bytes + byteCount, byteCapacity - byteCount)
  }

  /// Records a field that libcsv wrote in place, followed by its NUL, at ``freeSpace``.
  @inline(__always)
  mutating func appendFieldInPlace(_ length: Int) {
    let end = byteCount &+ length
    fieldEnds[fieldCount] = end
    byteCount = end &+ 1
    fieldCount &+= 1
  }

  /// Appends a field; ``reserve(inputCount:partialField:)`` made the room.
  @inline(__always)
  mutating func appendField(_ field: UnsafeRawPointer?, _ length: Int) {
    // Work on copies: stores through `bytes` could alias `self` as far as the
    // compiler knows, which would force a reload of every property.
    let bytes = self.bytes
    let start = byteCount
    let index = fieldCount
    if let field {
      // Survey fields are mostly a byte or two. libcsv has just written them
      // byte by byte; copying bytes (then words, for long fields) rather than
      // calling memcpy keeps this a leaf function and avoids store-forwarding stalls.
      let target = UnsafeMutableRawPointer(bytes + start)
      var offset = 0
      if length > 16 {
        while offset &+ 8 <= length {
          (target + offset).storeBytes(
            of: field.loadUnaligned(fromByteOffset: offset, as: UInt64.self), as: UInt64.self)
          offset &+= 8
        }
      }
      let source = field.assumingMemoryBound(to: UInt8.self)
      while offset < length {
        bytes[start &+ offset] = source[offset]
        offset &+= 1
      }
    }
    let end = start &+ length
    bytes[end] = 0
    fieldEnds[index] = end
    byteCount = end &+ 1
    fieldCount = index &+ 1
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
    if openByteCount > maxFieldBytes { checkLengths() }
    marks[recordCount] = RecordMark(
      fieldEnd: fieldCount, line: line, row: row, oversizedColumn: openOversizedColumn)
    recordCount &+= 1
    line &+= lineBreaks(
      in: UnsafeRawBufferPointer(start: bytes + openFirstByte, count: openByteCount))
    if terminator >= 0 { line &+= 1 }
    row &+= 1
    afterCR = terminator == 0x0D
    openFirstField = fieldCount
    openFirstByte = byteCount
    openOversizedColumn = 0
  }

  /// Notes the open record's first field over the field limit, or the
  /// record itself over the record limit (only called for long records).
  private mutating func checkLengths() {
    for field in openFirstField..<fieldCount where fieldRange(field).count > maxFieldBytes {
      openOversizedColumn = field - openFirstField + 1
      return
    }
    if openByteCount > maxRecordBytes { openOversizedColumn = -1 }
  }

  // MARK: Housekeeping between chunks

  /// Drops the complete records (all handed out), moving the open record
  /// (and a field in progress stored in place) to the front.
  mutating func dropCompleteRecords() {
    guard recordCount > 0 || openFirstField > 0 else { return }
    let openBytes = openByteCount
    if openFirstByte > 0, openBytes + pendingBytes > 0 {
      memmove(bytes, bytes + openFirstByte, openBytes + pendingBytes)
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
    pendingBytes = 0
    byteCount = openFirstByte
    fieldCount = openFirstField
    openOversizedColumn = 0
  }

  private mutating func growBytes(to needed: Int) {
    var capacity = byteCapacity * 2
    while capacity < needed { capacity *= 2 }
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    grown.update(from: bytes, count: byteCount + pendingBytes)
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
