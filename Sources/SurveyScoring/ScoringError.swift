import SurveySchema

/// Why scoring cannot start or finish: problems in the kit (an expression that does
/// not resolve, a scale item that is not a question…) or in the options (an unknown
/// `--by` field), each located where it can be fixed.
public struct ScoringError: Error, Sendable, CustomStringConvertible {
  /// The problems, sorted by location.
  public var diagnostics: [Diagnostic]
  /// Whether the problem is in the options (`--by` names no field), not in the kit.
  public var isUsage: Bool

  /// Creates an error from its diagnostics.
  public init(_ diagnostics: [Diagnostic], isUsage: Bool = false) {
    self.diagnostics = diagnostics.sorted()
    self.isUsage = isUsage
  }

  /// One problem per line, compiler-style.
  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}
