import Foundation
import SurveySchema
import Testing

@testable import SurveyScoring

/// The default kit scored on the hand-written cases of surveys/tools/aixin_cases,
/// whose expected values were worked out by hand by the kit's authors (see that
/// folder's README): every scale, indicator and agreement side per child and volunteer.
@Suite struct ScoringKitCasesTests {
  static let cases = packageRoot.appendingPathComponent("surveys/tools/aixin_cases").path

  struct Loaded {
    var kit: Kit
    var sink: ScoringSink
  }

  static func load() throws -> Loaded {
    let kit = try loadAixinKit()
    var sink = try ScoringSink(kit: kit)
    for form in ["volunteer", "roster", "child", "guardian", "teacher"] {
      try feed(&sink, kit: kit, [(form, try readCSV("\(cases)/\(form).csv"))])
    }
    return Loaded(kit: kit, sink: sink)
  }

  /// The expected cells: (kind, name) -> unit id -> cell.
  static func expected(_ file: String) throws -> [(kind: String, name: String, cells: [String: String])] {
    try readCSV("\(cases)/\(file)").map { row in
      var cells = row
      let kind = cells.removeValue(forKey: "kind") ?? ""
      let name = cells.removeValue(forKey: "name") ?? ""
      return (kind, name, cells)
    }
  }

  static func matches(_ expected: String, _ got: String) -> Bool {
    if let a = Double(expected), let b = Double(got) { return close(a, b, relative: 1e-12) }
    return expected == got
  }

  static func render(_ outcome: IndicatorOutcome, kind: IndicatorKind) -> String {
    switch outcome {
    case .outside: "OUT"
    case .missing, .invalid: "NA"
    case .value(let y): kind == .proportion ? (y == 1 ? "1" : "0") : "\(y)"
    }
  }

  @Test func everyScaleAndChildIndicatorMatchesTheHandWorkedValues() throws {
    var loaded = try Self.load()
    loaded.sink.children.finishGrowing()
    let store = loaded.sink.children
    var checked = 0
    for row in try Self.expected("expected_child.csv") {
      for (id, cell) in row.cells {
        let unit = try #require(store.unit(ofID: id), "child \(id) was not stored")
        let got: String
        switch row.kind {
        case "scale":
          let column = try #require(loaded.sink.plan.scaleColumns(of: .child).first { $0.name == row.name }).column
          got = store.value(column: column, unit: unit).map { "\($0.numberValue)" } ?? "NA"
        case "indicator":
          let bound = try #require(loaded.sink.plan.indicators.first { $0.indicator.name == row.name })
          var evaluator = IndicatorEvaluator(bound, store: store, today: "2026-06-30")
          got = Self.render(evaluator.outcome(unit: unit, store: store), kind: bound.indicator.kind)
        case "agreement_left", "agreement_right":
          let bound = try #require(loaded.sink.plan.agreements.first { $0.pair.name == row.name })
          var evaluator = AgreementEvaluator(bound, store: store, today: "2026-06-30")
          let (left, right) = evaluator.labels(unit: unit, store: store)
          let label = row.kind == "agreement_left" ? left : right
          got = label.map { $0 == "true" ? "1" : $0 == "false" ? "0" : $0 } ?? "NA"
        default:
          continue  // calculates are ingestion's business
        }
        #expect(Self.matches(cell, got), "\(row.kind) \(row.name) for \(id): expected \(cell), got \(got)")
        checked += 1
      }
    }
    #expect(checked > 300)
  }

  @Test func everyVolunteerIndicatorMatchesTheHandWorkedValues() throws {
    var loaded = try Self.load()
    loaded.sink.volunteers.finishGrowing()
    let store = loaded.sink.volunteers
    for row in try Self.expected("expected_volunteer.csv") {
      let bound = try #require(loaded.sink.plan.indicators.first { $0.indicator.name == row.name })
      #expect(bound.unit == .volunteer)
      var evaluator = IndicatorEvaluator(bound, store: store, today: "2026-06-30")
      for (id, cell) in row.cells {
        let unit = try #require(store.unit(ofID: id))
        let got = Self.render(evaluator.outcome(unit: unit, store: store), kind: bound.indicator.kind)
        #expect(Self.matches(cell, got), "\(row.name) for \(id): expected \(cell), got \(got)")
      }
    }
  }

  @Test func scoresTableHasOneRowPerRegisterChildWithTheSameValues() throws {
    let loaded = try Self.load()
    let result = loaded.sink.finish()
    let scores = result.scores
    #expect(scores.count == 7)
    #expect(Array(scores.columns.prefix(4)) == ["child_key", "region", "categories", "wellbeing"])
    #expect(scores.columns.contains("wellbeing_band"))
    var rows: [[String]] = []
    scores.forEachRow { rows.append($0) }
    let keyer = Pseudonymizer()
    let first = try #require(rows.first)
    #expect(first[0] == keyer.key(for: "C001"))
    #expect(first[1] == "500155")
    #expect(first[2] == "left_behind")
    let column = { (name: String) in scores.columns.firstIndex(of: name) ?? -1 }
    #expect(first[column("wellbeing")] == "\(30.0 / 7)")
    #expect(first[column("wellbeing_band")] == "3")  // 4.29 >= 3.5
    #expect(first[column("coverage_orphan")] == "")  // not an orphan: outside the population
    #expect(rows[3][column("outcome_wellbeing")] == "NA")  // C004: no questionnaire
    #expect(rows[1][column("needs_legal_served")] == "0")
  }
}
