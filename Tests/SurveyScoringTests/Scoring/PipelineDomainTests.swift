import SurveySchema
import Testing

@testable import SurveyScoring

/// Which children count where: region codes mapped up the tree, unknown regions,
/// design problems, breakdowns by a select_multiple and by age band.
@Suite struct PipelineDomainTests {
  static func kit(design: Bool = false) -> TinyKit {
    var tiny = TinyKit()
    tiny.regions = TinyKit.regions(counties: 2)
    tiny.indicators = [TinyKit.indicator("served", "${child.y} = 1")]
    if design {
      tiny.rosterQuestions += [("stratum", .text), ("psu", .text)]
      tiny.design = (nil, "stratum", "psu")
    }
    return tiny
  }

  @Test func townshipCodesCountInTheirCountyAndUnknownCodesOnlyInAll() throws {
    let roster: [[String: String]] = [
      ["child_id": "a", "region": "110101001"],  // a township of county 110101
      ["child_id": "b", "region": "110101"],
      ["child_id": "c", "region": "999999"],  // not in the tree
      ["child_id": "d", "region": ""],
    ]
    let child = ["a", "b", "c", "d"].map { ["child_id": $0, "y": "1"] }
    let result = try score(Self.kit(), roster: roster, child: child, options: ScoringOptions(suppressionThreshold: 1))
    let n = Dictionary(uniqueKeysWithValues: result.estimates.map { ($0.regionCode, $0.n) })
    #expect(n == ["all": 4, "110000": 2, "110100": 2, "110101": 2])
    #expect(result.summary.childrenWithoutRegion == 2)
    #expect(result.diagnostics.count == 1)
    #expect(result.diagnostics.first?.severity == .warning)
    #expect(result.diagnostics.first?.message.hasPrefix("2 children in the register (the first is c) have region code '999999'") == true)
    var regions: [String] = []
    result.scores.forEachRow { regions.append($0[1]) }
    #expect(regions == ["110101", "110101", "999999", ""])
  }

  @Test func childrenWithBlankDesignCellsAreLocatedAndLeftOut() throws {
    let roster: [[String: String]] = [
      ["child_id": "a", "region": "110101", "stratum": "s1", "psu": "p1"],
      ["child_id": "b", "region": "110101", "stratum": "s1", "psu": "p2"],
      ["child_id": "c", "region": "110102", "stratum": "s1", "psu": ""],
    ]
    let child = ["a", "b", "c"].map { ["child_id": $0, "y": "1"] }
    let result = try score(
      Self.kit(design: true), roster: roster, child: child, options: ScoringOptions(suppressionThreshold: 1))
    #expect(result.summary.designMode == "taylor" && result.summary.hasPSUs && result.summary.hasStrata)
    #expect(result.summary.childrenInRegister == 3 && result.summary.childrenInDesign == 2)
    #expect(result.hasErrors)
    #expect(
      result.diagnostics.map(\.description) == [
        "roster.csv:4:0: error: child c: the psu is blank; in a clustered survey every child in the register needs one; the child is left out of the estimates"
      ])
    #expect(result.estimates.first { $0.regionCode == "all" }?.n == 2)
    #expect(result.estimates.contains { $0.regionCode == "110102" } == false)
  }

  @Test func designFieldsThatAreAllBlankMeanACensus() throws {
    let roster = ["a", "b"].map { ["child_id": $0, "region": "110101", "stratum": "", "psu": ""] }
    let child = [["child_id": "a", "y": "1"], ["child_id": "b", "y": "0"]]
    let result = try score(Self.kit(design: true), roster: roster, child: child)
    #expect(result.summary.designMode == "none" && !result.hasErrors)
  }

  @Test func ageBandsCountFromTheYearOfBirth() throws {
    var tiny = Self.kit()
    tiny.rosterQuestions.append(("birth_year", .integer))
    let roster: [[String: String]] = [
      ["child_id": "a", "region": "110101", "birth_year": "2020"],  // 6 in 2026
      ["child_id": "b", "region": "110101", "birth_year": "2012"],  // 14
      ["child_id": "c", "region": "110101", "birth_year": "2021"],  // 5
      ["child_id": "d", "region": "110101", "birth_year": "2019"],  // 7
      ["child_id": "e", "region": "110101", "birth_year": ""],
    ]
    let child = [("a", "1"), ("b", "0"), ("c", "1"), ("d", "0"), ("e", "1")].map { ["child_id": $0.0, "y": $0.1] }
    let result = try score(
      tiny, roster: roster, child: child,
      options: ScoringOptions(by: "age_band", suppressionThreshold: 1, referenceYear: 2026))
    let all = result.estimates.filter { $0.regionCode == "all" }
    #expect(all.map(\.group) == ["", "age_band=0-5", "age_band=6-11", "age_band=12-14"])
    #expect(all.map(\.n) == [5, 1, 2, 1])
    #expect(all[2].estimate == 0.5)
  }
}
