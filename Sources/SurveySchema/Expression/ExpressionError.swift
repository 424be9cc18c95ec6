/// Why an expression could not be parsed or bound, and where.
///
/// `offset` is the 1-based character position in the expression text (counting
/// Swift `Character`s); lint adds the sheet, row and column of the cell.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, in words a survey coordinator understands.
  public var message: String
  /// 1-based character offset in the expression text.
  public var offset: Int

  /// Creates an error at a 1-based character offset.
  public init(_ message: String, at offset: Int) {
    self.message = message
    self.offset = offset
  }

  /// `offset: message`, for example `7: expected ')' …`.
  public var description: String { "\(offset): \(message)" }
}

/// A problem found by ``Expression/check(symbols:currentValue:)``.
public struct ExpressionIssue: Sendable, Hashable, CustomStringConvertible {
  /// `.error` makes the kit unusable; `.warning` is reported and the kit still loads.
  public var severity: Diagnostic.Severity
  /// What is wrong, and what to write instead when there is an obvious fix.
  public var message: String
  /// 1-based character offset in the expression text.
  public var offset: Int

  /// Creates an issue.
  public init(_ severity: Diagnostic.Severity, _ message: String, at offset: Int) {
    self.severity = severity
    self.message = message
    self.offset = offset
  }

  /// `offset: severity: message`.
  public var description: String { "\(offset): \(severity.rawValue): \(message)" }
}
