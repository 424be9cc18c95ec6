import Foundation

/// Streams the records of a CSV file, a `FileHandle` or standard input.
///
/// The input is read in chunks of ``CSVReaderOptions/chunkSize`` bytes,
/// decoded to UTF-8 and parsed by libcsv in strict mode, so memory stays
/// bounded by the chunk size and the field limit, never by the file size.
///
/// ```swift
/// let reader = try CSVReader(path: "child.csv")
/// let age = reader.index(ofColumn: "age")
/// while let record = try reader.next() {
///   print(record.number, record.fields)
/// }
/// ```
///
/// Blank lines are skipped but still counted in ``CSVRecord/number`` (a
/// spreadsheet shows them as empty rows) and ``CSVRecord/line``. Spaces
/// around unquoted fields are kept. A byte-order mark is removed.
///
/// For hot paths, ``forEachRecord(malformed:_:)`` visits records without
/// making a `String` per field.
public final class CSVReader {
  /// The file name used in errors.
  public let fileName: String
  /// The header's fields when ``CSVReaderOptions/hasHeader`` is set (read
  /// during `init`), else `nil`.
  public internal(set) var header: [String]?
  /// The encoding, as given or detected.
  public let encoding: TextEncoding
  /// The field delimiter, as given or detected.
  public let delimiter: UInt8
  /// With ``CSVReaderOptions/recoverFromErrors``, the malformed records that
  /// ``next()`` and ``forEachRecord(malformed:_:)`` skipped, in file order.
  /// ``nextEntry()`` does not collect them (memory stays bounded); prefer it
  /// when every rejected row must be kept.
  public internal(set) var recoveredErrors: [CSVError] = []

  let options: CSVReaderOptions
  let encodingWasDetected: Bool
  let source: ByteSource
  let decoder: TextDecoder
  let parser: LibCSVParser
  var columns: [String: Int] = [:]

  // Reading state (see CSVReader+Reading.swift).
  var chunk = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
  var chunkMarks: [EncodingMark] = []
  var markIndex = 0
  var position = 0
  var nextRecord = 0
  var inputEnded = false
  var failure: CSVError?
  var pendingMalformed: CSVError?
  var skipping: SkippedRecord?
  /// While the header is parsed on its own: whether the scan for its end is inside quotes.
  var headerScanInQuotes = false

  /// Opens a file and reads its header.
  /// - Parameters:
  ///   - path: The file to read.
  ///   - options: How to read it.
  /// - Throws: ``CSVError``: the file cannot be opened, is empty, or its
  ///   first record is malformed.
  public convenience init(path: String, options: CSVReaderOptions = .init()) throws(CSVError) {
    try self.init(source: ByteSource(path: path), options: options)
  }

  /// Reads from an open file handle (for example `FileHandle.standardInput`)
  /// and reads the header. The handle is not closed.
  /// - Parameters:
  ///   - fileHandle: Where to read.
  ///   - name: The name to use in errors, such as `<stdin>`.
  ///   - options: How to read it.
  /// - Throws: ``CSVError`` as for ``init(path:options:)``.
  public convenience init(
    fileHandle: FileHandle, name: String, options: CSVReaderOptions = .init()
  ) throws(CSVError) {
    try self.init(source: ByteSource(fileHandle: fileHandle, name: name), options: options)
  }

  /// Reads CSV text held in memory (for tests and small tables).
  /// - Parameters:
  ///   - bytes: The file's bytes.
  ///   - name: The name to use in errors.
  ///   - options: How to read it.
  /// - Throws: ``CSVError`` as for ``init(path:options:)``.
  public convenience init(
    bytes: [UInt8], name: String, options: CSVReaderOptions = .init()
  ) throws(CSVError) {
    try self.init(source: ByteSource(bytes: bytes, name: name), options: options)
  }

  init(source: ByteSource, options: CSVReaderOptions) throws(CSVError) {
    var options = options
    options.chunkSize = max(options.chunkSize, 1)
    options.maxFieldBytes = max(options.maxFieldBytes, 1)
    if let delimiter = options.delimiter {
      precondition(
        delimiter != 0x22 && delimiter != 0x0A && delimiter != 0x0D && delimiter != 0
          && delimiter < 0x80,
        "the delimiter must be an ASCII character other than a quote or a line end")
    }
    self.options = options
    self.source = source
    fileName = source.name

    let sniffSize = 64 * 1024
    let (start, isWholeInput) = try source.sniff(upTo: sniffSize)
    let markLength: Int
    if let given = options.encoding {
      (encoding, markLength, encodingWasDetected) = (given, given.markLength(in: start), false)
    } else {
      let detected = TextEncoding.detect(in: start, isWholeInput: isWholeInput)
      (encoding, markLength, encodingWasDetected) = (detected.0, detected.markLength, true)
    }
    source.dropSniffed(markLength)
    decoder = try TextDecoder(encoding: encoding, chunkSize: options.chunkSize, file: source.name)

    if let given = options.delimiter {
      delimiter = given
    } else {
      let text = try Self.decodedPrefix(
        Array(start[markLength...]), encoding: encoding, name: source.name)
      delimiter = DelimiterDetection.detect(in: text, isWholeInput: isWholeInput)
    }
    parser = LibCSVParser(
      delimiter: delimiter, maxFieldBytes: options.maxFieldBytes,
      maxRecordBytes: options.maxRecordBytes,
      copyFields: options.copiesFields)
    try readHeader(sawBytes: !start.isEmpty)
  }

  /// The index of the first header column named `name` (exact match), or `nil`.
  public func index(ofColumn name: String) -> Int? {
    columns[name]
  }

  private func readHeader(sawBytes: Bool) throws(CSVError) {
    switch try advance() {
    case nil:
      throw CSVError.emptyFile(file: fileName, hadBytes: sawBytes)
    case .malformed(let error):
      if options.hasHeader { throw error }
      pendingMalformed = error
    case .record(let index):
      if let error = oversizedError(record: index) { throw error }
      guard options.hasHeader else {
        nextRecord -= 1
        return
      }
      let fields = strings(ofRecord: index)
      header = fields
      for (column, name) in fields.enumerated() where columns[name] == nil {
        columns[name] = column
      }
    }
  }

  /// Decodes the sniffed start of the input for delimiter detection.
  private static func decodedPrefix(
    _ bytes: [UInt8], encoding: TextEncoding, name: String
  ) throws(CSVError) -> [UInt8] {
    if encoding == .utf8 || encoding == .utf8BOM { return bytes }
    let decoder = try TextDecoder(encoding: encoding, chunkSize: max(bytes.count, 1), file: name)
    let source = ByteSource(bytes: bytes, name: name)
    var text: [UInt8] = []
    while let piece = try decoder.next(from: source) { text.append(contentsOf: piece) }
    return text
  }
}
