/// How a ``CSVReader`` reads a file. Every property has a default that suits
/// survey exports, so `CSVReaderOptions()` is the usual value.
public struct CSVReaderOptions: Sendable {
  /// The field delimiter byte, or `nil` to detect it among `,` `;` TAB and `|`
  /// from the first records (quoted text is not counted).
  public var delimiter: UInt8?
  /// The text encoding, or `nil` to detect it: a byte-order mark decides; without
  /// one the file is UTF-8 when its first 64 KiB are valid UTF-8, else GB18030.
  public var encoding: TextEncoding?
  /// Whether the first record is a header of column names. Default `true`.
  public var hasHeader: Bool
  /// Bytes read from the input at a time. Default 64 KiB. Memory use is a
  /// small multiple of this plus `maxFieldBytes`, whatever the file size.
  public var chunkSize: Int
  /// The longest field accepted, in UTF-8 bytes; longer fields are a
  /// ``CSVError/Kind/fieldTooLong`` error. Default 1 MiB. A record may hold at
  /// most 8 times this many bytes in all.
  public var maxFieldBytes: Int
  /// Whether a malformed record ends the read (`false`, the default) or is
  /// reported and skipped, the read going on at the next line.
  /// See ``CSVReader/nextEntry()``.
  public var recoverFromErrors: Bool

  /// Creates options; every parameter has the documented default.
  public init(
    delimiter: UInt8? = nil,
    encoding: TextEncoding? = nil,
    hasHeader: Bool = true,
    chunkSize: Int = 64 * 1024,
    maxFieldBytes: Int = 1024 * 1024,
    recoverFromErrors: Bool = false
  ) {
    self.delimiter = delimiter
    self.encoding = encoding
    self.hasHeader = hasHeader
    self.chunkSize = chunkSize
    self.maxFieldBytes = maxFieldBytes
    self.recoverFromErrors = recoverFromErrors
  }

  /// Copy each field out of libcsv's buffer instead of building it in place
  /// (the fallback; tests use it to cover both ways).
  var copiesFields = false

  /// The record limit derived from `maxFieldBytes`.
  var maxRecordBytes: Int { max(maxFieldBytes, 1) &* 8 }
}
