import Foundation

@testable import SurveySchema

/// A kit or instrument folder written to a temporary directory for one test.
struct TemporaryKit {
  let root: String

  /// Writes `files` (relative path -> content) under a fresh temporary folder.
  init(_ files: [String: String]) throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent(
      "careeval-kit-\(UUID().uuidString)")
    for (path, content) in files {
      let url = base.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(content.utf8).write(to: url)
    }
    root = base.path
  }

  /// Loads the folder.
  func load() -> KitLoadResult { Kit.load(from: root) }

  /// Lints the folder: the diagnostics as `file:row:col: severity: message` lines.
  func lint() -> [String] { KitLint.lint(root).diagnostics.map(\.description) }

  /// Lints and keeps only errors and warnings.
  func problems() -> [String] {
    KitLint.lint(root).diagnostics.filter { $0.severity != .note }.map(\.description)
  }

  /// Removes the folder.
  func remove() { try? FileManager.default.removeItem(atPath: root) }
}

/// The path of a fixture folder or file in the test bundle.
func fixturePath(_ relative: String) throws -> String {
  guard let base = Bundle.module.resourceURL else { throw FixtureError.missing(relative) }
  let url = base.appendingPathComponent("Fixtures").appendingPathComponent(relative)
  guard FileManager.default.fileExists(atPath: url.path) else {
    throw FixtureError.missing(relative)
  }
  return url.path
}

enum FixtureError: Error {
  case missing(String)
}

/// A minimal valid kit: a roster, a child questionnaire and a guardian questionnaire,
/// to which a test adds or replaces files to create one problem.
func minimalKit(_ overrides: [String: String] = [:]) -> [String: String] {
  var files = [
    "roster/survey.csv": "type,name,label\ntext,child_id,Child id\ntext,county,County\n",
    "roster/settings.csv": "form_id,respondent,subject,region\nroster,roster,child_id,county\n",
    "child/survey.csv":
      "type,name,label\ntext,child_id,Child id\nselect_one freq,contact,How often?\ninteger,age,Age\n",
    "child/choices.csv":
      "list_name,name,label\nfreq,weekly,Weekly\nfreq,monthly,Monthly\nfreq,never,Never\n",
    "child/settings.csv": "form_id,respondent,subject\nchild,child,child_id\n",
  ]
  for (path, content) in overrides { files[path] = content }
  return files
}
