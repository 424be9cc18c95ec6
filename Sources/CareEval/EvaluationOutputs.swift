import CSVStream
import Foundation
import SurveySchema
import SurveyScoring

/// The files `careeval score` writes into its output folder (DESIGN.md §6, docs/outputs.md).
public enum EvaluationOutput: String, Sendable, CaseIterable {
  /// One row per (indicator, region, group) with the contract columns.
  case estimates = "estimates.csv"
  /// One row per child: pseudonymised key, region, categories, scale scores, indicator values.
  case scores = "scores.csv"
  /// Cronbach's alpha per scale and region.
  case reliability = "reliability.csv"
  /// Cohen's kappa and percent agreement per agreement pair and region.
  case agreement = "agreement.csv"
}

/// A file that could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
  /// The path and what went wrong.
  public var description: String

  init(_ description: String) {
    self.description = description
  }
}

extension ScoringResult {
  /// Writes estimates.csv, scores.csv, reliability.csv and agreement.csv into a folder
  /// (created if needed), UTF-8 without BOM, LF line ends. Same result, same bytes.
  /// - Parameter directory: the output folder.
  /// - Returns: the paths written, in `EvaluationOutput` order.
  /// - Throws: `OutputError` when the folder or a file cannot be written.
  @discardableResult
  public func write(to directory: String) throws(OutputError) -> [String] {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw OutputError("\(directory): cannot create the output folder (\(error.localizedDescription))")
    }
    var written: [String] = []
    for output in EvaluationOutput.allCases {
      let path = (directory as NSString).appendingPathComponent(output.rawValue)
      do {
        let writer = try CSVWriter(path: path)
        switch output {
        case .estimates:
          try writer.write(Estimate.csvColumns)
          for row in estimates { try writer.write(row.csvFields) }
        case .scores:
          try writer.write(scores.columns)
          try scores.forEachRow { (row) throws(CSVError) in try writer.write(row) }
        case .reliability:
          try writer.write(ReliabilityEstimate.csvColumns)
          for row in reliability { try writer.write(row.csvFields) }
        case .agreement:
          try writer.write(AgreementEstimate.csvColumns)
          for row in agreement { try writer.write(row.csvFields) }
        }
        try writer.close()
      } catch {
        throw OutputError("\(path): \(error)")
      }
      written.append(path)
    }
    return written
  }
}
