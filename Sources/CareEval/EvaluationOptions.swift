import SurveyIngest
import SurveyScoring

/// How an evaluation reads and scores: ingestion options (encoding, what to do with
/// invalid cells, where rejects.csv goes) and scoring options (breakdown,
/// suppression, lonely PSUs, interval level, salt).
public struct EvaluationOptions: Sendable {
  /// Reading and validating the data files.
  public var ingest: IngestOptions
  /// Scoring and estimating.
  public var scoring: ScoringOptions

  /// Creates options; the defaults are the toolkit's.
  public init(ingest: IngestOptions = IngestOptions(), scoring: ScoringOptions = ScoringOptions()) {
    self.ingest = ingest
    self.scoring = scoring
  }
}
