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
        rejects.csv and quality.json. docs/outputs.md describes every column. Exit \
        status: 0 when no data problem was found, 1 when rows were rejected or the \
        data has other problems (the files are still written), 64 for a usage error.
        """)

    @Option(help: ArgumentHelp("The kit folder.", valueName: "K"))
    var kit: String

    @Argument(help: ArgumentHelp("Data files or folders (files are matched to forms by name).", valueName: "DATA"))
    var data: [String] = []

    @Option(help: ArgumentHelp("The output folder (created if needed).", valueName: "DIR"))
    var out: String

    @Option(help: ArgumentHelp("Also break every estimate down by a register field: category, gender, age_band or any roster question.", valueName: "FIELD"))
    var by: String?

    @Option(name: .customLong("k"), help: ArgumentHelp("Suppress domains with fewer respondents than this.", valueName: "N"))
    var suppression = 5

    @Option(help: ArgumentHelp("Lonely-PSU rule for sample designs: adjust (default) or remove.", valueName: "RULE"))
    var lonely = "adjust"

    @Option(name: .customLong("level-confidence"), help: ArgumentHelp("Confidence level of the intervals.", valueName: "L"))
    var confidence = 0.95

    @Option(help: ArgumentHelp("Secret salt for the pseudonymised child keys of scores.csv.", valueName: "TEXT"))
    var salt: String = Pseudonymizer.defaultSalt

    @Option(help: ArgumentHelp("Language of region names: zh (default) or en.", valueName: "zh|en"))
    var lang = "zh"

    @Option(name: .customLong("input"), help: ArgumentHelp("A data file for a named form.", valueName: "FORM=PATH"))
    var inputs: [String] = []

    @Option(name: .customLong("on-invalid"), help: ArgumentHelp("Rows with invalid cells: reject (default) or blank the cells.", valueName: "reject|blank"))
    var onInvalid = "reject"

    @Option(help: ArgumentHelp("The data files' encoding, if detection gets it wrong.", valueName: "utf8|utf8-bom|utf16le|utf16be|gb18030"))
    var encoding: String?

    @Option(help: ArgumentHelp("The date today() means in expressions, for reproducible runs.", valueName: "YYYY-MM-DD"))
    var today: String?

    func validate() throws {
      guard !data.isEmpty || !inputs.isEmpty else { throw ValidationError("Give the data files or folders to score.") }
      guard suppression >= 1 else { throw ValidationError("--k must be at least 1.") }
      guard confidence > 0 && confidence < 1 else { throw ValidationError("--level-confidence must lie between 0 and 1, such as 0.95.") }
      guard LonelyPSURule(rawValue: lonely) != nil else { throw ValidationError("--lonely must be adjust or remove.") }
      guard InvalidCellPolicy(rawValue: onInvalid) != nil else { throw ValidationError("--on-invalid must be reject or blank.") }
      guard ["zh", "en"].contains(lang) else { throw ValidationError("--lang must be zh or en.") }
      if let encoding, TextEncoding(name: encoding) == nil {
        let known = TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("Unknown encoding '\(encoding)'; use one of: \(known).")
      }
      _ = try InputOption.dataFiles(inputs)
    }


    func run() throws {
      let loaded: (kit: Kit, warnings: [Diagnostic])
      do {
        loaded = try Evaluation.loadKit(at: kit)
      } catch {
        Self.printError(error.description)
        throw error.isUsage ? ExitCode.validationFailure : ExitCode.failure
      }
      for warning in loaded.warnings where warning.severity == .warning { Self.printError(warning.description) }
      let rejects = (out as NSString).appendingPathComponent("rejects.csv")
      try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      let options = EvaluationOptions(
        ingest: IngestOptions(
          onInvalid: InvalidCellPolicy(rawValue: onInvalid) ?? .reject, encoding: encoding.flatMap(TextEncoding.init(name:)),
          today: today, rejectsPath: rejects, progress: ValidateProgress.reporter()),
        scoring: ScoringOptions(
          by: by, suppressionThreshold: suppression, lonelyPSU: LonelyPSURule(rawValue: lonely) ?? .adjust,
          confidenceLevel: confidence, salt: salt, language: lang, today: today))
      let evaluation = Evaluation(kit: loaded.kit, data: DataSet(data, explicit: try InputOption.dataFiles(inputs)), options: options)
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
      lines.append("wrote \(out)/estimates.csv, scores.csv, reliability.csv, agreement.csv, rejects.csv, quality.json")
      return lines.joined(separator: "\n")
    }
  }
}
