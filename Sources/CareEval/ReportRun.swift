import Foundation
import SurveyIngest
import SurveyReports
import SurveySchema
import SurveyScoring

/// What `careeval report` is asked to do: which kit and data, and what to write where.
public struct ReportRequest: Sendable {
  /// The kit folder.
  public var kitPath: String
  /// The data files and folders.
  public var data: DataSet
  /// Where the report files go (created if missing).
  public var outputDirectory: String
  /// The formats to write, in this order.
  public var formats: [ReportOutput]
  /// Language, levels, region and how many shortfalls the headline lists.
  public var report: ReportOptions
  /// Ingestion (encoding, invalid cells, rejects.csv, progress) and scoring
  /// (breakdown, k, confidence level, lonely PSUs) of the evaluation.
  public var evaluation: EvaluationOptions

  /// Creates a request; every option not given has the toolkit's default.
  public init(
    kitPath: String, data: DataSet, outputDirectory: String,
    formats: [ReportOutput] = ReportOutput.allCases, report: ReportOptions = ReportOptions(),
    evaluation: EvaluationOptions = EvaluationOptions()
  ) {
    self.kitPath = kitPath
    self.data = data
    self.outputDirectory = outputDirectory
    self.formats = formats
    self.report = report
    self.evaluation = evaluation
  }
}

/// What a report run produced.
public struct ReportOutcome: Sendable {
  /// The report as built (in the requested language and scope).
  public var report: GapReport
  /// The files written, in the order of the requested formats, under the output
  /// folder as it was given.
  public var paths: [String]
  /// The evaluation behind it: estimates, scores, data quality.
  public var evaluation: EvaluationResult
  /// The kit's lint warnings and notes.
  public var kitWarnings: [Diagnostic]

  /// Creates an outcome.
  public init(
    report: GapReport, paths: [String], evaluation: EvaluationResult, kitWarnings: [Diagnostic] = []
  ) {
    self.report = report
    self.paths = paths
    self.evaluation = evaluation
    self.kitWarnings = kitWarnings
  }

  /// Whether the data had problems (rejected rows, an unreadable file, errors in the
  /// design cells or indicator values): the command then exits with status 1, and
  /// the report is written all the same.
  public var hasDataProblems: Bool { evaluation.hasDataProblems }
}

/// `careeval report` as a library call: load and lint the kit, run the evaluation
/// (every data file read once), build the gap report and write it.
public enum ReportRun {
  /// Runs the whole pipeline and writes the requested formats.
  ///
  /// The same request on the same files writes byte-identical files.
  /// - Throws: `EvaluationError` when the kit has errors, a data path or form is
  ///   unknown, an option does not resolve, the report's region or a level is not in
  ///   the data (all usage errors but the kit's), or a file cannot be written.
  ///   Problems inside data files do not throw: they are counted in the result's
  ///   quality summary and shown in the report's data-quality section.
  public static func run(_ request: ReportRequest) throws(EvaluationError) -> ReportOutcome {
    let (kit, warnings) = try Evaluation.loadKit(at: request.kitPath)
    let evaluation = Evaluation(kit: kit, data: request.data, options: request.evaluation)
    var tally = ReportRegisterTally(kit: kit)
    let result = try evaluation.run(observing: &tally)
    let counts = tally.designCounts
    let input = ReportInput(
      kit: kit, evaluation: result,
      register: ReportRegisterFacts(
        childrenPaired: tally.childrenPaired, strata: counts.strata, psus: counts.psus),
      scoringOptions: request.evaluation.scoring, options: request.report)
    let report: GapReport
    do {
      report = try GapReport(input: input)
    } catch {
      throw EvaluationError(message: error.message, isUsage: true)
    }
    do {
      try report.writeAll(to: request.outputDirectory, formats: request.formats)
      // The paths as the user named the folder (`out/report.html`), for messages.
      let paths = request.formats.map {
        (request.outputDirectory as NSString).appendingPathComponent($0.fileName)
      }
      return ReportOutcome(report: report, paths: paths, evaluation: result, kitWarnings: warnings)
    } catch {
      throw EvaluationError(message: error.message, isUsage: false)
    }
  }
}
