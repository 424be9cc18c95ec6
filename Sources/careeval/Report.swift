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

    @OptionGroup var input: DataOptions

    @OptionGroup var estimation: EstimationArguments

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
        "How many of the largest shortfalls to print and put in the headline.", valueName: "n"))
    var top = 10

    func validate() throws {
      _ = try formats()
      guard top >= 0 else { throw ValidationError("--top must be 0 or more.") }
    }

    func run() throws {
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      let request = ReportRequest(
        kitPath: input.kit, data: try input.dataSet(), outputDirectory: out,
        formats: try formats(),
        report: ReportOptions(language: language, levels: levels(), region: region, topCount: top),
        evaluation: EvaluationOptions(
          ingest: input.ingestOptions(rejectsPath: (out as NSString).appendingPathComponent("rejects.csv")),
          scoring: estimation.scoringOptions(language: language.rawValue, today: input.today)))
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
