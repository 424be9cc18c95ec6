import Testing

@testable import SurveyScoring

/// Every row of the generated cross-check (reference/make_reference.py: formulas in
/// numpy, checked against samplics and statsmodels): a stratified clustered sample
/// with domains, missing values, zero weights and a lonely stratum, in four designs.
@Suite struct ReferenceFixtureTests {
  static let designs: [String: SurveyDesign] = [
    "taylor": SurveyDesign(hasWeight: true, hasStratum: true, hasPSU: true),
    "taylor_remove": SurveyDesign(
      hasWeight: true, hasStratum: true, hasPSU: true, lonelyPSU: .remove),
    "taylor_rowpsu": SurveyDesign(hasWeight: true, hasStratum: true, hasPSU: false),
    "none": .noDesign,
  ]
  static let variables = ["y_mean", "y_prop"]

  static func accumulate(design: SurveyDesign, domains: inout Interner) throws -> SurveyAccumulator
  {
    var coder = DesignRowCoder(design: design)
    var accumulator = SurveyAccumulator(design: design, kinds: [.mean, .proportion])
    for row in try fixtureTable("reference_data.csv") {
      let cells = { (name: String) in row[name] ?? "" }
      let coded = try coder.code(
        weight: design.mode == .taylor ? cells("weight") : nil,
        stratum: design.mode == .taylor ? cells("stratum") : nil,
        psu: design.hasPSU ? cells("psu") : nil)
      var labels = ["all", "county=\(cells("county"))", "city=\(cells("city"))"]
      if !cells("group").isEmpty {
        labels += ["group=\(cells("group"))", "city=\(cells("city"))&group=\(cells("group"))"]
      }
      let ids = labels.map { domains.id(for: $0) }
      let values = variables.map { Double(cells($0)) }
      try accumulator.add(
        values, weight: coded.weight, stratum: coded.stratum, psu: coded.psu, domains: ids)
    }
    return accumulator
  }

  @Test(arguments: ["taylor", "taylor_remove", "taylor_rowpsu", "none"])
  func everyExpectedRowMatches(designName: String) throws {
    let design = try #require(Self.designs[designName])
    var domains = Interner()
    let accumulator = try Self.accumulate(design: design, domains: &domains)
    let summaries = accumulator.summaries()
    let expected = try fixtureTable("reference_estimates.csv").filter { $0["design"] == designName }
    #expect(expected.count == 40)
    for (variable, name) in Self.variables.enumerated() {
      let rows = expected.filter { $0["variable"] == name }
      let keys = try rows.map { row in
        DomainKey(
          id: try #require(domains.existingID(for: row["domain"] ?? "")),
          regionCode: row["domain"] ?? "",
          regionName: "", level: row["level"] ?? "", family: row["family"],
          target: Double(row["target"] ?? ""))
      }
      let request = EstimationRequest(indicator: name, direction: .higher, domains: keys)
      let published = request.estimates(
        from: summaries[variable], kind: accumulator.kinds[variable])
      for (row, estimate) in zip(rows, published) {
        let label = "\(designName) \(name) \(row["domain"] ?? "")"
        let number = { (column: String) in Double(row[column] ?? "") }
        let summary =
          summaries[variable][estimate.id(in: domains)] ?? .empty(accumulator.kinds[variable])
        #expect(summary.n == Int(row["n"] ?? ""), "\(label) n")
        expectClose(summary.estimate, number("estimate"), "\(label) estimate")
        expectClose(summary.se, number("se"), "\(label) se")
        expectClose(summary.df, number("df"), "\(label) df")
        let interval = summary.confidenceInterval(level: 0.95)
        expectClose(interval?.low, number("ci_low"), "\(label) ci_low")
        expectClose(interval?.high, number("ci_high"), "\(label) ci_high")
        #expect(estimate.status.rawValue == row["status"], "\(label) status")
        expectClose(estimate.pValue, number("p_value"), "\(label) p_value")
        expectClose(estimate.qValue, number("q_value"), "\(label) q_value")
      }
    }
  }
}

extension Estimate {
  /// The accumulator id of this row's domain (the tests use the label as region code).
  fileprivate func id(in domains: Interner) -> Int { domains.existingID(for: regionCode) ?? -1 }
}
