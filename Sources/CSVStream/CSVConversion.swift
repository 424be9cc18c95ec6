import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Rewrites what a ``CSVReader`` reads as clean UTF-8 CSV, atomically: the
/// model behind `careeval csv convert`.
public enum CSVConversion {
  /// What a conversion did.
  public struct Summary: Sendable, Equatable {
    /// Data records written (the header not counted).
    public var records: Int
    /// The input's encoding.
    public var sourceEncoding: TextEncoding
    /// Field-count mismatches, as warnings (at most `warningLimit`, then one line saying how many more).
    public var warnings: [String]
  }

  /// Copies every record of `reader` to `path`.
  ///
  /// The output goes to a temporary file beside `path`, renamed over `path`
  /// only when everything was read and written; on any error the temporary
  /// file is removed and `path` is untouched. Records whose field count
  /// differs from the header's are copied as they are, with a warning.
  /// - Parameters:
  ///   - reader: A reader straight after `init`, not recovering from errors.
  ///   - path: The output file.
  ///   - options: How to write.
  ///   - warningLimit: How many field-count warnings to list.
  /// - Returns: What was written.
  /// - Throws: ``CSVError``: the first problem in the input, or a write failure.
  public static func convert(
    _ reader: CSVReader, to path: String, options: CSVWriterOptions = .init(),
    warningLimit: Int = 10
  ) throws(CSVError) -> Summary {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
    var finished = false
    defer { if !finished { unlink(temporary) } }
    let writer = try CSVWriter(path: temporary, options: options)
    var records = 0
    var warnings: [String] = []
    var mismatches = 0
    if let header = reader.header { try writer.write(header) }
    while let record = try reader.next() {
      if let header = reader.header,
        let error = record.fieldCountError(header: header, file: reader.fileName)
      {
        mismatches += 1
        if mismatches <= warningLimit {
          warnings.append(
            error.description.replacingOccurrences(of: ": error: ", with: ": warning: "))
        }
      }
      try writer.write(record.fields)
      records += 1
    }
    try writer.close()
    if mismatches > warningLimit {
      warnings.append(
        "\(reader.fileName): warning: \(mismatches - warningLimit) more records have a different field count"
      )
    }
    guard rename(temporary, path) == 0 else {
      throw CSVError.io(file: path, "cannot move the finished file into place", errno: errno)
    }
    finished = true
    return Summary(records: records, sourceEncoding: reader.encoding, warnings: warnings)
  }
}
