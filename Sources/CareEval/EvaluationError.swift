import SurveyIngest
import SurveySchema
import SurveyScoring

/// Why an evaluation could not run: the kit has errors, an indicator or option does
/// not resolve, a data path is wrong, or a file cannot be read or written.
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
  /// The problems, located where they can be fixed.
  public var diagnostics: [Diagnostic]
  /// A message when the problem has no location (a missing path, an unwritable file).
  public var message: String?
  /// Whether the problem is in how the run was asked for (exit status 64) rather than
  /// in the kit or the files (exit status 1).
  public var isUsage: Bool

  /// Creates an error.
  public init(diagnostics: [Diagnostic] = [], message: String? = nil, isUsage: Bool) {
    self.diagnostics = diagnostics
    self.message = message
    self.isUsage = isUsage
  }

  init(_ error: IngestError) {
    self.init(message: error.message, isUsage: error.isUsage)
  }

  init(_ error: ScoringError) {
    if error.isUsage {
      // Option problems have no place in a file: say them without a location.
      self.init(message: error.diagnostics.map(\.message).joined(separator: "\nerror: "), isUsage: true)
    } else {
      self.init(diagnostics: error.diagnostics, isUsage: false)
    }
  }

  /// Every problem on its own line, compiler-style.
  public var description: String {
    (diagnostics.map(\.description) + (message.map { ["error: \($0)"] } ?? [])).joined(separator: "\n")
  }
}
