import Testing

@testable import SurveyScoring

/// One estimate computed two ways: the variance paths must agree where the
/// definitions say they coincide.
@Suite struct DesignEquivalenceTests {
  @Test func everyRowItsOwnPSUEqualsUniquePSULabels() throws {
    let rows = SyntheticRow.sample(count: 500, seed: 77)
    let moments = try SyntheticRow.accumulate(
      rows, design: SurveyDesign(mode: .taylor, hasPSU: false))
    var unique = rows
    for index in unique.indices { unique[index].psu = index }
    let totals = try SyntheticRow.accumulate(
      unique, design: SurveyDesign(mode: .taylor, hasPSU: true))
    AccumulatorMergeTests.expectSameSummaries(moments, totals, "row PSUs")
  }

  @Test func lonelyRulesAgreeWhenNoStratumIsLonely() throws {
    let rows = SyntheticRow.sample(count: 300, seed: 5).filter { $0.stratum != 3 }
    let adjust = try SyntheticRow.accumulate(
      rows, design: SurveyDesign(mode: .taylor, hasPSU: true))
    let remove = try SyntheticRow.accumulate(
      rows, design: SurveyDesign(mode: .taylor, hasPSU: true, lonelyPSU: .remove))
    AccumulatorMergeTests.expectSameSummaries(adjust, remove, "no lonely stratum")
  }

  @Test func multiplyingAllWeightsByAConstantChangesNothing() throws {
    let rows = SyntheticRow.sample(count: 300, seed: 11)
    var scaled = rows
    for index in scaled.indices { scaled[index].weight *= 37.5 }
    for hasPSU in [true, false] {
      let design = SurveyDesign(mode: .taylor, hasPSU: hasPSU)
      AccumulatorMergeTests.expectSameSummaries(
        try SyntheticRow.accumulate(rows, design: design),
        try SyntheticRow.accumulate(scaled, design: design),
        "scaled weights")
    }
  }

  /// STATISTICS.md §11: Taylor mode with equal weights and no strata or PSUs gives
  /// the no-design SE times √(N(n − 1)/((N − 1)n)), N the rows of the file.
  @Test func equalWeightTaylorDiffersFromNoDesignByTheDomainSizeFactor() throws {
    var random = SeededGenerator(seed: 3)
    var taylor = SurveyAccumulator(design: SurveyDesign(mode: .taylor, hasPSU: false), kind: .mean)
    var census = SurveyAccumulator(design: .noDesign, kind: .mean)
    let fileRows = 60
    var inDomain = 0
    for _ in 0..<fileRows {
      let y = Double.random(in: 0...10, using: &random)
      let domains = Bool.random(using: &random) ? [0] : [1]
      if domains == [0] { inDomain += 1 }
      try taylor.add(y, weight: 1, stratum: 0, psu: 0, domains: domains)
      try census.add([y], domains: domains)
    }
    let t = try #require(taylor.summaries(of: 0)[0])
    let c = try #require(census.summaries(of: 0)[0])
    let n = Double(inDomain)
    let fileSize = Double(fileRows)
    let factor = (fileSize * (n - 1) / ((fileSize - 1) * n)).squareRoot()
    expectClose(t.se, (c.se ?? .nan) * factor, relative: 1e-12, "Taylor SE")
    expectClose(t.estimate, c.estimate, relative: 1e-14, "estimate")
    #expect(t.df == c.df)  // n PSUs minus one stratum = n − 1
  }

  @Test func aDomainInsideOnePSUHasZeroVarianceAndNoInterval() throws {
    var accumulator = SurveyAccumulator(
      design: SurveyDesign(mode: .taylor, hasPSU: true), kind: .mean)
    for (y, psu) in [(1.0, 0), (2, 0), (3, 0), (4, 1), (5, 2)] {
      try accumulator.add(y, weight: 1, stratum: 0, psu: psu, domains: psu == 0 ? [0] : [1])
    }
    let inside = try #require(accumulator.summaries(of: 0)[0])
    #expect(inside.df == 0)
    // PSU 0 holds the domain: its total is 0 and the other two PSUs are 0 as well.
    expectClose(inside.se, 0, "se")
    #expect(inside.confidenceInterval(level: 0.95) == nil)
  }
}
