import SurveySchema

/// A value that cannot enter an estimate. The accumulator does not know where the
/// value came from, so the caller adds the location (``diagnostic(at:column:)``).
public struct EstimationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong.
  public enum Reason: Sendable, Hashable {
    /// A weight that is negative, infinite or not a number.
    case invalidWeight(Double)
    /// A value that is infinite or not a number.
    case invalidValue(Double)
    /// A value other than 0 or 1 for a proportion.
    case notBinary(Double)
  }

  /// What went wrong.
  public var reason: Reason
  /// The index of the variable (for value errors), as passed to the accumulator.
  public var variable: Int?

  /// Creates an error.
  public init(_ reason: Reason, variable: Int? = nil) {
    self.reason = reason
    self.variable = variable
  }

  /// The problem in a survey coordinator's words, without a location.
  public var description: String {
    switch reason {
    case .invalidWeight(let w):
      return "weight \(w) is not usable; weights must be finite numbers of zero or more"
    case .invalidValue(let y):
      return "value \(y) is not a finite number"
    case .notBinary(let y):
      return "value \(y) is not 0 or 1; a proportion indicator must be 0 (no) or 1 (yes)"
    }
  }
}

extension EstimationError {
  /// The error as a located diagnostic, e.g.
  /// `child.csv:14:5: error: column 'paired': value 2.0 is not 0 or 1; …`.
  ///
  /// - Parameters:
  ///   - location: the file, spreadsheet row and column of the offending cell.
  ///   - column: the column (or indicator) name to show.
  public func diagnostic(at location: SourceLocation, column: String) -> Diagnostic {
    Diagnostic(.error, at: location, "column '\(column)': \(description)")
  }
}
