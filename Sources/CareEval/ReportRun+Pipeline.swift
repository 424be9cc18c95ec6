import SurveyIngest
import SurveySchema
import SurveyScoring

extension Evaluation {
  /// Runs the pipeline as `run()` does, and also shows every accepted response to
  /// `observer` (after the scoring sink has it), so a caller can count what the
  /// estimates do not say (children paired, strata and PSUs) without reading any
  /// file a second time.
  /// - Throws: `EvaluationError`, as `run()`.
  func run<Observer: ResponseSink>(observing observer: inout Observer) throws(EvaluationError)
    -> EvaluationResult
  {
    var scoringOptions = options.scoring
    if scoringOptions.today == nil { scoringOptions.today = options.ingest.today }
    let scoring: ScoringSink
    do {
      scoring = try ScoringSink(kit: kit, options: scoringOptions)
    } catch {
      throw EvaluationError(error)
    }
    var sink = ReportObservedSink(scoring: scoring, observer: observer)
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
    return EvaluationResult(scoring: sink.scoring.finish(), quality: quality, skippedFiles: skipped)
  }
}

/// Passes each response to the scoring sink, then to an observer.
struct ReportObservedSink<Scoring: ResponseSink, Observer: ResponseSink>: ResponseSink {
  var scoring: Scoring
  var observer: Observer

  mutating func accept(_ response: Response, of instrument: Instrument) {
    scoring.accept(response, of: instrument)
    observer.accept(response, of: instrument)
  }
}
