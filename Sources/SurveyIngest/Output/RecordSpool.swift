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
      throw IngestError.io("cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))")
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

  /// Appends a record of text fields and returns its offset.
  @discardableResult
  func append(_ fields: [String]) throws(IngestError) -> Int64 {
    let offset = endOffset
    appendCount(fields.count)
    for field in fields {
      var field = field
      field.withUTF8 { bytes in
        appendCount(bytes.count)
        buffer.append(contentsOf: bytes)
      }
    }
    try flushIfFull()
    return offset
  }

  /// Appends a record of `lead` text fields followed by the raw fields of a CSV record.
  @discardableResult
  func append(_ lead: [String], raw: CSVRawRecord) throws(IngestError) -> Int64 {
    let offset = endOffset
    appendCount(lead.count + raw.count)
    for field in lead {
      var field = field
      field.withUTF8 { bytes in
        appendCount(bytes.count)
        buffer.append(contentsOf: bytes)
      }
    }
    for index in 0..<raw.count {
      let bytes = raw.bytes(at: index)
      appendCount(bytes.count)
      buffer.append(contentsOf: bytes)
    }
    try flushIfFull()
    return offset
  }

  /// Reads back the record at `offset`.
  func record(at offset: Int64) throws(IngestError) -> [String] {
    try flush()
    var position = offset
    let count = try readCount(at: &position)
    var fields: [String] = []
    fields.reserveCapacity(count)
    for _ in 0..<count {
      let length = try readCount(at: &position)
      fields.append(String(decoding: try readBytes(length, at: &position), as: UTF8.self))
    }
    return fields
  }

  /// Calls `body` with every record in order.
  func forEach(_ body: ([String]) throws(IngestError) -> Void) throws(IngestError) {
    try flush()
    var offset: Int64 = 0
    while offset < flushed {
      var position = offset
      let count = try readCount(at: &position)
      var fields: [String] = []
      fields.reserveCapacity(count)
      for _ in 0..<count {
        let length = try readCount(at: &position)
        fields.append(String(decoding: try readBytes(length, at: &position), as: UTF8.self))
      }
      try body(fields)
      offset = position
    }
  }

  private func appendCount(_ count: Int) {
    var value = UInt32(truncatingIfNeeded: count).littleEndian
    withUnsafeBytes(of: &value) { buffer.append(contentsOf: $0) }
  }

  private func readCount(at position: inout Int64) throws(IngestError) -> Int {
    let bytes = try readBytes(4, at: &position)
    return Int(UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24)
  }

  private func readBytes(_ count: Int, at position: inout Int64) throws(IngestError) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let got = bytes.withUnsafeMutableBytes { pointer in
        pread(descriptor, pointer.baseAddress.map { $0 + done }, count - done, off_t(position) + off_t(done))
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
        pwrite(descriptor, pointer.baseAddress.map { $0 + written }, buffer.count - written, off_t(flushed) + off_t(written))
      }
      if result < 0 {
        if errno == EINTR { continue }
        throw IngestError.io("cannot write the temporary file \(name): \(String(cString: strerror(errno)))")
      }
      written += result
    }
    flushed += Int64(buffer.count)
    buffer.removeAll(keepingCapacity: true)
  }
}
