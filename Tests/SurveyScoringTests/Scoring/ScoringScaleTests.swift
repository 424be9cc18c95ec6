import SurveySchema
import Testing

@testable import SurveyScoring

/// Scale scoring worked by hand: reverse scoring from choice values or from
/// item_min/item_max, min_valid, mean and sum, bands.
@Suite struct ScoringScaleTests {
  static let here = SourceLocation(file: "scales.csv", row: 2, column: 1)

  /// A form with three items on a 1–5 list (names are the values), one item on a
  /// list whose choices carry `value`s 0/10/20, and a numeric item.
  static let instrument: Instrument = {
    let five = ChoiceList(
      name: "five", choices: (1...5).map { Choice(name: "\($0)", location: here) }, location: here)
    let coded = ChoiceList(
      name: "coded",
      choices: [
        Choice(name: "low", value: 0, location: here), Choice(name: "mid", value: 10, location: here),
        Choice(name: "high", value: 20, location: here), Choice(name: "dk", location: here),
      ], location: here)
    let questions = [
      TinyKit.question("a", .selectOne(list: "five")), TinyKit.question("b", .selectOne(list: "five")),
      TinyKit.question("c", .selectOne(list: "five")), TinyKit.question("d", .selectOne(list: "coded")),
      TinyKit.question("e", .integer),
    ]
    return Instrument(formID: "f", questions: questions, choiceLists: [five, coded], folder: "f", location: here)
  }()

  static func answers(_ cells: [String?]) -> [Answer] {
    cells.enumerated().map { i, cell in
      guard let cell else { return .blank }
      return i == 4 ? .value(.number(Double(cell) ?? .nan)) : .value(.string(cell))
    }
  }

  static func score(_ scale: Scale, _ cells: [String?]) throws -> Double? {
    let scorer = try ScaleScorer(scale: scale, instrument: instrument)
    return scorer.score(answers(cells)) { _, _ in }
  }

  @Test func reversedItemsUseTheChoiceRange() throws {
    let scale = Scale(name: "s", form: "f", items: ["a", "b", "c"], reverse: ["c"], location: Self.here)
    // a = 4, b = 2, c = 1 reversed to 1 + 5 - 1 = 5: (4 + 2 + 5) / 3.
    #expect(try Self.score(scale, ["4", "2", "1", nil, nil]) == 11.0 / 3)
  }

  @Test func reversedItemsUseChoiceValuesWhenNamesAreNotNumbers() throws {
    let scale = Scale(name: "s", form: "f", items: ["a", "d"], reverse: ["d"], method: .sum, location: Self.here)
    // d = "mid" scores 10, reversed within 0..20 to 10; "high" 20 -> 0; "dk" has no value: invalid.
    #expect(try Self.score(scale, ["3", nil, nil, "mid", nil]) == 13)
    #expect(try Self.score(scale, ["3", nil, nil, "high", nil]) == 3)
    #expect(try Self.score(scale, ["3", nil, nil, "dk", nil]) == nil)  // min_valid blank = all items
  }

  @Test func itemMinAndMaxOverrideTheChoices() throws {
    let scale = Scale(
      name: "s", form: "f", items: ["a", "e"], reverse: ["e"], method: .sum, itemMin: 0, itemMax: 4, location: Self.here)
    // e = 1 reversed to 0 + 4 - 1 = 3; a = 2: sum 5.
    #expect(try Self.score(scale, ["2", nil, nil, nil, "1"]) == 5)
  }

  @Test func minValidDecidesWhetherAScoreExists() throws {
    let scale = Scale(
      name: "s", form: "f", items: ["a", "b", "c"], method: .mean, minValid: 2, location: Self.here)
    #expect(try Self.score(scale, ["5", nil, "2", nil, nil]) == 3.5)  // 2 valid of 3
    #expect(try Self.score(scale, ["5", nil, nil, nil, nil]) == nil)  // 1 valid < 2
    let sum = Scale(name: "s", form: "f", items: ["a", "b", "c"], method: .sum, minValid: 2, location: Self.here)
    #expect(try Self.score(sum, ["5", nil, "2", nil, nil]) == 7)  // the answered items only
  }

  @Test func bandsCountTheCutOffsAtOrBelowTheScore() throws {
    let scale = Scale(name: "s", form: "f", items: ["a"], bands: [2.5, 3.5], location: Self.here)
    let scorer = try ScaleScorer(scale: scale, instrument: Self.instrument)
    #expect(scorer.band(of: 2.4) == 1)
    #expect(scorer.band(of: 2.5) == 2)
    #expect(scorer.band(of: 3.49) == 2)
    #expect(scorer.band(of: 3.5) == 3)
    #expect(scorer.band(of: nil) == nil)
  }

  @Test func badItemsAreLocatedErrors() throws {
    let unknown = Scale(name: "s", form: "f", items: ["a", "zz"], location: Self.here)
    let error = #expect(throws: ScoringError.self) { try ScaleScorer(scale: unknown, instrument: Self.instrument) }
    #expect(error?.description == "scales.csv:2:1: error: scale s: item 'zz' is not a question of form f")
    let noRange = Scale(name: "s", form: "f", items: ["e"], reverse: ["e"], location: Self.here)
    let error2 = #expect(throws: ScoringError.self) { try ScaleScorer(scale: noRange, instrument: Self.instrument) }
    #expect(
      error2?.description
        == "scales.csv:2:1: error: scale s: item 'e' is reversed but has no range; fill item_min and item_max, or give its choices numeric values"
    )
  }
}
