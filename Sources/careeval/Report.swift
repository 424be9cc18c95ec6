import ArgumentParser
import CSVStream
import CareEval
import Foundation
import SurveyIngest
import SurveyReports
import SurveySchema
import SurveyScoring

extension CareEvalCommand {
  /// `careeval report --kit K DATA --out DIR`: the gap report in every format.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Write the gap report: which regions fall short on what, by how much, how sure we are.",
      discussion: """
        Runs the whole evaluation (read and validate every data file once, score, estimate \
        per region with confidence intervals) and writes the report into --out: report.html \
        (one self-contained page), report.md, report.json, estimates.csv and report.xlsx. \
        It prints the paths and the largest shortfalls. The same data always gives the same \
        bytes. Exit status: 0 when the data had no problems, 1 when rows were rejected or a \
        file could not be read (the report is still written; `careeval validate --out DIR` \
        lists every rejected row), 64 on usage errors.
        """)

    @Option(help: ArgumentHelp("The kit folder.", valueName: "folder"))
    var kit: String

    @Argument(help: ArgumentHelp("Data files or folders.", valueName: "data"))
    var data: [String] = []

    @Option(
      name: .customLong("input"),
      help: ArgumentHelp(
        "A data file for a form, whatever its name (repeatable).", valueName: "form=path"))
    var inputs: [String] = []

    @Option(
      help: ArgumentHelp("Where to write the report (created if missing).", valueName: "folder"))
    var out: String

    @Option(
      name: .customLong("format"),
      help: ArgumentHelp(
        "Formats to write, comma-separated (default: all).", valueName: "html,md,json,csv,xlsx"))
    var formatList: String?

    @Option(name: .customLong("lang"), help: "The report's language.")
    var language: ReportLanguage = .zh

    @Option(
      name: .customLong("level"),
      help: ArgumentHelp(
        "Levels shown in lists, tables and charts, comma-separated (default: every level).",
        valueName: "province,city,county"))
    var levelList: String?

    @Option(
      help: ArgumentHelp(
        "A region's own report: that region and everything below it.", valueName: "code"))
    var region: String?

    @Option(
      help: ArgumentHelp(
        "Break every estimate down by a register field (category, gender, age_band, …).",
        valueName: "field"))
    var by: String?

    @Option(
      help: ArgumentHelp(
        "How many of the largest shortfalls to print and put in the headline.", valueName: "n"))
    var top = 10

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
        "The date today() gives in expressions (and the year of age bands).",
        valueName: "YYYY-MM-DD"))
    var today: String?

    func validate() throws {
      guard !data.isEmpty || !inputs.isEmpty else {
        throw ValidationError("Give at least one data file or folder, or --input FORM=PATH.")
      }
      _ = try formats()
      _ = try InputOption.dataFiles(inputs)
      guard confidence > 0 && confidence < 1 else {
        throw ValidationError("--level-confidence must lie between 0 and 1, such as 0.95.")
      }
      guard suppression >= 1 else { throw ValidationError("--k must be at least 1.") }
      guard SurveyScoring.LonelyPSURule(rawValue: lonely) != nil else {
        throw ValidationError("--lonely must be adjust or remove.")
      }
      guard top >= 0 else { throw ValidationError("--top must be 0 or more.") }
      if let encodingName, TextEncoding(name: encodingName) == nil {
        let known = TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("Unknown encoding '\(encodingName)'; use one of: \(known).")
      }
      if let today, today.count != 10 || Int(today.prefix(4)) == nil {
        throw ValidationError("--today takes a date as YYYY-MM-DD (got '\(today)').")
      }
    }

    func run() throws {
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      let request = ReportRequest(
        kitPath: kit, data: DataSet(data, explicit: try InputOption.dataFiles(inputs)), outputDirectory: out,
        formats: try formats(),
        report: ReportOptions(language: language, levels: levels(), region: region, topCount: top),
        evaluation: EvaluationOptions(
          ingest: IngestOptions(
            onInvalid: onInvalid, encoding: encodingName.flatMap(TextEncoding.init(name:)),
            today: today,
            rejectsPath: (out as NSString).appendingPathComponent("rejects.csv"),
            progress: ValidateProgress.reporter()),
          scoring: ScoringOptions(
            by: by, suppressionThreshold: suppression,
            lonelyPSU: SurveyScoring.LonelyPSURule(rawValue: lonely) ?? .adjust,
            confidenceLevel: confidence, language: language.rawValue, today: today)))
      let outcome: ReportOutcome
      do {
        outcome = try ReportRun.run(request)
        ValidateProgress.clear()
      } catch {
        ValidateProgress.clear()
        printToStandardError(error.description)
        throw error.isUsage ? ExitCode.validationFailure : ExitCode.failure
      }
      for warning in outcome.kitWarnings where warning.severity == .warning {
        printToStandardError(warning.description)
      }
      FileHandle.standardOutput.write(Data(ReportConsole.text(outcome, top: top).utf8))
      if outcome.hasDataProblems {
        printToStandardError(
          ReportConsole.problems(outcome, rejects: request.evaluation.ingest.rejectsPath ?? ""))
        throw ExitCode.failure
      }
    }

    /// The `--format` list, in the order given.
    private func formats() throws -> [ReportOutput] {
      guard let formatList else { return ReportOutput.allCases }
      var formats: [ReportOutput] = []
      for name in formatList.split(separator: ",").map({
        $0.trimmingCharacters(in: .whitespaces).lowercased()
      }) {
        let format = ReportOutput(
          rawValue: name == "markdown" ? "md" : name == "xls" ? "xlsx" : name)
        guard let format else {
          let known = ReportOutput.allCases.map(\.rawValue).joined(separator: ", ")
          throw ValidationError("Unknown format '\(name)' in --format; use some of: \(known).")
        }
        if !formats.contains(format) { formats.append(format) }
      }
      guard !formats.isEmpty else {
        throw ValidationError("--format needs at least one format, e.g. html.")
      }
      return formats
    }

    private func levels() -> [String] {
      levelList?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
        !$0.isEmpty
      } ?? []
    }

  }
}

extension ReportLanguage: ExpressibleByArgument {}
