import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a ``CSVWriter`` writes.
public struct CSVWriterOptions: Sendable {
  /// The field delimiter, an ASCII byte other than a quote or a line end. Default `,`.
  public var delimiter: UInt8
  /// End lines with CR LF (as Excel and RFC 4180 do) instead of LF.
  public var crlf: Bool
  /// Start the file with the UTF-8 byte-order mark, so that Excel on Chinese
  /// Windows reads it as UTF-8 rather than GBK.
  public var bom: Bool

  /// Creates options: comma, LF line ends and no BOM unless given.
  public init(delimiter: UInt8 = 0x2C, crlf: Bool = false, bom: Bool = false) {
    self.delimiter = delimiter
    self.crlf = crlf
    self.bom = bom
  }
}

/// Writes UTF-8 CSV with RFC 4180 quoting: a field is quoted when it holds the
/// delimiter, a quote, a CR or an LF, with inner quotes doubled. A record of
/// one empty field is written as `""` so it is not read back as a blank line.
/// What a ``CSVReader`` reads back equals what was written, for any text
/// without NUL characters.
public final class CSVWriter {
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private let handle: FileHandle?
  private let name: String
  private let options: CSVWriterOptions
  private var buffer: [UInt8] = []
  private var records = 0
  private var closed = false

  /// Creates (or truncates) the file at `path`.
  /// - Parameters:
  ///   - path: Where to write.
  ///   - options: Delimiter, line ends, BOM.
  /// - Throws: ``CSVError`` of kind ``CSVError/Kind/io`` when the file cannot be created.
  public init(path: String, options: CSVWriterOptions = .init()) throws(CSVError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw CSVError.io(file: path, "cannot create the file", errno: errno) }
    descriptor = fd
    ownsDescriptor = true
    handle = nil
    name = path
    self.options = Self.checked(options)
    start()
  }

  /// Writes to an open file handle (for example `FileHandle.standardOutput`),
  /// which ``close()`` flushes but does not close.
  /// - Parameters:
  ///   - fileHandle: Where to write.
  ///   - name: The name used in errors.
  ///   - options: Delimiter, line ends, BOM.
  public init(
    fileHandle: FileHandle, name: String = "<output>", options: CSVWriterOptions = .init()
  ) {
    descriptor = fileHandle.fileDescriptor
    ownsDescriptor = false
    handle = fileHandle
    self.name = name
    self.options = Self.checked(options)
    start()
  }

  deinit {
    if !closed {
      try? flush()
      if ownsDescriptor { closeDescriptor(descriptor) }
    }
  }

  private static func checked(_ options: CSVWriterOptions) -> CSVWriterOptions {
    let delimiter = options.delimiter
    precondition(
      delimiter < 0x80 && delimiter != 0x22 && delimiter != 0x0A && delimiter != 0x0D
        && delimiter != 0,
      "the delimiter must be an ASCII character other than a quote or a line end")
    return options
  }

  private func start() {
    buffer.reserveCapacity(1 << 16)
    if options.bom { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
  }

  /// Writes one record.
  /// - Parameter fields: The fields, in order.
  /// - Throws: ``CSVError``: ``CSVError/Kind/nulByte`` for a field with a NUL
  ///   character (CSV readers cannot read it back), ``CSVError/Kind/io`` when writing fails.
  public func write(_ fields: [String]) throws(CSVError) {
    precondition(!closed, "write after close")
    records += 1
    for (column, field) in fields.enumerated() {
      if column > 0 { buffer.append(options.delimiter) }
      var field = field
      let hasNul = field.withUTF8 { bytes in
        if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil { return true }
        if fields.count == 1 && bytes.isEmpty {
          buffer.append(contentsOf: [0x22, 0x22])
        } else {
          CSVQuoting.append(
            UnsafeRawBufferPointer(bytes), delimiter: options.delimiter, to: &buffer)
        }
        return false
      }
      if hasNul {
        throw CSVError(
          kind: .nulByte, file: name, record: records, line: records, column: column + 1,
          message:
            "field \(column + 1) of record \(records) contains a NUL character, which CSV cannot hold"
        )
      }
    }
    if options.crlf { buffer.append(0x0D) }
    buffer.append(0x0A)
    if buffer.count >= 1 << 16 { try flush() }
  }

  /// Writes what is buffered and closes the file (a file handle is only flushed).
  /// - Throws: ``CSVError`` of kind ``CSVError/Kind/io`` when writing fails.
  public func close() throws(CSVError) {
    guard !closed else { return }
    closed = true
    defer { if ownsDescriptor { closeDescriptor(descriptor) } }
    try flush()
  }

  private func flush() throws(CSVError) {
    var written = 0
    while written < buffer.count {
      let result = buffer.withUnsafeBytes { bytes in
        systemWrite(descriptor, bytes.baseAddress.map { $0 + written }, bytes.count - written)
      }
      if result < 0 {
        if errno == EINTR { continue }
        throw CSVError.io(file: name, "cannot write the file", errno: errno)
      }
      written += result
    }
    buffer.removeAll(keepingCapacity: true)
  }
}

private func closeDescriptor(_ fd: Int32) {
  #if canImport(Glibc)
    _ = Glibc.close(fd)
  #else
    _ = Darwin.close(fd)
  #endif
}

private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(fd, bytes, count)
  #else
    Darwin.write(fd, bytes, count)
  #endif
}
