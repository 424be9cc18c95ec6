import Foundation
import SurveySchema
import SurveyScoring
import Testing

@testable import CareEval

/// The shipped kit on demo data: `careeval demo` writes, next to the data, the census
/// value of every indicator in every county (truth.csv, computed by the generator on
/// its own, not by the scoring code). A census scored by the pipeline must reproduce
/// each of them, and a sample must be read as a Taylor design.
@Suite struct EvaluationDemoTruthTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let kitPath = packageRoot.appendingPathComponent("surveys/aixin").path

  static func demo(sample: Bool) throws -> (folder: String, result: EvaluationResult) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("careeval-demo-\(UUID().uuidString)").path
    _ = try DemoGenerator.run(
      DemoOptions(
        kitPath: kitPath, outputDirectory: folder, children: 300, seed: 11, sample: sample, regions: ["510300"],
        showProgress: false))
    let kit = try Evaluation.loadKit(at: kitPath).kit
    let files = ["volunteer", "roster", "child", "guardian", "teacher"].map { "\(folder)/\($0).csv" }
    let evaluation = Evaluation(
      kit: kit, data: DataSet(files), options: EvaluationOptions(scoring: ScoringOptions(suppressionThreshold: 1)))
    return (folder, try evaluation.run())
  }

  /// Rows of a small CSV without quoted commas (truth.csv holds codes, names and numbers).
  static func rows(_ path: String) throws -> [[String: String]] {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else {
      return []
    }
    return lines.dropFirst().map { line in
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      return Dictionary(uniqueKeysWithValues: zip(header, cells))
    }
  }

  @Test func aCensusReproducesEveryCountyValueOfTheTruth() throws {
    let (folder, result) = try Self.demo(sample: false)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(result.scoring.summary.designMode == "none")
    #expect(result.quality.rejected == 0 && !result.hasDataProblems)
    var estimates: [String: Estimate] = [:]
    for row in result.estimates where row.level == "county" && row.group.isEmpty {
      estimates["\(row.indicator) \(row.regionCode)"] = row
    }
    var compared = 0
    for truth in try Self.rows(folder + "/truth.csv") where truth["level"] == "county" {
      let key = "\(truth["indicator"] ?? "") \(truth["region_code"] ?? "")"
      guard let n = truth["census_n"].flatMap({ Int($0) }), n > 0 else { continue }
      let row = try #require(estimates[key], "no estimate for \(key)")
      #expect(row.n == n, "\(key): n \(row.n), truth \(n)")
      let value = try #require(truth["census_value"].flatMap(Double.init))
      #expect(close(row.estimate, value), "\(key): \(row.estimate ?? .nan), truth \(value)")
      compared += 1
    }
    #expect(compared > 150)
  }

  @Test func aSampleIsEstimatedWithItsDesign() throws {
    let (folder, result) = try Self.demo(sample: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let summary = result.scoring.summary
    #expect(summary.designMode == "taylor" && summary.hasWeights && summary.hasStrata && summary.hasPSUs)
    #expect(summary.childrenInDesign == summary.childrenInRegister && !result.scoring.hasErrors)
    let all = try #require(result.estimates.first { $0.indicator == "coverage_paired" && $0.regionCode == "all" })
    #expect(all.df.map { $0 > 1 } == true && all.se != nil)
  }
}
