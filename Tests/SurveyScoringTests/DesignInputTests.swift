import Testing

@testable import SurveySchema
@testable import SurveyScoring

/// STATISTICS.md §1: design columns, their defaults and their errors.
@Suite struct DesignInputTests {
  @Test func designModeFollowsTheColumnsPresent() {
    #expect(SurveyDesign(hasWeight: false, hasStratum: false, hasPSU: false).mode == .noDesign)
    #expect(SurveyDesign(hasWeight: true, hasStratum: false, hasPSU: false).mode == .taylor)
    #expect(SurveyDesign(hasWeight: false, hasStratum: true, hasPSU: false).hasPSU == false)
    #expect(SurveyDesign(hasWeight: false, hasStratum: false, hasPSU: true).hasPSU == true)
    #expect(SurveyDesign.noDesign.lonelyPSU == .adjust)
  }

  @Test func missingColumnsTakeTheirDefaults() throws {
    var coder = DesignRowCoder(
      design: SurveyDesign(hasWeight: false, hasStratum: false, hasPSU: true))
    let row = try coder.code(weight: nil, stratum: nil, psu: "school 7")
    #expect(row == DesignRow(weight: 1, stratum: 0, psu: 0))
    #expect(try coder.code(weight: nil, stratum: nil, psu: "school 9").psu == 1)
    #expect(try coder.code(weight: nil, stratum: nil, psu: " school 7 ").psu == 0)
  }

  @Test func psuLabelsAreNestedInStrata() throws {
    var coder = DesignRowCoder(
      design: SurveyDesign(hasWeight: true, hasStratum: true, hasPSU: true))
    let a = try coder.code(weight: "1.5", stratum: "A", psu: "01")
    let b = try coder.code(weight: "2", stratum: "B", psu: "01")
    #expect(a.stratum != b.stratum && a.psu == b.psu && a.weight == 1.5)
    var accumulator = SurveyAccumulator(design: coder.design, kind: .mean)
    try accumulator.add(1, weight: a.weight, stratum: a.stratum, psu: a.psu, domains: [0])
    try accumulator.add(2, weight: b.weight, stratum: b.stratum, psu: b.psu, domains: [0])
    #expect(accumulator.psuCountByStratum == [0: 1, 1: 1])
  }

  @Test(arguments: [
    ("", "weight is blank; every row needs a weight of zero or more"),
    ("abc", "weight 'abc' is not a number"),
    ("-1", "weight '-1' is not allowed; weights must be finite and zero or more"),
    ("nan", "weight 'nan' is not allowed; weights must be finite and zero or more"),
    ("inf", "weight 'inf' is not allowed; weights must be finite and zero or more"),
  ])
  func badWeightsAreRejected(cell: String, message: String) {
    var coder = DesignRowCoder(
      design: SurveyDesign(hasWeight: true, hasStratum: false, hasPSU: false))
    let error = #expect(throws: DesignCellError.self) {
      try coder.code(weight: cell, stratum: nil, psu: nil)
    }
    #expect(error?.description == message)
    #expect(error?.column == .weight)
  }

  @Test func blankStratumAndPSUCellsAreErrorsWithTheirLocation() {
    var coder = DesignRowCoder(
      design: SurveyDesign(hasWeight: false, hasStratum: true, hasPSU: true))
    let stratum = #expect(throws: DesignCellError.self) {
      try coder.code(weight: nil, stratum: " ", psu: "p")
    }
    let location = SourceLocation(file: "register.csv", row: 14, column: 5)
    #expect(
      stratum?.diagnostic(at: location).description
        == "register.csv:14:5: error: stratum is blank; every row of a stratified survey needs its stratum"
    )
    let psu = #expect(throws: DesignCellError.self) {
      try coder.code(weight: nil, stratum: "A", psu: "")
    }
    #expect(psu?.column == .psu)
  }

  @Test func noDesignIgnoresDesignCells() throws {
    var coder = DesignRowCoder(design: .noDesign)
    #expect(
      try coder.code(weight: "", stratum: "", psu: "") == DesignRow(weight: 1, stratum: 0, psu: 0))
  }

  @Test func accumulatorRejectsBadValuesAndStaysUnchanged() throws {
    var accumulator = SurveyAccumulator(
      design: SurveyDesign(mode: .taylor, hasPSU: false), kinds: [.mean, .proportion])
    try accumulator.add([2, 1], weight: 1, stratum: 0, psu: 0, domains: [0])
    let before = accumulator.summaries()
    let notBinary = #expect(throws: EstimationError.self) {
      try accumulator.add([3, 2], weight: 1, stratum: 0, psu: 0, domains: [0])
    }
    #expect(notBinary == EstimationError(.notBinary(2), variable: 1))
    #expect(
      notBinary?.diagnostic(
        at: SourceLocation(file: "child.csv", row: 3, column: 7), column: "paired"
      ).description
        == "child.csv:3:7: error: column 'paired': value 2.0 is not 0 or 1; a proportion indicator must be 0 (no) or 1 (yes)"
    )
    #expect(throws: EstimationError(.invalidWeight(-1))) {
      try accumulator.add([3, 1], weight: -1, stratum: 0, psu: 0, domains: [0])
    }
    #expect(throws: EstimationError(.invalidValue(.infinity), variable: 0)) {
      try accumulator.add([.infinity, 1], weight: 1, stratum: 0, psu: 0, domains: [0])
    }
    #expect(accumulator.summaries() == before)
    #expect(accumulator.designRows == [0: 1])
  }

  @Test func zeroWeightRowsStayInTheDesignButAreNotRespondents() throws {
    var accumulator = SurveyAccumulator(
      design: SurveyDesign(mode: .taylor, hasPSU: true), kind: .mean)
    try accumulator.add(5, weight: 0, stratum: 0, psu: 1, domains: [0])
    try accumulator.add(nil, weight: 2, stratum: 0, psu: 2, domains: [0])
    try accumulator.add(3, weight: 1, stratum: 0, psu: 3, domains: [0])
    let summary = try #require(accumulator.summaries(of: 0)[0])
    #expect(summary.n == 1 && summary.estimate == 3 && summary.df == 0)
    #expect(accumulator.psuCountByStratum == [0: 3])
  }

  @Test func internerAssignsDenseIdsInFirstSeenOrder() {
    var interner = Interner()
    #expect(
      [interner.id(for: "b"), interner.id(for: "a"), interner.id(for: "b"), interner.id(for: "c")]
        == [0, 1, 0, 2])
    #expect(interner.labels == ["b", "a", "c"] && interner.existingID(for: "z") == nil)
  }
}

@Suite struct SchemaBridgingTests {
  @Test func kitKindsAndDirectionsMapOneToOne() {
    #expect(
      IndicatorKind.allCases.map { MeasureKind($0).rawValue }
        == IndicatorKind.allCases.map(\.rawValue))
    #expect(
      Direction.allCases.map { TargetDirection($0).rawValue } == Direction.allCases.map(\.rawValue))
  }
}
