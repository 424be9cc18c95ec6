/// What a whole read of a CSV file shows: encoding, delimiter, header, record
/// count, how many fields the records have, and the first problems. The model
/// behind `careeval csv inspect`.
public struct CSVInspection: Sendable, Encodable, Equatable {
  /// A problem found while reading, located.
  public struct Problem: Sendable, Encodable, Equatable {
    /// The ``CSVError/Kind`` raw value.
    public var kind: String
    /// The spreadsheet row, as ``CSVError/record``.
    public var record: Int
    /// The physical line, as ``CSVError/line``.
    public var line: Int
    /// The field number, as ``CSVError/column``.
    public var column: Int
    /// The plain-words message.
    public var message: String
    /// The compiler-style line with the location, as ``CSVError/description``.
    public var description: String

    /// Creates a problem from an error.
    public init(_ error: CSVError) {
      kind = error.kind.rawValue
      record = error.record
      line = error.line
      column = error.column
      message = error.message
      description = error.description
    }
  }

  /// The file name the reader was given.
  public var file: String
  /// The ``TextEncoding`` raw value.
  public var encoding: String
  /// Whether the encoding was detected (not given).
  public var encodingDetected: Bool
  /// The delimiter as people write it (`,` `;` `TAB` `|` …).
  public var delimiter: String
  /// Whether the delimiter was detected (not given).
  public var delimiterDetected: Bool
  /// The header's fields, or `nil` when the file was read without a header.
  public var header: [String]?
  /// Records read, not counting the header or malformed records.
  public var records: Int
  /// How many records have each field count; keys are the counts as text.
  public var fieldCounts: [String: Int]
  /// How many problems were found (malformed records and field-count mismatches).
  public var problemCount: Int
  /// The first problems, in file order.
  public var problems: [Problem]

  /// Reads the rest of `reader` and summarises it.
  ///
  /// Give the reader ``CSVReaderOptions/recoverFromErrors`` so that reading
  /// goes past malformed records; otherwise the first one is thrown.
  /// - Parameters:
  ///   - reader: A reader straight after `init`.
  ///   - options: The options the reader was made with (to tell given from detected).
  ///   - problemLimit: How many problems to keep (all are counted).
  /// - Throws: ``CSVError`` when the input cannot be read on.
  public init(reading reader: CSVReader, options: CSVReaderOptions, problemLimit: Int = 20)
    throws(CSVError)
  {
    var counts: [Int: Int] = [:]
    var records = 0
    var problems: [Problem] = []
    var problemCount = 0
    func note(_ error: CSVError) {
      problemCount += 1
      if problems.count < problemLimit { problems.append(Problem(error)) }
    }
    while let entry = try reader.nextEntry() {
      switch entry {
      case .malformed(let error):
        note(error)
      case .record(let record):
        records += 1
        counts[record.fields.count, default: 0] += 1
        if let header = reader.header,
          let error = record.fieldCountError(header: header, file: reader.fileName)
        {
          note(error)
        }
      }
    }
    file = reader.fileName
    encoding = reader.encoding.rawValue
    encodingDetected = options.encoding == nil
    delimiter = CSVInspection.shown(reader.delimiter)
    delimiterDetected = options.delimiter == nil
    header = reader.header
    self.records = records
    fieldCounts = Dictionary(uniqueKeysWithValues: counts.map { (String($0.key), $0.value) })
    self.problemCount = problemCount
    self.problems = problems
  }

  /// A delimiter as people write it.
  public static func shown(_ delimiter: UInt8) -> String {
    switch delimiter {
    case 0x09: "TAB"
    case 0x20: "space"
    default: String(Character(Unicode.Scalar(delimiter)))
    }
  }

  /// The report as text, one fact per line.
  public var text: String {
    func how(_ detected: Bool) -> String { detected ? "detected" : "given" }
    var lines = ["file:       \(file)"]
    let encodingName = TextEncoding(rawValue: encoding)?.displayName ?? encoding
    lines.append("encoding:   \(encodingName) (\(how(encodingDetected)))")
    lines.append("delimiter:  \(delimiter) (\(how(delimiterDetected)))")
    if let header {
      lines.append("header:     \(header.count) columns")
      for (index, name) in header.enumerated() { lines.append("  \(index + 1)\t\(name)") }
    } else {
      lines.append("header:     none")
    }
    lines.append("records:    \(records)\(header == nil ? "" : " (not counting the header)")")
    lines.append("fields per record:")
    for (count, number) in fieldCounts.map({ (Int($0.key) ?? 0, $0.value) }).sorted(by: {
      $0.0 < $1.0
    }) {
      let marker = header.map { $0.count == count ? "" : "  <- the header has \($0.count)" } ?? ""
      lines.append("  \(count) fields: \(number) records\(marker)")
    }
    if problemCount == 0 {
      lines.append("problems:   none")
    } else {
      let shown = problems.count < problemCount ? " (first \(problems.count) shown)" : ""
      lines.append("problems:   \(problemCount)\(shown)")
      for problem in problems { lines.append("  " + problem.description) }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
