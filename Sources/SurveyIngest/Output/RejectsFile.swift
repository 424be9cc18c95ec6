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
    var out: [UInt8] = [0xEF, 0xBB, 0xBF]
    out.reserveCapacity(1 << 17)
    func flush() throws(IngestError) {
      var written = 0
      while written < out.count {
        let result = out.withUnsafeBytes {
          write(fd, $0.baseAddress.map { $0 + written }, out.count - written)
        }
        if result < 0 {
          if errno == EINTR { continue }
          throw IngestError.io("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        written += result
      }
      out.removeAll(keepingCapacity: true)
    }
    for (index, name) in header.enumerated() {
      if index > 0 { out.append(0x2C) }
      appendField(Array(name.utf8)[...], to: &out)
    }
    out += [0x0D, 0x0A]
    try spool.forEachRaw { count, bytes throws(IngestError) in
      var start = bytes.startIndex
      var written = 0
      for position in bytes.indices where bytes[position] == 0 {
        if written > 0 { out.append(0x2C) }
        appendField(bytes[start..<position], to: &out)
        written += 1
        start = position + 1
      }
      if count > 0 {
        if written > 0 { out.append(0x2C) }
        appendField(bytes[start..<bytes.endIndex], to: &out)
        written += 1
      }
      for _ in written..<max(header.count, written) { out.append(0x2C) }
      if written == 0 && header.count <= 1 { out += [0x22, 0x22] }
      out += [0x0D, 0x0A]
      if out.count >= 1 << 16 { try flush() }
    }
    try flush()
  }

  private static func appendField(_ field: ArraySlice<UInt8>, to out: inout [UInt8]) {
    let needsQuotes = field.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
    guard needsQuotes else {
      out.append(contentsOf: field)
      return
    }
    out.append(0x22)
    for byte in field {
      if byte == 0x22 { out.append(0x22) }
      out.append(byte)
    }
    out.append(0x22)
  }
}
