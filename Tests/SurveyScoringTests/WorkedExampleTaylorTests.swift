import Testing

@testable import SurveyScoring

/// STATISTICS.md §12 example 3: Taylor linearisation with a lonely stratum, a missing
/// value and two domains.
@Suite struct WorkedExampleTaylorTests {
  /// (domain, y, w, stratum, psu); domain 0 = north, 1 = south, 2 = all rows.
  static let rows: [(Int, Double?, Double, String, String)] = [
    (0, 1, 2, "A", "a1"), (0, 0, 1, "A", "a1"), (1, 1, 1, "A", "a2"),
    (0, 0, 3, "B", "b1"), (1, 1, 1, "B", "b1"), (1, 1, 2, "B", "b2"),
    (1, nil, 1, "B", "b3"), (0, 1, 2, "C", "c1"), (1, 0, 2, "C", "c1"),
  ]

  static func accumulate(
    kind: MeasureKind, lonely: LonelyPSURule = .adjust, shuffle: Bool = false
  ) throws -> SurveyAccumulator {
    var coder = DesignRowCoder(
      design: SurveyDesign(hasWeight: true, hasStratum: true, hasPSU: true, lonelyPSU: lonely))
    var accumulator = SurveyAccumulator(design: coder.design, kind: kind)
    let order = shuffle ? Array(rows.indices.reversed()) : Array(rows.indices)
    for index in order {
      let (domain, y, w, stratum, psu) = rows[index]
      let design = try coder.code(weight: String(w), stratum: stratum, psu: psu)
      try accumulator.add(
        y, weight: design.weight, stratum: design.stratum, psu: design.psu, domains: [domain, 2])
    }
    return accumulator
  }

  static let domains = [
    DomainKey(id: 0, regionCode: "north", regionName: "North", level: "county", target: 0.7),
    DomainKey(id: 1, regionCode: "south", regionName: "South", level: "county", target: 0.7),
    DomainKey(id: 2, regionCode: "all", regionName: "All", level: "all", target: 0.7),
  ]

  static func estimates(kind: MeasureKind, lonely: LonelyPSURule = .adjust) throws -> [Estimate] {
    let request = EstimationRequest(
      indicator: "y", direction: .higher, domains: domains,
      options: EstimationOptions(minimumCount: 1))
    return try accumulate(kind: kind, lonely: lonely).estimates(for: request)
  }

  @Test func allRowsProportionMatchesTheWorkedValues() throws {
    let all = try Self.estimates(kind: .proportion)[2]
    #expect(all.n == 8)
    expectClose(all.estimate, 4.0 / 7, "estimate")
    expectClose(all.se, (44.0 / 2401).squareRoot(), "se")
    expectClose(all.se, 0.13537244042, "se (printed)")
    expectClose(all.df, 2, "df")
    expectClose(all.ciLow, 0.11000414954, "ci_low")
    expectClose(all.ciHigh, 0.93499414090, "ci_high")
    expectClose(all.pValue, 0.20895646027, "p_value")
    #expect(all.status == .possibleShortfall)
    #expect(all.qValue == all.pValue)  // the overall row is a family of one
  }

  @Test func allRowsMeanModeUsesTheTInterval() throws {
    let all = try Self.estimates(kind: .mean)[2]
    expectClose(all.ciLow, -0.01103202889, "ci_low")
    expectClose(all.ciHigh, 1.15388917175, "ci_high")
    expectClose(all.pValue, 0.22123893805, "p_value")
  }

  @Test func southHasOneDegreeOfFreedom() throws {
    let south = try Self.estimates(kind: .proportion)[1]
    #expect(south.n == 4)
    expectClose(south.estimate, 2.0 / 3, "estimate")
    expectClose(south.se, (5.0 / 81).squareRoot(), "se")
    expectClose(south.se, 0.24845199750, "se (printed)")
    expectClose(south.df, 1, "df")
    expectClose(south.ciLow, 1.35349e-06, relative: 1e-5, absolute: 0, "ci_low")
    expectClose(south.ciHigh, 0.99999966163, "ci_high")
    expectClose(south.pValue, 0.45638749796, "p_value")
    #expect(south.status == .possibleShortfall)
  }

  @Test func northLiesInOnePSUPerStratumSoItIsIndeterminate() throws {
    let north = try Self.estimates(kind: .proportion)[0]
    #expect(north.n == 4)
    expectClose(north.estimate, 0.5, "estimate")
    expectClose(north.se, 0.23385358667, "se")
    expectClose(north.df, 0, "df")
    #expect(north.ciLow == nil && north.ciHigh == nil && north.pValue == nil && north.qValue == nil)
    #expect(north.status == .indeterminate)
  }

  @Test func removeRuleDropsTheLonelyStratum() throws {
    let rows = try Self.estimates(kind: .proportion, lonely: .remove)
    expectClose(rows[2].se, (43.0 / 2401).squareRoot(), "all se")
    expectClose(rows[2].se, 0.13382527601, "all se (printed)")
    expectClose(rows[1].se, 1.0 / 9, "south se")
  }

  @Test func rowOrderDoesNotChangeTheEstimates() throws {
    let forward = try Self.accumulate(kind: .proportion).summaries(of: 0)
    let backward = try Self.accumulate(kind: .proportion, shuffle: true).summaries(of: 0)
    for domain in 0..<3 {
      let a = try #require(forward[domain])
      let b = try #require(backward[domain])
      expectClose(b.estimate, a.estimate, relative: 1e-14, "estimate \(domain)")
      expectClose(b.se, a.se, relative: 1e-13, "se \(domain)")
      #expect(a.df == b.df && a.n == b.n)
    }
  }
}
