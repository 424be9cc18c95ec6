import Foundation
import Testing

@testable import SurveyScoring

/// §6 and §7 beyond the worked examples: edge targets, lower-is-better mirroring,
/// suppression and missing targets.
@Suite struct ShortfallStatusTests {
  static func summary(_ values: [Double], kind: MeasureKind = .proportion) throws -> DomainSummary {
    var accumulator = SurveyAccumulator(design: .noDesign, kind: kind)
    for value in values { try accumulator.add([value], domains: [0]) }
    return try #require(accumulator.summaries(of: 0)[0])
  }

  static func assess(
    _ summary: DomainSummary, target: Double?, _ direction: TargetDirection = .higher, k: Int = 5
  ) -> DomainAssessment {
    DomainAssessment(
      summary, target: target, direction: direction, options: EstimationOptions(minimumCount: k))
  }

  @Test func oneUnpairedChildInACensusOfThreeIsAShortfallAgainstFullCoverage() throws {
    let result = Self.assess(try Self.summary([1, 0, 1]), target: 1, k: 3)
    #expect(result.status == .shortfall && result.pValue == 0)
  }

  @Test func edgeTargetIsDecidedEvenWithoutAnInterval() throws {
    let single = try Self.summary([0])
    #expect(single.confidenceInterval(level: 0.95) == nil)
    let result = Self.assess(single, target: 1, k: 1)
    #expect(result.status == .shortfall && result.pValue == 0)
    let paired = Self.assess(try Self.summary([1]), target: 1, k: 1)
    #expect(paired.status == .meets && paired.pValue == 1)
  }

  @Test func edgeTargetZeroMirrorsForLowerIsBetter() throws {
    let clean = Self.assess(try Self.summary([0, 0, 0, 0, 0]), target: 0, .lower)
    #expect(clean.status == .meets && clean.pValue == 1)
    let oneCase = Self.assess(try Self.summary([0, 0, 1, 0, 0]), target: 0, .lower)
    #expect(oneCase.status == .shortfall && oneCase.pValue == 0)
  }

  @Test func suppressionComesBeforeEdgeTargetsAndHidesThePValue() throws {
    let result = Self.assess(try Self.summary([1, 0, 1]), target: 1)
    #expect(result.status == .suppressed && result.pValue == nil)
  }

  @Test func lowerIsBetterProportionTestsTheComplement() throws {
    let rate = try Self.summary([1, 0, 0, 1, 0, 0, 1, 0, 0, 0])  // 0.3
    let complement = try Self.summary([0, 1, 1, 0, 1, 1, 0, 1, 1, 1])  // 0.7
    let lower = Self.assess(rate, target: 0.2, .lower)
    let higher = Self.assess(complement, target: 0.8, .higher)
    expectClose(lower.pValue, higher.pValue, relative: 1e-13, "p")
    #expect(lower.status == higher.status)
    let interval = try #require(lower.interval)
    let mirrored = try #require(higher.interval)
    expectClose(interval.low, 1 - mirrored.high, relative: 1e-13, "low")
    // ci_low 0.311 > 0.2 would be a shortfall; here est > T but the interval covers it.
    #expect(lower.status == (interval.low > 0.2 ? .shortfall : .possibleShortfall))
  }

  @Test func lowerIsBetterAllZeroUsesTheBinomialTail() throws {
    // Every child has the bad outcome; the complement 1 − y is all 0 against 1 − T,
    // so the p-value is (1 − (1 − T))^n = T^n (Ex 1's F, mirrored).
    let result = Self.assess(try Self.summary([1, 1, 1, 1, 1, 1]), target: 0.2, .lower)
    expectClose(result.pValue, pow(0.2, 6), "p")
    #expect(result.status == .shortfall)
  }

  @Test func lowerIsBetterMeanUsesTheUpperTail() throws {
    let scores = try Self.summary([3.2, 4.1, 2.8, 3.9, 3.0, 3.6], kind: .mean)
    let higher = Self.assess(scores, target: 3.5)
    let lower = Self.assess(scores, target: 3.5, .lower)
    expectClose(lower.pValue, 1 - (higher.pValue ?? .nan), relative: 1e-12, "p")
    #expect(lower.status == .meets)  // est 3.43 < 3.5 is good when lower is better
  }

  @Test func noTargetPublishesTheEstimateWithoutATest() throws {
    let result = Self.assess(try Self.summary([1, 0, 1, 1, 0, 1]), target: nil)
    #expect(result.status == .noTarget && result.pValue == nil && result.interval != nil)
  }

  @Test func zeroSpreadMeanIsJudgedWithoutDividingByZero() throws {
    let flat = try Self.summary([2, 2, 2, 2, 2], kind: .mean)
    let below = Self.assess(flat, target: 3)
    #expect(below.pValue == 0 && below.status == .shortfall)
    let at = Self.assess(flat, target: 2)
    #expect(at.pValue == 1 && at.status == .meets)  // est = T meets
  }

  @Test func shortfallHappensExactlyWhenThePValueIsBelowA() throws {
    var random = SeededGenerator(seed: 21)
    for _ in 0..<200 {
      let n = Int.random(in: 5...40, using: &random)
      let rate = Double.random(in: 0...1, using: &random)
      let values = (0..<n).map { _ in Double.random(in: 0...1, using: &random) < rate ? 1.0 : 0 }
      let target = Double.random(in: 0.05...0.95, using: &random)
      for direction in TargetDirection.allCases {
        let result = Self.assess(try Self.summary(values), target: target, direction)
        let p = try #require(result.pValue)
        #expect(
          (result.status == .shortfall) == (p < 0.025), "n \(n) T \(target) p \(p) \(result.status)"
        )
      }
    }
  }

  @Test func familiesAdjustSeparatelyAndSkipSuppressedDomains() throws {
    var accumulator = SurveyAccumulator(design: .noDesign, kind: .proportion)
    let data: [[Double]] = [
      [1, 0, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0, 0], [0, 0], [1, 0, 0, 0, 0, 0, 0, 0],
    ]
    for (domain, values) in data.enumerated() {
      for value in values { try accumulator.add([value], domains: [domain, 9]) }
    }
    let domains = [
      DomainKey(id: 0, regionCode: "110101", regionName: "a", level: "county", target: 0.6),
      DomainKey(id: 1, regionCode: "110102", regionName: "b", level: "county", target: 0.6),
      DomainKey(id: 2, regionCode: "110103", regionName: "c", level: "county", target: 0.6),
      DomainKey(id: 3, regionCode: "110100", regionName: "d", level: "city", target: 0.6),
      DomainKey(id: 9, regionCode: "all", regionName: "all", level: "all", target: 0.6),
    ]
    let rows = accumulator.estimates(
      for: EstimationRequest(indicator: "x", direction: .higher, domains: domains))
    let p = rows.map(\.pValue)
    let counties = BenjaminiHochberg.adjust([p[0], p[1]])
    expectClose(rows[0].qValue, counties[0], relative: 1e-15, "county a")
    expectClose(rows[1].qValue, counties[1], relative: 1e-15, "county b")
    #expect(rows[2].status == .suppressed && rows[2].qValue == nil)
    #expect(rows[3].qValue == rows[3].pValue && rows[4].qValue == rows[4].pValue)
    #expect(domains[4].family == "overall")
  }
}
