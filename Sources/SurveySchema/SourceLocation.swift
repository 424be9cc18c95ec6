/// Where something came from: a file, a spreadsheet row and a column.
///
/// Rows follow the spreadsheet: the header is row 1, so the first data row is 2.
/// `column` is the 1-based field index; `offset` is a 1-based character offset
/// inside the cell (used for expressions), or `nil`.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var file: String
  public var row: Int
  public var column: Int
  public var offset: Int?

  public init(file: String, row: Int, column: Int, offset: Int? = nil) {
    self.file = file
    self.row = row
    self.column = column
    self.offset = offset
  }

  public var description: String {
    if let offset { return "\(file):\(row):\(column):\(offset)" }
    return "\(file):\(row):\(column)"
  }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.file, a.row, a.column, a.offset ?? 0) < (b.file, b.row, b.column, b.offset ?? 0)
  }
}

/// A located problem, printed compiler-style so editors can jump to it:
/// `child/survey.csv:14:5: error: …`.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
  public enum Severity: String, Sendable, Comparable {
    case note, warning, error
    private var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  }

  public var severity: Severity
  public var location: SourceLocation
  public var message: String

  public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
    self.severity = severity
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): \(severity.rawValue): \(message)" }

  public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
    if a.location != b.location { return a.location < b.location }
    if a.severity != b.severity { return a.severity > b.severity }
    return a.message < b.message
  }
}
