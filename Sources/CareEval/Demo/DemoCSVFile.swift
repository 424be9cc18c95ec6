import CSVStream
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The CSV dialect one demo file is written in.
struct DemoDialect: Sendable {
  /// The field delimiter byte.
  var delimiter: UInt8 = 0x2C
  /// Quote every field (Kobo), rather than only fields that need it (RFC 4180).
  var quoteAll = false
  /// End lines with CR LF.
  var crlf = false
  /// The text encoding.
  var encoding: TextEncoding = .utf8
}

/// Writes one demo file: RFC 4180 quoting (or every field quoted), a chosen delimiter and
/// line end, and UTF-8, UTF-8 with BOM or GB18030 text.
///
/// The CSVStream writer has no "quote every field" mode and writes only UTF-8, and error
/// injection needs to write deliberately malformed records, so the demo has its own.
/// Records are buffered as UTF-8 and converted (GB18030 through iconv) a whole number of
/// records at a time, so a character is never split. ``records`` counts the records
/// written, header included, which is the spreadsheet row of the last one.
final class DemoCSVFile {
  /// The file name relative to the output folder (for errors.csv and messages).
  let name: String
  let dialect: DemoDialect
  private(set) var records = 0
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var converter: iconv_t?
  private var closed = false

  init(directory: String, name: String, dialect: DemoDialect) throws(DemoError) {
    self.name = name
    self.dialect = dialect
    let path = (directory as NSString).appendingPathComponent(name)
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw DemoError("cannot create \(path): \(String(cString: strerror(errno)))")
    }
    descriptor = fd
    buffer.reserveCapacity(1 << 17)
    switch dialect.encoding {
    case .utf8BOM:
      buffer.append(contentsOf: [0xEF, 0xBB, 0xBF])
    case .gb18030:
      let handle = iconv_open("GB18030", "UTF-8")
      guard handle != iconv_t(bitPattern: -1) else {
        _ = closeFile(fd)
        throw DemoError("cannot encode GB18030 on this system (iconv_open failed)")
      }
      converter = handle
    case .utf16LE, .utf16BE:
      _ = closeFile(fd)
      throw DemoError(
        "the demo writes UTF-8, UTF-8 with BOM or GB18030, not \(dialect.encoding.displayName)")
    case .utf8:
      break
    }
  }

  deinit {
    if !closed { _ = closeFile(descriptor) }
    if let converter { iconv_close(converter) }
  }

  /// Writes one record, quoting fields as the dialect says.
  func write(_ fields: [String]) throws(DemoError) {
    for (index, field) in fields.enumerated() {
      if index > 0 { buffer.append(dialect.delimiter) }
      appendField(field)
    }
    try endRecord()
  }

  /// Writes one record whose text is given as is (fields already joined and quoted, or
  /// deliberately malformed); the line end is added.
  func writeRaw(_ text: String) throws(DemoError) {
    buffer.append(contentsOf: Array(text.utf8))
    try endRecord()
  }

  /// The text `write` would produce for a field, for building raw records.
  func quoted(_ field: String) -> String {
    let saved = buffer.count
    appendField(field)
    let text = String(decoding: buffer[saved...], as: UTF8.self)
    buffer.removeSubrange(saved...)
    return text
  }

  /// Flushes and closes the file.
  func close() throws(DemoError) {
    guard !closed else { return }
    try flush()
    closed = true
    if closeFile(descriptor) != 0 {
      throw DemoError("cannot close \(name): \(String(cString: strerror(errno)))")
    }
  }

  private func appendField(_ field: String) {
    let bytes = Array(field.utf8)
    let needsQuotes =
      dialect.quoteAll
      || bytes.contains { $0 == dialect.delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    guard needsQuotes else {
      buffer.append(contentsOf: bytes)
      return
    }
    buffer.append(0x22)
    for byte in bytes {
      buffer.append(byte)
      if byte == 0x22 { buffer.append(0x22) }
    }
    buffer.append(0x22)
  }

  private func endRecord() throws(DemoError) {
    if dialect.crlf { buffer.append(0x0D) }
    buffer.append(0x0A)
    records += 1
    if buffer.count >= 1 << 16 { try flush() }
  }

  private func flush() throws(DemoError) {
    guard !buffer.isEmpty else { return }
    let bytes =
      try converter.map { converter throws(DemoError) in try encode(buffer, with: converter) }
      ?? buffer
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes { raw in
        systemWrite(descriptor, raw.baseAddress.map { $0 + written }, raw.count - written)
      }
      if result < 0 {
        if errno == EINTR { continue }
        throw DemoError("cannot write \(name): \(String(cString: strerror(errno)))")
      }
      written += result
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// UTF-8 to GB18030 (which encodes every Unicode character, so nothing is lost).
  private func encode(_ utf8: [UInt8], with converter: iconv_t) throws(DemoError) -> [UInt8] {
    var output = [UInt8](repeating: 0, count: utf8.count * 2 + 16)
    var input = utf8
    let produced: Int = input.withUnsafeMutableBytes { inRaw in
      output.withUnsafeMutableBytes { outRaw in
        var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
        var inLeft = inRaw.count
        var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
        var outLeft = outRaw.count
        let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
        return result == -1 || inLeft != 0 ? -1 : outRaw.count - outLeft
      }
    }
    guard produced >= 0 else { throw DemoError("cannot encode \(name) as GB18030") }
    return Array(output[..<produced])
  }
}

private func closeFile(_ fd: Int32) -> Int32 {
  #if canImport(Glibc)
    Glibc.close(fd)
  #else
    Darwin.close(fd)
  #endif
}

private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(fd, bytes, count)
  #else
    Darwin.write(fd, bytes, count)
  #endif
}
