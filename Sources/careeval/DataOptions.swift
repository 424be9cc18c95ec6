import ArgumentParser
import CSVStream
import CareEval
import SurveyIngest
import SurveyScoring

/// The options that say what to read, shared by `validate`, `score` and `report`:
/// the kit, the data files, and how to read and check them.
struct DataOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The kit folder.", valueName: "folder"))
  var kit: String

  @Argument(
    help: ArgumentHelp(
      "Data files or folders (files are matched to forms by name or by their columns).",
      valueName: "data"))
  var data: [String] = []

  @Option(
    name: .customLong("input"),
    help: ArgumentHelp(
      "A data file for a form, whatever its name (repeatable).", valueName: "form=path"))
  var inputs: [String] = []

  @Option(
    name: .customLong("on-invalid"),
    help:
      "What to do with a row whose only problems are invalid cells: reject the row, or blank the cells and keep it."
  )
  var onInvalid: InvalidCellPolicy = .reject

  @Option(
    name: .customLong("encoding"),
    help: ArgumentHelp(
      "The encoding of every data file, if detection gets it wrong.",
      valueName: "utf8|utf8-bom|utf16le|utf16be|gb18030"))
  var encodingName: String?

  @Option(
    help: ArgumentHelp(
      "The date today() gives in expressions (and the year of age bands), for reproducible runs.",
      valueName: "YYYY-MM-DD"))
  var today: String?

  func validate() throws {
    guard !data.isEmpty || !inputs.isEmpty else {
      throw ValidationError("Give at least one data file or folder, or --input FORM=PATH.")
    }
    _ = try InputOption.dataFiles(inputs)
    if let encodingName, TextEncoding(name: encodingName) == nil {
      let known = TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError("Unknown encoding '\(encodingName)'; use one of: \(known).")
    }
    if let today, today.count != 10 || Int(today.prefix(4)) == nil {
      throw ValidationError("--today takes a date as YYYY-MM-DD (got '\(today)').")
    }
  }

  /// The files given with `--input FORM=PATH`.
  func explicitFiles() throws -> [DataFile] { try InputOption.dataFiles(inputs) }

  /// The data folders and files, with the `--input` ones.
  func dataSet() throws -> DataSet { DataSet(data, explicit: try explicitFiles()) }

  /// How ingestion reads and checks the files.
  func ingestOptions(rejectsPath: String?) -> IngestOptions {
    IngestOptions(
      onInvalid: onInvalid, encoding: encodingName.flatMap(TextEncoding.init(name:)),
      today: today, rejectsPath: rejectsPath, progress: ValidateProgress.reporter())
  }
}

/// The estimation options shared by `score` and `report` (STATISTICS.md §3-§7).
struct EstimationArguments: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Also break every estimate down by a register field: category, gender, age_band or any roster question.",
      valueName: "field"))
  var by: String?

  @Option(
    name: .customLong("k"),
    help: ArgumentHelp("Suppress estimates with fewer respondents than this.", valueName: "N"))
  var suppression = 5

  @Option(
    help: ArgumentHelp(
      "Lonely-PSU rule for sample designs: adjust (default) or remove.", valueName: "RULE"))
  var lonely = "adjust"

  @Option(
    name: .customLong("level-confidence"),
    help: ArgumentHelp("Confidence level of the intervals.", valueName: "L"))
  var confidence = 0.95

  func validate() throws {
    guard suppression >= 1 else { throw ValidationError("--k must be at least 1.") }
    guard EstimationOptions.isValidConfidenceLevel(confidence) else {
      throw ValidationError("--level-confidence must lie between 0 and 1, such as 0.95.")
    }
    guard LonelyPSURule(rawValue: lonely) != nil else {
      throw ValidationError("--lonely must be adjust or remove.")
    }
  }

  /// The scoring options these arguments give.
  func scoringOptions(
    language: String, today: String?, salt: String = Pseudonymizer.defaultSalt
  ) -> ScoringOptions {
    ScoringOptions(
      by: by, suppressionThreshold: suppression,
      lonelyPSU: LonelyPSURule(rawValue: lonely) ?? .adjust,
      confidenceLevel: confidence, salt: salt, language: language, today: today)
  }
}
