import CSVStream
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An append-only temporary file of records (lists of text fields), read back by
/// offset or in order. It holds the cells of rows that may still have to be
/// written to rejects.csv, so that memory stays bounded by the number of children
/// whatever the size of the files.
///
/// The file is unlinked as soon as it is created, so it disappears with the
/// process. A class because it owns a file descriptor.
final class RecordSpool {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var flushed: Int64 = 0
  private let name: String

  /// Creates the spool in `directory` (default: the system's temporary folder).
  init(directory: String?, purpose: String) throws(IngestError) {
    let folder = directory ?? FileManager.default.temporaryDirectory.path
    var template = Array((folder + "/careeval-\(purpose)-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { pointer -> Int32 in
      guard let base = pointer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard fd >= 0 else {
      throw IngestError.io(
        "cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))")
    }
    let path = template.withUnsafeBufferPointer { pointer in
      pointer.baseAddress.map { String(cString: $0) } ?? ""
    }
    unlink(path)
    descriptor = fd
    name = path
    buffer.reserveCapacity(1 << 16)
  }

  deinit {
    close(descriptor)
  }

  /// The offset the next record will have.
  var endOffset: Int64 { flushed + Int64(buffer.count) }

  // A record is its field count (UInt32), its byte length (UInt32), then its fields
  // separated by NUL bytes. CSV fields never hold NUL (the reader rejects it); a NUL
  // in a text field is stored as U+FFFD.

  /// Appends a record of text fields and returns its offset.
  @discardableResult
  func append(_ fields: [String]) throws(IngestError) -> Int64 {
    let offset = endOffset
    let joined = Self.joined(fields)
    appendCount(fields.count)
    appendCount(joined.count)
    buffer.append(contentsOf: joined)
    try flushIfFull()
    return offset
  }

  /// Appends a record of `lead` text fields followed by the raw fields of a CSV
  /// record, copied in one piece from the reader's buffer (where each field is
  /// followed by a NUL).
  @discardableResult
  func append(_ lead: [String], raw: CSVRawRecord) throws(IngestError) -> Int64 {
    let offset = endOffset
    write(lead: Self.joined(lead), count: lead.count, raw: raw)
    try flushIfFull()
    return offset
  }

  /// Appends a record of one text field followed by the raw fields of a CSV record.
  @discardableResult
  func append(_ lead: String, raw: CSVRawRecord) throws(IngestError) -> Int64 {
    if lead.utf8.contains(0) { return try append([lead], raw: raw) }
    let offset = endOffset
    if lead.utf8.withContiguousStorageIfAvailable({ write(lead: $0, count: 1, raw: raw) }) == nil {
      write(lead: Array(lead.utf8), count: 1, raw: raw)
    }
    try flushIfFull()
    return offset
  }

  private func write(
    lead leadBytes: some Collection<UInt8>, count leadCount: Int, raw: CSVRawRecord
  ) {
    var span = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    if raw.count > 0, let first = raw.bytes(at: 0).baseAddress {
      let last = raw.bytes(at: raw.count - 1)
      if let lastStart = last.baseAddress {
        span = UnsafeBufferPointer(start: first, count: lastStart + last.count - first)
      }
    }
    let separator = leadCount > 0 && raw.count > 0 ? 1 : 0
    appendCount(leadCount + raw.count)
    appendCount(leadBytes.count + separator + span.count)
    buffer.append(contentsOf: leadBytes)
    if separator == 1 { buffer.append(0) }
    buffer.append(contentsOf: span)
  }

  private static func joined(_ fields: [String]) -> [UInt8] {
    var bytes: [UInt8] = []
    for (index, field) in fields.enumerated() {
      if index > 0 { bytes.append(0) }
      if field.utf8.contains(0) {
        bytes.append(
          contentsOf: field.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : String($0) }.joined()
            .utf8)
      } else {
        bytes.append(contentsOf: field.utf8)
      }
    }
    return bytes
  }

  /// Splits a record's bytes into its fields.
  private static func fields(_ bytes: ArraySlice<UInt8>, count: Int) -> [String] {
    guard count > 0 else { return [] }
    var fields: [String] = []
    fields.reserveCapacity(count)
    var start = bytes.startIndex
    for index in bytes.indices where bytes[index] == 0 {
      fields.append(String(decoding: bytes[start..<index], as: UTF8.self))
      start = index + 1
    }
    fields.append(String(decoding: bytes[start..<bytes.endIndex], as: UTF8.self))
    return fields
  }

  /// Reads back the record at `offset`.
  func record(at offset: Int64) throws(IngestError) -> [String] {
    try flush()
    var position = offset
    let count = try readCount(at: &position)
    let length = try readCount(at: &position)
    let bytes = try readBytes(length, at: &position)
    return Self.fields(bytes[...], count: count)
  }

  /// Calls `body` with every record's field count and its bytes (fields separated
  /// by NUL), in order; the bytes are valid only during the call.
  func forEachRaw(_ body: (Int, ArraySlice<UInt8>) throws(IngestError) -> Void) throws(IngestError)
  {
    try flush()
    var chunk: [UInt8] = []
    var start = 0
    var fileOffset: Int64 = 0
    func ensure(_ count: Int) throws(IngestError) {
      guard chunk.count - start < count else { return }
      chunk.removeFirst(start)
      start = 0
      let want = max(count - chunk.count, 1 << 20)
      var more = [UInt8](repeating: 0, count: want)
      var got = 0
      while got < want, fileOffset < flushed {
        let result = more.withUnsafeMutableBytes { pointer in
          pread(descriptor, pointer.baseAddress.map { $0 + got }, want - got, off_t(fileOffset))
        }
        if result < 0 && errno == EINTR { continue }
        guard result > 0 else { throw IngestError.io("cannot read the temporary file \(name)") }
        got += result
        fileOffset += Int64(result)
      }
      chunk.append(contentsOf: more.prefix(got))
      guard chunk.count >= count else {
        throw IngestError.io("the temporary file \(name) ends early")
      }
    }
    func count() throws(IngestError) -> Int {
      try ensure(4)
      let value =
        Int(chunk[start]) | Int(chunk[start + 1]) << 8 | Int(chunk[start + 2]) << 16 | Int(
          chunk[start + 3]) << 24
      start += 4
      return value
    }
    while fileOffset < flushed || start < chunk.count {
      let fieldCount = try count()
      let length = try count()
      try ensure(length)
      try body(fieldCount, chunk[start..<(start + length)])
      start += length
    }
  }

  /// Calls `body` with every record in order.
  func forEach(_ body: ([String]) throws(IngestError) -> Void) throws(IngestError) {
    try forEachRaw { count, bytes throws(IngestError) in try body(Self.fields(bytes, count: count))
    }
  }

  private func appendCount(_ count: Int) {
    var value = UInt32(truncatingIfNeeded: count).littleEndian
    withUnsafeBytes(of: &value) { buffer.append(contentsOf: $0) }
  }

  private func readCount(at position: inout Int64) throws(IngestError) -> Int {
    let bytes = try readBytes(4, at: &position)
    return Int(
      UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24)
  }

  private func readBytes(_ count: Int, at position: inout Int64) throws(IngestError) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let got = bytes.withUnsafeMutableBytes { pointer in
        pread(
          descriptor, pointer.baseAddress.map { $0 + done }, count - done,
          off_t(position) + off_t(done))
      }
      if got < 0 && errno == EINTR { continue }
      guard got > 0 else { throw IngestError.io("cannot read the temporary file \(name)") }
      done += got
    }
    position += Int64(count)
    return bytes
  }

  private func flushIfFull() throws(IngestError) {
    if buffer.count >= 1 << 16 { try flush() }
  }

  private func flush() throws(IngestError) {
    var written = 0
    while written < buffer.count {
      let result = buffer.withUnsafeBytes { pointer in
        pwrite(
          descriptor, pointer.baseAddress.map { $0 + written }, buffer.count - written,
          off_t(flushed) + off_t(written))
      }
      if result < 0 {
        if errno == EINTR { continue }
        throw IngestError.io(
          "cannot write the temporary file \(name): \(String(cString: strerror(errno)))")
      }
      written += result
    }
    flushed += Int64(buffer.count)
    buffer.removeAll(keepingCapacity: true)
  }
}
