import SurveySchema

/// Why scoring cannot start or finish: problems in the kit (an expression that does
/// not resolve, a scale item that is not a question…) or in the options (an unknown
/// `--by` field), each located where it can be fixed.
public struct ScoringError: Error, Sendable, CustomStringConvertible {
  /// The problems, sorted by location.
  public var diagnostics: [Diagnostic]

  /// Creates an error from its diagnostics.
  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics.sorted()
  }

  /// One problem per line, compiler-style.
  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}
