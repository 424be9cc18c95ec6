import ArgumentParser
import CSVStream
import CareEval
import Foundation
import SurveyIngest
import SurveySchema
import SurveyScoring

extension CareEvalCommand {
  /// `careeval score --kit K DATA… --out DIR`: scores and estimates as CSV files.
  struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Score every child and estimate every indicator per region.",
      discussion: """
        Reads the kit, then each data file once (the volunteer register, the child \
        register, then the child, guardian and teacher files), validates and links \
        every row, and writes into DIR: estimates.csv (one row per indicator and \
        region, with confidence intervals, targets and statuses), scores.csv (one row \
        per child), reliability.csv (Cronbach's alpha), agreement.csv (Cohen's kappa), \
        rejects.csv, quality.json and codebook.csv (the labels of scores.csv). docs/outputs.md describes every column. Exit \
        status: 0 when no data problem was found, 1 when rows were rejected or the \
        data has other problems (the files are still written), 64 for a usage error.
        """)

    @OptionGroup var input: DataOptions

    @OptionGroup var estimation: EstimationArguments

    @Option(help: ArgumentHelp("The output folder (created if needed).", valueName: "DIR"))
    var out: String

    @Option(help: ArgumentHelp("Secret salt for the pseudonymised child keys of scores.csv.", valueName: "TEXT"))
    var salt: String = Pseudonymizer.defaultSalt

    @Option(help: ArgumentHelp("Language of region names: zh (default) or en.", valueName: "zh|en"))
    var lang = "zh"

    func validate() throws {
      guard ["zh", "en"].contains(lang) else { throw ValidationError("--lang must be zh or en.") }
    }

    func run() throws {
      let loaded: (kit: Kit, warnings: [Diagnostic])
      do {
        loaded = try Evaluation.loadKit(at: input.kit)
      } catch {
        Self.printError(error.description)
        throw error.isUsage ? ExitCode.validationFailure : ExitCode.failure
      }
      for warning in loaded.warnings where warning.severity == .warning { Self.printError(warning.description) }
      let rejects = (out as NSString).appendingPathComponent("rejects.csv")
      try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      let options = EvaluationOptions(
        ingest: input.ingestOptions(rejectsPath: rejects),
        scoring: estimation.scoringOptions(language: lang, today: input.today, salt: salt))
      let evaluation = Evaluation(kit: loaded.kit, data: try input.dataSet(), options: options)
      let result: EvaluationResult
      do {
        result = try evaluation.run()
        ValidateProgress.clear()
        try result.write(to: out)
      } catch {
        ValidateProgress.clear()
        Self.printError(error.description)
        throw error.isUsage ? ExitCode.validationFailure : ExitCode.failure
      }
      for diagnostic in result.skippedFiles + result.scoring.diagnostics { Self.printError(diagnostic.description) }
      print(Self.summary(result, out: out))
      if result.hasDataProblems { throw ExitCode.failure }
    }

    /// Writes a line to standard error.
    static func printError(_ text: String) {
      FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// The run summary printed on standard output.
    static func summary(_ result: EvaluationResult, out: String) -> String {
      var lines: [String] = []
      for file in result.quality.files {
        let state = file.failure.map { "unreadable: \($0)" } ?? "read \(file.read), accepted \(file.accepted), rejected \(file.rejected)"
        lines.append("\(file.path) (\(file.form)): \(state)")
      }
      let summary = result.scoring.summary
      lines.append(
        "children in the register: \(summary.childrenInRegister) (in the estimates: \(summary.childrenInDesign)); volunteers: \(summary.volunteers); design: \(summary.designMode == "taylor" ? "sample (Taylor)" : "census")"
      )
      let counts = Dictionary(grouping: result.estimates, by: \.status).mapValues(\.count)
      let statuses = ShortfallStatus.allCases.compactMap { status in counts[status].map { "\(status.rawValue) \($0)" } }
      lines.append("estimates: \(result.estimates.count) rows (\(statuses.joined(separator: ", ")))")
      lines.append("wrote \(out)/estimates.csv, scores.csv, reliability.csv, agreement.csv, rejects.csv, quality.json, codebook.csv")
      return lines.joined(separator: "\n")
    }
  }
}
