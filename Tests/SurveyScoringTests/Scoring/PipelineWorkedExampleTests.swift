import Foundation
import SurveySchema
import Testing

@testable import SurveyScoring

/// STATISTICS.md §12 worked examples run through the whole scoring pipeline: the
/// values arrive as answers of an informant form, the domains are counties of a
/// region tree, the design comes from the roster, and the target from targets.csv.
@Suite struct PipelineWorkedExampleTests {
  /// Example 1: six counties A–F, no design, proportion, T = 0.8, k = 5.
  static let example1: [(county: String, values: [String])] = [
    ("110101", ["1", "1", "0", "1", "1", "0", "1", "1"]),
    ("110102", ["1", "1", "1", "1", "1", "1"]),
    ("110103", ["0", "1", ""]),
    ("110104", ["", "", ""]),
    ("110105", ["1", "0", "0", "1", "0", "0", "1", "0", "0", "0"]),
    ("110106", ["0", "0", "0", "0", "0", "0"]),
  ]

  static func example1Result(shuffled: Bool = false) throws -> ScoringResult {
    var tiny = TinyKit()
    tiny.regions = TinyKit.regions(counties: 6)
    tiny.indicators = [TinyKit.indicator("served", "${child.y} = 1")]
    tiny.targets = [Target(indicator: "served", target: 0.8, location: TinyKit.here)]
    var roster: [[String: String]] = []
    var child: [[String: String]] = []
    for (county, values) in example1 {
      for (i, value) in values.enumerated() {
        let id = "C\(county)-\(i)"
        roster.append(["child_id": id, "region": county])
        child.append(["child_id": id, "y": value])
      }
    }
    if shuffled {
      var generator = SplitMix(seed: 7)
      roster.shuffle(using: &generator)
      child.shuffle(using: &generator)
    }
    return try score(tiny, roster: roster, child: child)
  }

