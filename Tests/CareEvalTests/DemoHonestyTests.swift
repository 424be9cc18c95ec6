import Foundation
import SurveyIngest
import SurveySchema
import SurveyScoring
import Testing

@testable import CareEval

/// Statistical honesty of the whole pipeline (`Evaluation`, as `careeval score` runs it)
/// on demo data (issue 7): careeval's 95% intervals cover the truth as often as they
/// should, planted clear shortfalls are found, and counties well above target are never
/// flagged.
///
/// A census is compared with the generating parameters (the process behind the data); a
/// stratified two-stage sample with the census values of the population it was drawn
/// from. For a census proportion the interval is STATISTICS.md §5's logit interval with
/// Student t and se = sqrt(p(1-p)/(n-1)); at the sizes of county domains (n of 50 to 300)
/// its exact coverage is above 95% (about 96-97%, by enumerating the binomial outcomes),
/// so the census test compares the number covered with the sum of each interval's exact
/// coverage, not with 95% of them; the sample test compares with 95%.
/// `capacity_caseload` is left out: the last volunteers a county opens are only partly
/// filled, so its census value sits slightly below the parameter by design
/// (docs/demo-data.md §6). Parameters of exactly 0 or 1 are left out too: their intervals
/// cover them whatever the data.
@Suite(.serialized) struct DemoHonestyTests {
  struct Check {
    var covered = 0
    var intervals = 0
    /// Σ and Σ c(1 - c) of each interval's exact coverage (census proportions; 0.95 otherwise).
    var expected = 0.0
    var variance = 0.0
    var clearShortfalls = 0
    var foundShortfalls = 0
    var aboveFlagged: [String] = []
    var missedShortfalls: [String] = []
  }

  /// Generates, then ingests and scores with `Evaluation`; compares each county estimate with `truth` column
  /// `against` of truth.csv.
  static func run(
    _ name: String, children: Int, regions: [String], sample: Bool, against column: String,
    seed: UInt64 = 2026
  ) throws
    -> Check
  {
    let (folder, _) = try DemoTestSupport.generate(
      name, children: children, seed: seed, regions: regions
    ) { options in
      options.sample = sample
      options.villagesPerCounty = 8
      options.childrenPerVillage = 10
    }
    defer { DemoTestSupport.remove(folder) }
    // The whole pipeline, as `careeval score` runs it.
    let options = EvaluationOptions(
      ingest: IngestOptions(today: "2026-05-15"), scoring: ScoringOptions(today: "2026-05-15"))
    let evaluation = Evaluation(
      kit: DemoTestSupport.kit,
      data: DataSet(DemoGeneratorTests.dataFiles.map { folder + "/" + $0 }),
      options: options)
    let result = try evaluation.run()
    #expect(result.quality.files.allSatisfy { $0.rejected == 0 })

    var truth: [String: [String: String]] = [:]
    for row in try DemoGeneratorTests.table(folder + "/truth.csv") {
      truth["\(row["indicator"] ?? "")|\(row["region_code"] ?? "")"] = row
    }
    var check = Check()
    for estimate in result.estimates where estimate.level == "county" && estimate.group.isEmpty {
      guard let row = truth["\(estimate.indicator)|\(estimate.regionCode)"] else { continue }
      let key = "\(estimate.indicator) \(estimate.regionCode)"
      if let value = Double(row[column] ?? ""), estimate.indicator != "capacity_caseload",
        row["kind"] == "mean" || (value > 0 && value < 1), let low = estimate.ciLow,
        let high = estimate.ciHigh
      {
        check.intervals += 1
        if low <= value && value <= high { check.covered += 1 }
        let coverage =
          !sample && row["kind"] == "proportion" ? Self.logitCoverage(value, n: estimate.n) : 0.95
        check.expected += coverage
        check.variance += coverage * (1 - coverage)
      }
      switch row["planted"] {
      case "below" where estimate.n >= 60:
        check.clearShortfalls += 1
        if estimate.status == .shortfall {
          check.foundShortfalls += 1
        } else {
          check.missedShortfalls.append(key)
        }
      case "above":
        if estimate.status == .shortfall { check.aboveFlagged.append(key) }
      default:
        break
      }
    }
    print(
      "honesty \(name): \(check.covered) of \(check.intervals) covered; shortfalls \(check.foundShortfalls) of \(check.clearShortfalls)"
    )
    return check
  }

