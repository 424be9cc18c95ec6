import ArgumentParser
import SurveyIngest

/// The `--input FORM=PATH` option shared by `validate`, `score` and `report`: a data
/// file given for a form whose name the file's own name does not tell.
enum InputOption {
  /// Parses every `--input` value.
  /// - Throws: `ValidationError` (a usage error, exit 64) naming the bad value.
  static func dataFiles(_ values: [String]) throws -> [DataFile] {
    try values.map { value in
      let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw ValidationError(
          "--input takes FORM=PATH, e.g. --input child=data/wjx_123_0.csv (got '\(value)').")
      }
      return DataFile(path: parts[1], form: parts[0])
    }
  }
}
