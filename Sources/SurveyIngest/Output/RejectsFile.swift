import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes rejects.csv straight from the spool's bytes: UTF-8 with a byte-order mark,
/// CRLF line ends, RFC 4180 quoting (a field with a comma, quote, CR or LF is
/// quoted, inner quotes doubled), every row padded to the header's width.
enum RejectsFile {
  static func save(_ spool: RecordSpool, header: [String], to path: String) throws(IngestError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw IngestError.io("cannot write \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    var writer = Writer(descriptor: fd, path: path, width: header.count)
    defer { writer.release() }
    try writer.put([0xEF, 0xBB, 0xBF])
    for (index, name) in header.enumerated() {
      if index > 0 { try writer.put([0x2C]) }
      try Array(name.utf8).withUnsafeBufferPointer { (field) throws(IngestError) in
        try writer.field(field)
      }
    }
    try writer.put([0x0D, 0x0A])
    try spool.forEachRaw { count, bytes throws(IngestError) in
      try writer.record(count: count, bytes)
    }
    try writer.flush()
  }

  /// The output buffer and the CSV encoding of spool records.
  private struct Writer {
    let descriptor: Int32
    let path: String
    /// The number of fields of every line (the header's).
    let width: Int
    let capacity = 1 << 17
    let buffer: UnsafeMutablePointer<UInt8>
    var used = 0

    init(descriptor: Int32, path: String, width: Int) {
      self.descriptor = descriptor
      self.path = path
      self.width = width
      buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    func release() { buffer.deallocate() }

    /// One spool record (fields separated by NUL) as one CSV line.
    mutating func record(count: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws(IngestError) {
      var written = 0
      if count > 0 {
        var start = 0
        while true {
          var end = bytes.count
          if let base = bytes.baseAddress, start < bytes.count,
            let nul = memchr(base + start, 0, bytes.count - start)
          {
            end = UnsafeRawPointer(nul) - UnsafeRawPointer(base)
          }
          if written > 0 { try put([0x2C]) }
          try field(UnsafeBufferPointer(rebasing: bytes[start..<end]))
          written += 1
          guard end < bytes.count else { break }
          start = end + 1
        }
      }
      var padding = width - written
      while padding > 0 {
        let piece = min(padding, capacity)
        try ensure(piece)
        (buffer + used).initialize(repeating: 0x2C, count: piece)
        used += piece
        padding -= piece
      }
      if written == 0 && width <= 1 { try put([0x22, 0x22]) }
      try put([0x0D, 0x0A])
    }

    /// A field, quoted when it holds a comma, quote, CR or LF.
    mutating func field(_ field: UnsafeBufferPointer<UInt8>) throws(IngestError) {
      var quoted = false
      for byte in field where byte == 0x2C || byte == 0x22 || byte == 0x0D || byte == 0x0A {
        quoted = true
        break
      }
      guard quoted else {
        try put(field)
        return
      }
      try put([0x22])
      var start = 0
      for (index, byte) in field.enumerated() where byte == 0x22 {
        try put(UnsafeBufferPointer(rebasing: field[start...index]))
        start = index
      }
      try put(UnsafeBufferPointer(rebasing: field[start...]))
      try put([0x22])
    }

    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) throws(IngestError) {
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
      if bytes.count > capacity {
        try flush()
        try writeAll(base, bytes.count)
        return
      }
      try ensure(bytes.count)
      (buffer + used).update(from: base, count: bytes.count)
      used += bytes.count
    }

    mutating func put(_ bytes: [UInt8]) throws(IngestError) {
      try ensure(bytes.count)
      for byte in bytes {
        buffer[used] = byte
        used += 1
      }
    }

    mutating func ensure(_ count: Int) throws(IngestError) {
      if used + count > capacity { try flush() }
    }

    mutating func flush() throws(IngestError) {
      try writeAll(buffer, used)
      used = 0
    }

    private func writeAll(_ base: UnsafePointer<UInt8>, _ count: Int) throws(IngestError) {
      var written = 0
      while written < count {
        let result = write(descriptor, base + written, count - written)
        if result < 0 {
          if errno == EINTR { continue }
          throw IngestError.io("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        written += result
      }
    }
  }
}
