import Foundation
import SurveyIngest
import SurveySchema
import SurveyScoring

/// The whole careeval pipeline as one call: read every data file once, validate and
/// link each row, score and estimate.
///
/// ```swift
/// let kit = try Evaluation.loadKit(at: "surveys/aixin")
/// let evaluation = Evaluation(kit: kit, data: DataSet(["data/"]), options: EvaluationOptions())
/// let result = try evaluation.run()
/// try result.write(to: "out")          // estimates.csv, scores.csv, reliability.csv, agreement.csv
/// ```
///
/// Ingestion streams each file (the volunteer register, the child register, then the
/// child, guardian and teacher files) into a `ScoringSink`, which keeps a few bytes
/// per child; memory grows with the number of children, not with the size of the
/// files. Rejected rows are counted in the quality summary and, with
/// `IngestOptions.rejectsPath`, written to rejects.csv.
public struct Evaluation: Sendable {
  /// The kit (load it with `loadKit(at:)`, which lints it).
  public var kit: Kit
  /// The data files.
  public var data: DataSet
  /// Ingestion and scoring options.
  public var options: EvaluationOptions

  /// Creates an evaluation.
  public init(kit: Kit, data: DataSet, options: EvaluationOptions = EvaluationOptions()) {
    self.kit = kit
    self.data = data
    self.options = options
  }

  /// Loads and lints a kit folder.
  /// - Parameter path: the kit folder.
  /// - Returns: the kit and its warnings and notes.
  /// - Throws: `EvaluationError` listing every lint error when the kit has any.
  public static func loadKit(at path: String) throws(EvaluationError) -> (kit: Kit, warnings: [Diagnostic]) {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
      throw EvaluationError(message: "the kit folder \(path) does not exist", isUsage: true)
    }
    let result = KitLint.lint(path)
    let report = LintReport(diagnostics: result.diagnostics).prefixingFiles(with: path)
    guard !result.hasErrors else {
      throw EvaluationError(diagnostics: report.diagnostics.filter { $0.severity == .error }, isUsage: false)
    }
    return (result.kit, report.diagnostics)
  }

  /// Runs the pipeline.
  /// - Returns: estimates, reliability, agreement, the per-child scores and the data
  ///   quality summary.
  /// - Throws: `EvaluationError` when an indicator or option does not resolve, a data
  ///   path does not exist or matches no form, or a file cannot be written (rejects.csv,
  ///   temporary files). Problems inside data files do not throw: they are in the
  ///   result's quality summary and diagnostics.
  public func run() throws(EvaluationError) -> EvaluationResult {
    var nobody = DiscardingSink()
    return try run(observing: &nobody)
  }

  /// Runs the pipeline as `run()` does, and also shows every accepted response to
  /// `observer` (after the scoring sink has it), in the order and with the replacement
  /// rule of `ResponseSink`, so a caller can count what the estimates do not say
  /// (children paired, strata and PSUs) without reading any file a second time.
  /// - Parameter observer: a sink that sees every accepted response, the registers' too.
  /// - Returns: as `run()`.
  /// - Throws: `EvaluationError`, as `run()`.
  public func run<Observer: ResponseSink>(observing observer: inout Observer)
    throws(EvaluationError) -> EvaluationResult
  {
    var scoringOptions = options.scoring
    if scoringOptions.today == nil { scoringOptions.today = options.ingest.today }
    let scoring: ScoringSink
    do {
      scoring = try ScoringSink(kit: kit, options: scoringOptions)
    } catch {
      throw EvaluationError(error)
    }
    var sink = ObservedSink(scoring: scoring, observer: observer)
    let ingestion = Ingestion(kit: kit, options: options.ingest)
    var files = data.explicit
    var skipped: [Diagnostic] = []
    if !data.paths.isEmpty {
      do {
        let match = try ingestion.dataFiles(for: data.paths)
        files += match.files
        skipped = match.skipped
      } catch {
        throw EvaluationError(error)
      }
    }
    guard !files.isEmpty else {
      throw EvaluationError(
        message: "no data files found in \(data.paths.joined(separator: ", "))", isUsage: true)
    }
    let quality: IngestSummary
    do {
      quality = try ingestion.run(files, into: &sink)
    } catch {
      throw EvaluationError(error)
    }
    observer = sink.observer
    let result = sink.scoring.finish()
    return EvaluationResult(
      scoring: result, quality: quality, skippedFiles: skipped,
      codebook: Codebook(kit: kit, columns: result.scores.columns))
  }
}

/// Passes each response to the scoring sink, then to an observer.
struct ObservedSink<Observer: ResponseSink>: ResponseSink {
  var scoring: ScoringSink
  var observer: Observer

  mutating func accept(_ response: Response, of instrument: Instrument) {
    scoring.accept(response, of: instrument)
    observer.accept(response, of: instrument)
  }
}
