import Foundation
import SurveySchema

/// `careeval demo`: a synthetic evaluation of the 爱心妈妈 programme with a known truth
/// (issue 7, docs/demo-data.md).
///
/// Writes, into the output folder, the child register (roster.csv), the volunteer
/// register (volunteer.csv), the child, guardian and head-teacher questionnaires (one file
/// per instrument, named after its form_id, in the chosen layout and encoding), truth.csv
/// (per county and indicator: the generating parameter and the census value), and with
/// `--errors` errors.csv (every injected error). Generation streams county by county:
/// memory holds one county's villages and volunteers, never the responses. The same seed
/// and options give byte-identical files.
public enum DemoGenerator {
  /// Loads and lints the kit, then generates.
  /// - Parameter options: what to generate, and where.
  /// - Returns: what was written.
  /// - Throws: ``DemoError`` when the kit has errors or a file cannot be written.
  public static func run(_ options: DemoOptions) throws(DemoError) -> DemoSummary {
    let loaded = KitLint.lint(options.kitPath)
    let errors = loaded.diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else {
      let shown = errors.prefix(5).map { "  \($0)" }.joined(separator: "\n")
      throw DemoError(
        "the kit at \(options.kitPath) has \(errors.count) error(s); fix them first (careeval lint):\n\(shown)"
      )
    }
    return try generate(kit: loaded.kit, options: options)
  }

  /// Generates from a kit already loaded.
  /// - Throws: ``DemoError`` when the kit lacks what the demo needs or a file cannot be written.
  public static func generate(kit: Kit, options: DemoOptions) throws(DemoError) -> DemoSummary {
    guard options.children >= 1 else { throw DemoError("--children must be at least 1") }
    guard (0...0.5).contains(options.errorRate) else {
      throw DemoError("--errors must be between 0 and 0.5")
    }
    var run = try DemoRun(kit: kit, options: options)
    return try run.generate()
  }
}
