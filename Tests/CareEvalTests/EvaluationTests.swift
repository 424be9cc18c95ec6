import Foundation
import SurveyIngest
import SurveySchema
import SurveyScoring
import Testing

@testable import CareEval

/// The whole pipeline on a tiny hand-made data set (Fixtures/evaluation-tiny: a kit of
/// four forms, eight children in two counties, three volunteers). Expected numbers
/// come from Fixtures/evaluation-tiny/expected.py, which applies the formulas of
/// STATISTICS.md with the Python standard library, or are worked out in the comments.
@Suite struct EvaluationTests {
  static var fixture: String {
    get throws {
      let root = try #require(Bundle.module.path(forResource: "Fixtures", ofType: nil))
      return root + "/evaluation-tiny"
    }
  }

  static func run(_ scoring: ScoringOptions = ScoringOptions(suppressionThreshold: 1), data: String? = nil) throws
    -> EvaluationResult
  {
    let fixture = try fixture
    let kit = try Evaluation.loadKit(at: fixture + "/kit").kit
    let evaluation = Evaluation(
      kit: kit, data: DataSet([data ?? fixture + "/data"]), options: EvaluationOptions(scoring: scoring))
    return try evaluation.run()
  }

  static func row(_ result: EvaluationResult, _ indicator: String, _ region: String, group: String = "") throws
    -> Estimate
  {
    try #require(result.estimates.first { $0.indicator == indicator && $0.regionCode == region && $0.group == group })
  }

  @Test func estimatesMatchTheHandWorkedValues() throws {
    let result = try Self.run()
    #expect(result.quality.read == 24 && result.quality.rejected == 0)
    #expect(!result.hasDataProblems)

    // paired: 6 of 8 children; se = sqrt(0.75 * 0.25 / 7); target 0.8 everywhere.
    let paired = try Self.row(result, "paired", "all")
    #expect(paired.n == 8 && close(paired.estimate, 0.75) && close(paired.se, 0.16366341767699427) && paired.df == 7)
    #expect(paired.target == 0.8 && paired.status == .possibleShortfall)
    let pairedX = try Self.row(result, "paired", "110101")
    #expect(pairedX.n == 4 && close(pairedX.se, 0.25) && pairedX.df == 3)

    // weekly, among paired children: 3 of 6; logit interval with t(5).
    let weekly = try Self.row(result, "weekly", "all")
    #expect(weekly.n == 6 && close(weekly.estimate, 0.5) && close(weekly.se, 0.22360679774997896))
    #expect(close(weekly.ciLow, 0.09118938001821647) && close(weekly.ciHigh, 0.9088106199817836))
    #expect(weekly.target == nil && weekly.status == .noTarget)  // targets only for regions
    // County X has its own target 0.5; county Y inherits the province's 0.6.
    let weeklyX = try Self.row(result, "weekly", "110101")
    #expect(weeklyX.target == 0.5 && close(weeklyX.estimate, 2.0 / 3) && weeklyX.status == .meets)
    let weeklyY = try Self.row(result, "weekly", "110102")
    #expect(weeklyY.target == 0.6 && close(weeklyY.estimate, 1.0 / 3) && close(weeklyY.se, 1.0 / 3))
    #expect(close(weeklyY.ciLow, 0.0007865037335959872) && close(weeklyY.ciHigh, 0.9968613906495334))
    #expect(weeklyY.status == .possibleShortfall)
    #expect(try Self.row(result, "weekly", "110100").target == 0.6)

    // mood_mean: six children with a mood score (C04 has no questionnaire, C07 one item).
    let mood = try Self.row(result, "mood_mean", "all")
    #expect(mood.n == 6 && close(mood.estimate, 2.611111111111111) && close(mood.se, 0.4746668747398628))
    let moodX = try Self.row(result, "mood_mean", "110101")
    #expect(moodX.n == 3 && close(moodX.estimate, 25.0 / 9) && close(moodX.se, 0.5879447357921311))

    // study_served among left-behind children (C02, C03, C04, C05, C07): C04 has no
    // questionnaire and C05 left help blank, so n = 3 with C02 and C07 served.
    let study = try Self.row(result, "study_served", "all")
    #expect(study.n == 3 && close(study.estimate, 2.0 / 3))

    // Volunteers: 2 of 3 trained; county X 1 of 2.
    #expect(close(try Self.row(result, "trained", "all").estimate, 2.0 / 3))
    #expect(try Self.row(result, "trained", "110101").n == 2)

    // Order: indicators in kit order, then all, province, city, counties.
    #expect(result.estimates.prefix(5).map(\.regionCode) == ["all", "110000", "110100", "110101", "110102"])
    #expect(Array(Set(result.estimates.map(\.indicator))).count == 5)
    #expect(result.estimates.map(\.indicator).first == "paired" && result.estimates.last?.indicator == "trained")
  }

