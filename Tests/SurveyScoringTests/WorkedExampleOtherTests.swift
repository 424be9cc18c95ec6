import Testing

@testable import SurveyScoring

/// STATISTICS.md §12 examples 4 (waves), 5 (alpha) and 6 (kappa).
@Suite struct WorkedExampleOtherTests {
  static func summary(_ values: [Double?]) throws -> DomainSummary {
    var accumulator = SurveyAccumulator(design: .noDesign, kind: .proportion)
    for value in values { try accumulator.add([value], domains: [0]) }
    return try #require(accumulator.summaries(of: 0)[0])
  }

  @Test func example4WaveDifferenceOfAUsesWelchDegreesOfFreedom() throws {
    let wave1 = try Self.summary([1, 1, 0, 1, 1, 0, 1, 1])
    let wave2 = try Self.summary([1, 1, 1, 1, 1, 1, 1, 1, 1, 0])
    expectClose(wave2.estimate, 0.9, "wave 2 estimate")
    expectClose(wave2.se, 0.1, "wave 2 se")
    expectClose(wave2.df, 9, "wave 2 df")
    let change = WaveDifference(earlier: wave1, later: wave2)
    expectClose(change.difference, 0.15, "diff")
    expectClose(change.se, 0.19179602260, "se")
    expectClose(change.df, 11.91109012172, "df")
    expectClose(change.ciLow, -0.26823385692, "ci_low")
    expectClose(change.ciHigh, 0.56823385692, "ci_high")
    expectClose(change.pValue, 0.44943520457, "p")
  }

  @Test func example4WaveDifferenceOfE() throws {
    let wave1 = try Self.summary([1, 0, 0, 1, 0, 0, 1, 0, 0, 0])
    let wave2 = try Self.summary([1, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1])
    let change = WaveDifference(earlier: wave1, later: wave2)
    expectClose(change.difference, 0.28333333333, "diff")
    expectClose(change.se, 0.21314148571, "se")
    expectClose(change.df, 19.67820481569, "df")
    expectClose(change.ciLow, -0.16173857241, "ci_low")
    expectClose(change.ciHigh, 0.72840523907, "ci_high")
    expectClose(change.pValue, 0.19894904504, "p")
  }

  @Test func waveDifferenceIsMissingWhenAWaveIsSuppressed() throws {
    let small = try Self.summary([1, 0, 1])
    let large = try Self.summary([1, 0, 1, 1, 0, 1])
    let change = WaveDifference(earlier: small, later: large)
    #expect(
      change.difference == nil && change.se == nil && change.df == nil && change.pValue == nil)
    let allowed = WaveDifference(
      earlier: small, later: large, options: EstimationOptions(minimumCount: 3))
    #expect(allowed.difference != nil)
  }

  @Test func waveDifferenceOfTwoZeroSEWavesAddsTheDegreesOfFreedom() throws {
    let zeros = try Self.summary([0, 0, 0, 0, 0])
    let ones = try Self.summary([1, 1, 1, 1, 1, 1])
    let change = WaveDifference(earlier: zeros, later: ones)
    #expect(change.df == 9 && change.se == 0 && change.pValue == 0)
    #expect(change.ciLow == 1 && change.ciHigh == 1)
  }

  @Test func example5AlphaUsesCompleteRowsOnly() throws {
    var alpha = CronbachAlpha(itemCount: 3)
    let rows: [[Double?]] = [
      [4, 5, 4], [3, 3, 2], [5, 5, 5], [2, 3, 3], [4, 4, 5], [nil, 2, 3], [3, 4, 3],
    ]
    for row in rows { try alpha.add(row) }
    #expect(alpha.n == 6)
    expectClose(alpha.alpha, 0.91050583658, "alpha")
  }

  @Test func alphaIsMissingWithoutVariationOrWithOneItem() throws {
    var constant = CronbachAlpha(itemCount: 2)
    try constant.add([1, 2])
    try constant.add([1, 2])
    #expect(constant.alpha == nil)
    var single = CronbachAlpha(itemCount: 1)
    try single.add([1])
    try single.add([2])
    #expect(single.alpha == nil)
  }

  @Test func weightedAlphaWithIntegerWeightsEqualsRepeatingRows() throws {
    // Weighted variances Σw(x − x̄)²/Σw give the alpha of the rows repeated w times
    // with population variances, which equals the sample-variance alpha: both
    // denominators cancel.
    let rows: [([Double?], Double)] = [
      ([4, 5, 4], 2), ([3, 3, 2], 1), ([5, 5, 5], 3), ([2, 3, 3], 1), ([4, 4, 5], 2),
    ]
    var weighted = CronbachAlpha(itemCount: 3, weighted: true)
    var repeated = CronbachAlpha(itemCount: 3)
    for (row, weight) in rows {
      try weighted.add(row, weight: weight)
      for _ in 0..<Int(weight) { try repeated.add(row) }
    }
    expectClose(weighted.alpha, repeated.alpha, relative: 1e-12, "weighted alpha")
  }

  @Test func example6KappaWithPercentAgreementAndSE() throws {
    var interner = Interner()
    let pairs: [(String, String?)] = [
      ("weekly", "weekly"), ("weekly", "monthly"), ("monthly", "monthly"), ("rarely", "rarely"),
      ("weekly", "weekly"), ("monthly", "rarely"), ("weekly", "weekly"), ("rarely", nil),
      ("monthly", "monthly"), ("weekly", "monthly"), ("rarely", "rarely"),
    ]
    var kappa = CohenKappa()
    for (child, guardian) in pairs {
      try kappa.add(interner.id(for: child), guardian.map { interner.id(for: $0) })
    }
    let result = kappa.result
    #expect(result.n == 10)
    expectClose(result.agreement, 0.7, "po")
    expectClose(result.kappa, 0.55223880597, "kappa")
    expectClose(result.se, 0.20915058783, "se")
  }

  @Test func kappaIsMissingWhenChanceAgreementIsCertain() throws {
    var kappa = CohenKappa()
    try kappa.add(1, 1)
    try kappa.add(1, 1)
    #expect(kappa.result.kappa == nil && kappa.result.agreement == 1)
    #expect(CohenKappa().result.n == 0)
  }
}
