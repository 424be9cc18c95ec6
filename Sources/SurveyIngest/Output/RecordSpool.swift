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
    Self.encode(lead: fields, raw: nil, into: &buffer)
    try flushIfFull()
    return offset
  }

  /// Appends a record of `lead` text fields followed by the raw fields of a CSV
  /// record, copied in one piece from the reader's buffer (where each field is
  /// followed by a NUL).
  @discardableResult
  func append(_ lead: [String], raw: CSVRawRecord) throws(IngestError) -> Int64 {
    let offset = endOffset
    Self.encode(lead: lead, raw: raw, into: &buffer)
    try flushIfFull()
    return offset
  }

  /// Appends a record of one text field followed by the raw fields of a CSV record.
  @discardableResult
  func append(_ lead: String, raw: CSVRawRecord) throws(IngestError) -> Int64 {
    let offset = endOffset
    Self.encode(lead: CollectionOfOne(lead), raw: raw, into: &buffer)
    try flushIfFull()
    return offset
  }

  // The encoders work on the buffer passed in, so that a record costs one access
  // to the class's buffer rather than one per byte run.

  private static func encode(
    lead: some Collection<String>, raw: CSVRawRecord?, into buffer: inout [UInt8]
  ) {
    let rawCount = raw?.count ?? 0
    appendCount(lead.count + rawCount, to: &buffer)
    let lengthAt = buffer.count
    appendCount(0, to: &buffer)
    var first = true
    for field in lead {
      if !first { buffer.append(0) }
      first = false
      appendText(field, to: &buffer)
    }
    if let raw, raw.count > 0 {
      if !lead.isEmpty { buffer.append(0) }
      appendFields(of: raw, to: &buffer)
    }
    let length = UInt32(truncatingIfNeeded: buffer.count - lengthAt - 4)
    buffer[lengthAt] = UInt8(truncatingIfNeeded: length)
    buffer[lengthAt + 1] = UInt8(truncatingIfNeeded: length >> 8)
    buffer[lengthAt + 2] = UInt8(truncatingIfNeeded: length >> 16)
    buffer[lengthAt + 3] = UInt8(truncatingIfNeeded: length >> 24)
  }

  /// The fields of a raw record in one piece: they sit in the reader's buffer one
  /// after the other, each followed by a NUL.
  private static func appendFields(of raw: CSVRawRecord, to buffer: inout [UInt8]) {
    guard raw.count > 0, let first = raw.bytes(at: 0).baseAddress else { return }
    let last = raw.bytes(at: raw.count - 1)
    guard let lastStart = last.baseAddress else { return }
    buffer.append(
      contentsOf: UnsafeBufferPointer(start: first, count: lastStart + last.count - first))
  }

  /// Appends the UTF-8 bytes of a text field; a NUL in it becomes U+FFFD.
  private static func appendText(_ text: String, to buffer: inout [UInt8]) {
    var text = text
    let hasNUL = text.withUTF8 { bytes -> Bool in
      guard let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil else {
        buffer.append(contentsOf: bytes)
        return false
      }
      return true
    }
    guard hasNUL else { return }
    for scalar in text.unicodeScalars {
      if scalar == "\u{0}" {
        buffer.append(contentsOf: [0xEF, 0xBF, 0xBD])
      } else {
        buffer.append(contentsOf: String(scalar).utf8)
      }
    }
  }

  private static func appendCount(_ count: Int, to buffer: inout [UInt8]) {
    let value = UInt32(truncatingIfNeeded: count)
    buffer.append(UInt8(truncatingIfNeeded: value))
    buffer.append(UInt8(truncatingIfNeeded: value >> 8))
    buffer.append(UInt8(truncatingIfNeeded: value >> 16))
    buffer.append(UInt8(truncatingIfNeeded: value >> 24))
  }

  /// Splits a record's bytes into its fields.
  private static func fields(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [String] {
    guard count > 0 else { return [] }
    var fields: [String] = []
    fields.reserveCapacity(count)
    var start = 0
    for index in 0..<bytes.count where bytes[index] == 0 {
      fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
      start = index + 1
    }
    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
    return fields
  }

  /// Reads back the record at `offset`.
  func record(at offset: Int64) throws(IngestError) -> [String] {
    try flush()
    var position = offset
    let count = try readCount(at: &position)
    let length = try readCount(at: &position)
    let bytes = try readBytes(length, at: &position)
    return bytes.withUnsafeBufferPointer { Self.fields($0, count: count) }
  }

  /// Calls `body` with every record's field count and its bytes (fields separated
  /// by NUL), in order; the bytes are valid only during the call.
  func forEachRaw(_ body: (Int, UnsafeBufferPointer<UInt8>) throws(IngestError) -> Void)
    throws(IngestError)
  {
    try flush()
    // A window over the file: `start..<end` holds bytes not yet visited.
    var capacity = 1 << 20
    var window = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { window.deallocate() }
    var start = 0
    var end = 0
    var fileOffset: Int64 = 0
    func ensure(_ count: Int) throws(IngestError) {
      guard end - start < count else { return }
      if start > 0 {
        if end > start { memmove(window, window + start, end - start) }
        end -= start
        start = 0
      }
      if count > capacity {
        capacity = max(count, capacity * 2)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: window, count: end)
        window.deallocate()
        window = larger
      }
      while end < count, fileOffset < flushed {
        let result = pread(descriptor, window + end, capacity - end, off_t(fileOffset))
        if result < 0 && errno == EINTR { continue }
        guard result > 0 else { throw IngestError.io("cannot read the temporary file \(name)") }
        end += result
        fileOffset += Int64(result)
      }
      guard end >= count else { throw IngestError.io("the temporary file \(name) ends early") }
    }
    while fileOffset < flushed || start < end {
      try ensure(8)
      let p = window + start
      let fieldCount = Int(p[0]) | Int(p[1]) << 8 | Int(p[2]) << 16 | Int(p[3]) << 24
      let length = Int(p[4]) | Int(p[5]) << 8 | Int(p[6]) << 16 | Int(p[7]) << 24
      start += 8
      try ensure(length)
      try body(fieldCount, UnsafeBufferPointer(start: window + start, count: length))
      start += length
    }
  }

  /// Calls `body` with every record in order.
  func forEach(_ body: ([String]) throws(IngestError) -> Void) throws(IngestError) {
    try forEachRaw { count, bytes throws(IngestError) in
      try body(Self.fields(bytes, count: count))
    }
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
