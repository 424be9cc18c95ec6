import SurveySchema

/// One problem found in a data row: where, under which rule, and what, in words a
/// survey coordinator can act on.
public struct IngestProblem: Sendable, Hashable {
  /// The rule broken.
  public var rule: IngestRule
  /// The data file, as given.
  public var file: String
  /// The physical line where the record starts (1-based; a quoted field may span lines).
  public var line: Int
  /// The spreadsheet row of the record (header = 1), as Excel numbers it.
  public var record: Int
  /// The 1-based column, or 0 for a problem with the whole row.
  public var column: Int
  /// The column's header, or "" for a problem with the whole row.
  public var columnName: String
  /// What is wrong, quoting the value and naming the column; no location, no rule tag.
  public var message: String

  /// Creates a problem.
  public init(
    rule: IngestRule, file: String, line: Int, record: Int, column: Int, columnName: String,
    message: String
  ) {
    self.rule = rule
    self.file = file
    self.line = line
    self.record = record
    self.column = column
    self.columnName = columnName
    self.message = message
  }

  /// The problem as a compiler-style diagnostic, located at file:row:column
  /// (column 1 for a whole-row problem), its message ending in the rule tag:
  /// `child.csv:14:5: error: value 'abc' in column 'age' is not a whole number ('age' is an integer question) [type]`.
  public var diagnostic: Diagnostic {
    Diagnostic(
      rule.severity, at: SourceLocation(file: file, row: record, column: max(column, 1)),
      "\(message) [\(rule.rawValue)]")
  }
}