  @Test func example1CountyRowsMatchTheWorkedTable() throws {
    let rows = try Self.example1Result().estimates
    func row(_ code: String) throws -> Estimate { try #require(rows.first { $0.regionCode == code }) }
    let a = try row("110101")
    #expect(a.n == 8 && a.estimate == 0.75 && a.df == 7 && a.status == .possibleShortfall)
    #expect(close(a.se, 0.16366341768) && close(a.ciLow, 0.27579813431) && close(a.ciHigh, 0.95940333131))
    #expect(close(a.pValue, 0.37567956858) && close(a.qValue, 0.50090609144))
    let b = try row("110102")
    #expect(b.n == 6 && b.estimate == 1 && b.se == 0 && close(b.ciLow, 0.54074187356) && b.ciHigh == 1)
    #expect(b.pValue == 1 && b.qValue == 1 && b.status == .meets)
    let c = try row("110103")
    #expect(c.n == 2 && c.status == .suppressed && c.estimate == nil && c.target == 0.8 && c.pValue == nil)
    let d = try row("110104")
    #expect(d.n == 0 && d.status == .suppressed)
    let e = try row("110105")
    #expect(e.n == 10 && e.estimate == 0.3 && close(e.se, 0.15275252317) && e.status == .shortfall)
    #expect(close(e.ciLow, 0.07636622899) && close(e.ciHigh, 0.68958489203))
    #expect(close(e.pValue, 0.00666964654) && close(e.qValue, 0.01333929308))
    let f = try row("110106")
    #expect(f.n == 6 && f.estimate == 0 && close(f.ciHigh, 0.45925812644) && f.status == .shortfall)
    #expect(close(f.pValue, 6.4e-05) && close(f.qValue, 2.56e-04))
  }

  /// The city and the province hold every row of their counties: 32 answers, 16 ones
  /// (6 + 6 + 1 + 3), so p = 0.5, se = √(0.25/31), df = 31 (worked by hand, §3a).
  @Test func cityAndProvinceRowsPoolTheirCounties() throws {
    let rows = try Self.example1Result().estimates
    for code in ["110100", "110000", "all"] {
      let row = try #require(rows.first { $0.regionCode == code })
      #expect(row.n == 32)
      #expect(close(row.estimate, 0.5))
      #expect(close(row.se, (0.25 / 31).squareRoot()))
      #expect(row.df == 31)
      #expect(row.status == .shortfall)  // p = 0.5 far below 0.8
    }
    #expect(rows.map(\.level) == ["all", "province", "city"] + Array(repeating: "county", count: 6))
    #expect(rows.first?.regionName == "全部")
    #expect(rows[1].regionName == "北京市")
  }

  @Test func estimatesDoNotDependOnTheOrderOfRows() throws {
    let straight = try Self.example1Result().estimates
    let shuffled = try Self.example1Result(shuffled: true).estimates
    #expect(straight == shuffled)
  }

  /// Example 3: Taylor design from the roster (weight, stratum, psu), a lonely
  /// stratum C, a missing value in stratum B, two counties north and south; T = 0.7, k = 1.
  @Test func example3TaylorDesignFromTheRoster() throws {
    var tiny = TinyKit()
    tiny.regions = TinyKit.regions(counties: 2)
    tiny.rosterQuestions += [("w", .decimal), ("stratum", .text), ("psu", .text)]
    tiny.design = ("w", "stratum", "psu")
    tiny.indicators = [TinyKit.indicator("served", "${child.y} = 1")]
    tiny.targets = [Target(indicator: "served", target: 0.7, location: TinyKit.here)]
    let rows: [(String, String, String, String, String, String)] = [
      ("1", "north", "1", "2", "A", "a1"), ("2", "north", "0", "1", "A", "a1"), ("3", "south", "1", "1", "A", "a2"),
      ("4", "north", "0", "3", "B", "b1"), ("5", "south", "1", "1", "B", "b1"), ("6", "south", "1", "2", "B", "b2"),
      ("7", "south", "", "1", "B", "b3"), ("8", "north", "1", "2", "C", "c1"), ("9", "south", "0", "2", "C", "c1"),
    ]
    let county = ["north": "110101", "south": "110102"]
    let roster = rows.map {
      ["child_id": "ch\($0.0)", "region": county[$0.1] ?? "", "w": $0.3, "stratum": $0.4, "psu": $0.5]
    }
    let child = rows.map { ["child_id": "ch\($0.0)", "y": $0.2] }
    let result = try score(tiny, roster: roster, child: child, options: ScoringOptions(suppressionThreshold: 1))
    #expect(result.summary.designMode == "taylor")
    let all = try #require(result.estimates.first { $0.regionCode == "all" })
    #expect(all.n == 8 && close(all.estimate, 4.0 / 7) && close(all.se, 0.13537244042) && all.df == 2)
    #expect(close(all.ciLow, 0.11000414954) && close(all.ciHigh, 0.93499414090) && close(all.pValue, 0.20895646027))
    let south = try #require(result.estimates.first { $0.regionCode == "110102" })
    #expect(south.n == 4 && close(south.estimate, 2.0 / 3) && close(south.se, 0.24845199750) && south.df == 1)
    #expect(close(south.ciLow, 1.35349e-06, relative: 1e-5) && close(south.ciHigh, 0.99999966163))
    #expect(close(south.pValue, 0.45638749796) && south.status == .possibleShortfall)
    let north = try #require(result.estimates.first { $0.regionCode == "110101" })
    #expect(north.n == 4 && north.estimate == 0.5 && close(north.se, 0.23385358667) && north.df == 0)
    #expect(north.status == .indeterminate && north.ciLow == nil && north.pValue == nil)

    let removed = try score(
      tiny, roster: roster, child: child, options: ScoringOptions(suppressionThreshold: 1, lonelyPSU: .remove))
    let allRemoved = try #require(removed.estimates.first { $0.regionCode == "all" })
    #expect(close(allRemoved.se, 0.13382527601))
  }
}

/// A small deterministic generator for shuffling test rows.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Splitting the indicators over cores changes nothing: each group has its own
/// accumulator and indicators never share sums.
@Suite struct PipelinePartitionTests {
  @Test func estimatesAreTheSameForAnyNumberOfParts() throws {
    let kit = try loadAixinKit()
    var sink = try ScoringSink(kit: kit, options: ScoringOptions(by: "category", suppressionThreshold: 1))
    let cases = packageRoot.appendingPathComponent("surveys/tools/aixin_cases").path
    for form in ["volunteer", "roster", "child", "guardian", "teacher"] {
      try feed(&sink, kit: kit, [(form, try readCSV("\(cases)/\(form).csv"))])
    }
    let one = sink.finish(parts: 1).estimates
    #expect(one.count > 500)
    for parts in [2, 3, 7, 100] {
      #expect(sink.finish(parts: parts).estimates == one, "\(parts) parts")
    }
  }
}