  /// The exact coverage of the census logit interval (STATISTICS.md §5, §3a) for a
  /// proportion `p` estimated from `n` independent units: Σ over the binomial outcomes k of
  /// P(k) when the interval from k contains p (Clopper–Pearson bounds at k = 0 and k = n).
  static func logitCoverage(_ p: Double, n: Int) -> Double {
    guard n >= 2 else { return 0.95 }
    let q = StudentT(degreesOfFreedom: Double(n - 1)).quantile(0.975)
    var total = 0.0
    for k in 0...n {
      let low: Double
      let high: Double
      if k == 0 {
        (low, high) = (0, 1 - pow(0.025, 1 / Double(n)))
      } else if k == n {
        (low, high) = (pow(0.025, 1 / Double(n)), 1)
      } else {
        let estimate = Double(k) / Double(n)
        let se = (estimate * (1 - estimate) / Double(n - 1)).squareRoot()
        let centre = log(estimate / (1 - estimate))
        let half = q * se / (estimate * (1 - estimate))
        (low, high) = (1 / (1 + exp(-(centre - half))), 1 / (1 + exp(-(centre + half))))
      }
      guard low <= p && p <= high else { continue }
      total += exp(logBinomial(k, n, p))
    }
    return total
  }

  @Test func logitCoverageMatchesEnumerationWithScipy() {
    // The same enumeration with scipy.stats.t.ppf and binom.pmf (Fixtures/demo_reference.py).
    #expect(abs(Self.logitCoverage(0.85, n: 50) - 0.9670340189018684) < 1e-9)
    #expect(abs(Self.logitCoverage(0.5, n: 400) - 0.948959776870852) < 1e-9)
    #expect(abs(Self.logitCoverage(0.97, n: 200) - 0.9576110174052447) < 1e-9)
  }

  /// log P(X = k) for X ~ Binomial(n, p).
  static func logBinomial(_ k: Int, _ n: Int, _ p: Double) -> Double {
    let coefficient: Double =
      lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    let successes: Double = Double(k) * log(p)
    let failures: Double = Double(n - k) * log(1 - p)
    return coefficient + successes + failures
  }

  /// Two-sided exact binomial test of `successes` of `n` against probability `p`: the
  /// total probability of outcomes no more likely than the one observed (scipy's
  /// `binomtest`, alternative "two-sided").
  static func binomialTest(_ successes: Int, _ n: Int, _ p: Double) -> Double {
    func logPMF(_ k: Int) -> Double { logBinomial(k, n, p) }
    let observed = logPMF(successes)
    var total = 0.0
    for k in 0...n where logPMF(k) <= observed + 1e-7 { total += exp(logPMF(k)) }
    return min(1, total)
  }

  @Test func binomialTestMatchesScipy() {
    // scipy 1.17 stats.binomtest(k, n, 0.95).pvalue (Fixtures/demo_reference.py): 90 of 100 -> 0.034108823383750306,
    // 570 of 600 -> 1.0, 940 of 1000 -> 0.1465470574367645.
    #expect(abs(Self.binomialTest(90, 100, 0.95) - 0.034108823383750306) < 1e-9)
    #expect(abs(Self.binomialTest(570, 600, 0.95) - 1.0) < 1e-9)
    #expect(abs(Self.binomialTest(940, 1000, 0.95) - 0.1465470574367645) < 1e-9)
  }

  @Test func censusIntervalsCoverTheGeneratingParametersAndShortfallsAreFound() throws {
    let check = try Self.run(
      "census", children: 6000, regions: ["640000"], sample: false, against: "parameter")
    #expect(check.intervals > 600)
    // Covered count against the intervals' exact coverage (intervals of one county share
    // children, so the spread allowed is generous: 3.5 standard deviations).
    let z = (Double(check.covered) - check.expected) / check.variance.squareRoot()
    #expect(
      abs(z) < 3.5, "\(check.covered) of \(check.intervals) covered; expected \(check.expected)")
    #expect(check.clearShortfalls > 5)
    #expect(check.missedShortfalls == [])
    #expect(check.aboveFlagged == [])
  }

  @Test func sampleIntervalsCoverThePopulationValues() throws {
    // Eight counties of about 2,000 children (some 140 villages each); 8 villages and 10
    // children per village are drawn, so the with-replacement variance of STATISTICS.md
    // §3b is close to the true one (first-stage sampling fraction about 6%).
    let check = try Self.run(
      "sample", children: 16_000, regions: ["640200", "640300"], sample: true,
      against: "census_value")
    let rate = Double(check.covered) / Double(check.intervals)
    #expect(check.intervals > 200)
    #expect(
      Self.binomialTest(check.covered, check.intervals, 0.95) > 0.001,
      "coverage \(rate) of \(check.intervals)")
    #expect(check.aboveFlagged == [])
  }
}
