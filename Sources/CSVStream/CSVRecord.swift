/// One record (row) of a CSV file, its fields decoded to Unicode text.
public struct CSVRecord: Sendable, Equatable {
  /// The fields, in file order. Quotes are removed and `""` is read as `"`;
  /// spaces around unquoted fields are kept.
  public var fields: [String]
  /// The record's row as a spreadsheet shows it: the header is row 1, the first
  /// data record row 2 (without a header the first record is row 1). Skipped
  /// blank lines count as rows, as they do in a spreadsheet.
  public var number: Int
  /// The 1-based physical line where the record starts; a quoted field may
  /// span lines, so `line` can run ahead of `number`.
  public var line: Int

  /// Creates a record.
  public init(fields: [String], number: Int, line: Int) {
    self.fields = fields
    self.number = number
    self.line = line
  }
}

extension CSVRecord {
  /// A diagnostic when the record does not have `expected` fields, for the
  /// caller to treat as an error or a warning.
  ///
  /// The column is the first missing field (too few) or the first extra one
  /// (too many).
  /// - Parameters:
  ///   - expected: The number of fields every record should have (the header's).
  ///   - file: The file name to put in the error.
  /// - Returns: A ``CSVError`` of kind ``CSVError/Kind/fieldCount``, or `nil`.
  public func fieldCountError(expected: Int, file: String) -> CSVError? {
    fieldCountError(header: nil, expected: expected, file: file)
  }

  /// Like ``fieldCountError(expected:file:)``, naming the header's columns in
  /// the message.
  /// - Parameters:
  ///   - header: The header fields; their count is the expected count.
  ///   - file: The file name to put in the error.
  /// - Returns: A ``CSVError`` of kind ``CSVError/Kind/fieldCount``, or `nil`.
  public func fieldCountError(header: [String], file: String) -> CSVError? {
    fieldCountError(header: header, expected: header.count, file: file)
  }

  private func fieldCountError(header: [String]?, expected: Int, file: String) -> CSVError? {
    let count = fields.count
    guard count != expected else { return nil }
    let column = count < expected ? count + 1 : expected + 1
    let message = CSVError.fieldCountMessage(
      row: number, count: count, expected: expected, header: header, fields: fields)
    return CSVError(
      kind: .fieldCount, file: file, record: number, line: line, column: column, message: message)
  }
}