  @Test func reliabilityAndAgreementMatchTheHandWorkedValues() throws {
    let result = try Self.run()
    let alpha = try #require(result.reliability.first { $0.scale == "mood" && $0.regionCode == "all" })
    #expect(alpha.n == 5 && alpha.items == 3 && close(alpha.alpha, 0.9146341463414632))
    let contact = try #require(result.agreement.first { $0.pair == "contact" && $0.regionCode == "all" })
    #expect(contact.n == 6 && close(contact.agreement, 4.0 / 6) && close(contact.kappa, 0.52))
    #expect(close(contact.kappaSE, 0.2408305628445029))
    // With the default k = 5, counties of three children show n but no statistic.
    let suppressed = try Self.run(ScoringOptions())
    let county = try #require(suppressed.agreement.first { $0.regionCode == "110101" })
    #expect(county.n == 3 && county.kappa == nil && county.agreement == nil)
  }

  @Test func breakdownByCategoryPutsAChildInEachOfItsGroups() throws {
    let result = try Self.run(ScoringOptions(by: "category", suppressionThreshold: 1))
    // orphan: C01 yes, C04 no, C06 yes, C08 no; left-behind: C02 C03 C04 C05 C07, C04 not paired.
    let orphan = try Self.row(result, "paired", "all", group: "category=orphan")
    #expect(orphan.n == 4 && close(orphan.estimate, 0.5))
    let leftBehind = try Self.row(result, "paired", "all", group: "category=left_behind")
    #expect(leftBehind.n == 5 && close(leftBehind.estimate, 0.8))
    let orphanY = try Self.row(result, "paired", "110102", group: "category=orphan")
    #expect(orphanY.n == 2 && close(orphanY.estimate, 0.5))
    // Groups follow the choice list's order, after the row without a group.
    let allRows = result.estimates.filter { $0.indicator == "paired" && $0.regionCode == "all" }
    #expect(allRows.map(\.group) == ["", "category=orphan", "category=left_behind"])
    // Volunteer indicators have no breakdown.
    #expect(result.estimates.filter { $0.indicator == "trained" }.allSatisfy { $0.group.isEmpty })
  }

  @Test func scoresHaveOneRowPerRegisterChild() throws {
    let result = try Self.run()
    #expect(result.scores.columns == [
      "child_key", "region", "categories", "mood", "mood_band", "paired", "weekly", "mood_mean", "study_served",
    ])
    var rows: [[String]] = []
    result.scores.forEachRow { rows.append($0) }
    #expect(rows.count == 8)
    #expect(rows[0] == [Pseudonymizer().key(for: "C01"), "110101", "orphan", "\(11.0 / 3)", "2", "1", "1", "\(11.0 / 3)", ""])
    // C04: not paired (outside weekly), no questionnaire (mood missing, NA where in the population).
    #expect(rows[3] == [Pseudonymizer().key(for: "C04"), "110101", "orphan left_behind", "", "", "0", "", "NA", "NA"])
  }

  @Test func writtenFilesAreByteIdenticalAcrossRuns() throws {
    let first = FileManager.default.temporaryDirectory.appendingPathComponent("careeval-eval-\(UUID().uuidString)").path
    let second = first + "-again"
    defer {
      try? FileManager.default.removeItem(atPath: first)
      try? FileManager.default.removeItem(atPath: second)
    }
    let written = try Self.run().write(to: first)
    try Self.run().write(to: second)
    #expect(written.map { ($0 as NSString).lastPathComponent } == [
      "estimates.csv", "scores.csv", "reliability.csv", "agreement.csv", "quality.json",
      "codebook.csv",
    ])
    for name in [
      "estimates.csv", "scores.csv", "reliability.csv", "agreement.csv", "quality.json",
      "codebook.csv",
    ] {
      let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + name))
      let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + name))
      #expect(a == b, "\(name) differs between runs")
    }
    let estimates = try String(contentsOfFile: first + "/estimates.csv", encoding: .utf8)
    let lines = estimates.split(separator: "\n")
    #expect(lines.first.map(String.init) == Estimate.csvColumns.joined(separator: ","))
    #expect(lines.count == 26)
    #expect(lines[1] == "paired,all,全部,all,,8,0.75,0.16366341767699427,0.27579813430655997,0.9594033313149064,7.0,0.8,possible_shortfall,0.3756795685835427,0.3756795685835427")
  }

  @Test func rejectedRowsAreDataProblemsAndUnknownByIsAUsageError() throws {
    let fixture = try Self.fixture
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("careeval-eval-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.copyItem(atPath: fixture + "/data", toPath: folder)
    let child = folder + "/child.csv"
    let text = try String(contentsOfFile: child, encoding: .utf8) + "C99,weekly,4,4,4,study\n"
    try text.write(toFile: child, atomically: true, encoding: .utf8)
    let result = try Self.run(data: folder)
    #expect(result.quality.rejected == 1)
    #expect(result.hasDataProblems)
    #expect(result.scoring.summary.childrenInRegister == 8)

    #expect(throws: EvaluationError.self) { try Self.run(ScoringOptions(by: "shoe_size")) }
    do {
      _ = try Self.run(ScoringOptions(by: "shoe_size"))
    } catch let error as EvaluationError {
      #expect(error.isUsage)
      #expect(error.description == "error: --by shoe_size: the child register has no such field; use age_band or one of categories, paired")
    }
  }
}

/// Relative closeness for doubles (1e-9 relative, 1e-12 absolute).
func close(_ a: Double?, _ b: Double?) -> Bool {
  guard let a, let b else { return a == nil && b == nil }
  return abs(a - b) <= max(1e-12, 1e-9 * max(abs(a), abs(b)))
}
