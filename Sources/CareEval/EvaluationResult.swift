import Foundation
import SurveyIngest
import SurveySchema
import SurveyScoring

/// What an evaluation produced: the scoring results and the data quality summary.
public struct EvaluationResult: Sendable {
  /// Estimates, reliability, agreement, per-child scores, scoring diagnostics, counts.
  public var scoring: ScoringResult
  /// Per file, rule, column and region: rows read, accepted and rejected; response rates.
  public var quality: IngestSummary
  /// Files in the data folders that matched no form.
  public var skippedFiles: [Diagnostic]
  /// The data dictionary of scores.csv (codebook.csv), when the kit is known.
  public var codebook: Codebook?

  /// Creates a result.
  public init(
    scoring: ScoringResult, quality: IngestSummary, skippedFiles: [Diagnostic] = [],
    codebook: Codebook? = nil
  ) {
    self.scoring = scoring
    self.quality = quality
    self.skippedFiles = skippedFiles
    self.codebook = codebook
  }

  /// The rows of estimates.csv.
  public var estimates: [Estimate] { scoring.estimates }
  /// The rows of reliability.csv.
  public var reliability: [ReliabilityEstimate] { scoring.reliability }
  /// The rows of agreement.csv.
  public var agreement: [AgreementEstimate] { scoring.agreement }
  /// The rows of scores.csv, produced on demand.
  public var scores: ScoresTable { scoring.scores }

  /// Whether the data had problems: rejected rows, unreadable files, or errors in the
  /// register's design cells or indicator values. `careeval score` then exits with 1.
  public var hasDataProblems: Bool {
    quality.rejected > 0 || quality.hasUnreadableFiles || scoring.hasErrors
  }

  /// Writes estimates.csv, scores.csv, reliability.csv, agreement.csv, quality.json and
  /// (when the kit is known) codebook.csv, the labels of scores.csv's columns, into
  /// `directory` (created if needed).
  /// - Returns: the paths written.
  /// - Throws: `EvaluationError` when a file cannot be written.
  @discardableResult
  public func write(to directory: String) throws(EvaluationError) -> [String] {
    var written: [String]
    do {
      written = try scoring.write(to: directory)
    } catch {
      throw EvaluationError(message: error.description, isUsage: false)
    }
    let path = (directory as NSString).appendingPathComponent("quality.json")
    do {
      try quality.qualityJSON().write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      throw EvaluationError(message: "\(path): cannot write the file (\(error.localizedDescription))", isUsage: false)
    }
    written.append(path)
    if let codebook {
      let codebookPath = (directory as NSString).appendingPathComponent("codebook.csv")
      do {
        try codebook.write(to: codebookPath)
      } catch {
        throw EvaluationError(message: error.description, isUsage: false)
      }
      written.append(codebookPath)
    }
    return written
  }
}
