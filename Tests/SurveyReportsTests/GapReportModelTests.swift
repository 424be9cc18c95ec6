import SurveyReports
import SurveyScoring
import Testing

@Suite struct GapReportModelTests {
  static func row(
    _ indicator: String, _ code: String, estimate: Double?, target: Double?, _ status: ShortfallStatus,
    q: Double? = nil, n: Int = 30
  ) -> Estimate {
    Estimate(
      indicator: indicator, regionCode: code, regionName: "R" + code, level: "county", n: n,
      estimate: estimate, se: 0.05, ciLow: estimate.map { $0 - 0.1 }, ciHigh: estimate.map { $0 + 0.1 },
      df: Double(n - 1), target: target, status: status, pValue: q, qValue: q)
  }

  static func input(_ rows: [Estimate]) -> ReportInput {
    ReportInput(
      indicators: [
        ReportIndicator(name: "p", label: LocalizedPair(zh: "比例", en: "share"), area: .routine, kind: .proportion),
        ReportIndicator(name: "m", label: LocalizedPair(zh: "均值", en: "mean"), area: .outcome, kind: .mean),
        ReportIndicator(name: "l", label: LocalizedPair(zh: "低好", en: "low"), area: .outcome, kind: .proportion, direction: .lower),
      ],
      regions: [], estimates: rows, headline: ReportHeadline(childrenInRegister: 100),
      quality: ReportQuality(), methods: ReportMethods(kitName: "k", kitVersion: "1"))
  }

  @Test func shortfallsRankByCertaintyThenRelativeGapThenQValue() throws {
    // Gaps worked by hand: B 0.20; C (3.5 - 3.0) / 3.5 = 0.142857; E and A 0.10 (E has the
    // smaller q); D is only a possible shortfall, so it comes last despite its gap of 0.25.
    let report = try GapReport(
      input: Self.input([
        Self.row("p", "110101", estimate: 0.70, target: 0.80, .shortfall, q: 0.01),
        Self.row("p", "110102", estimate: 0.60, target: 0.80, .shortfall, q: 0.03),
        Self.row("m", "110101", estimate: 3.0, target: 3.5, .shortfall, q: 0.02),
        Self.row("l", "110101", estimate: 0.45, target: 0.20, .possibleShortfall, q: 0.2),
        Self.row("p", "110103", estimate: 0.70, target: 0.80, .shortfall, q: 0.005),
        Self.row("p", "110104", estimate: 0.85, target: 0.80, .meets, q: 0.9),
        Self.row("p", "110105", estimate: 0.10, target: 0.80, .suppressed, n: 3),
      ]))
    let order = report.shortfalls.map { "\($0.cell.indicator)@\($0.cell.regionCode)" }
    #expect(order == ["p@110102", "m@110101", "p@110103", "p@110101", "l@110101"])
    #expect(report.shortfalls.map(\.rank) == [1, 2, 3, 4, 5])
    let lower = try #require(report.shortfalls.last)
    #expect(abs(try #require(lower.cell.gap) - 0.25) < 1e-12)
    #expect(abs(report.shortfalls[1].relativeGap - 0.5 / 3.5) < 1e-12)
  }

  @Test func regionRowsRankBeforeBreakdownGroups() throws {
    // The group row has the largest gap (0.70) but ranks after both region rows, so the
    // regions' ranks run 1, 2 and the headline's worst shortfalls are ranks 1, 2.
    var group = Self.row("p", "110101", estimate: 0.10, target: 0.80, .shortfall, q: 0.001)
    group.group = "category=orphan"
    let report = try GapReport(
      input: Self.input([
        group,
        Self.row("p", "110102", estimate: 0.60, target: 0.80, .possibleShortfall, q: 0.2),
        Self.row("p", "110101", estimate: 0.70, target: 0.80, .shortfall, q: 0.01),
      ]))
    let order = report.shortfalls.map { "\($0.cell.regionCode)\($0.cell.group.isEmpty ? "" : "·" + $0.cell.group)" }
    #expect(order == ["110101", "110102", "110101·category=orphan"])
    #expect(report.shortfalls.map(\.rank) == [1, 2, 3])
    #expect(report.headline.worstShortfalls.map(\.rank) == [1, 2])
  }

  @Test func aSuppressedRowPublishesNoNumberEvenWhenGiven() throws {
    let report = try GapReport(
      input: Self.input([Self.row("p", "110105", estimate: 0.10, target: 0.80, .suppressed, q: 0.01, n: 3)]))
    let cell = try #require(report.drillDown.first?.cells.first)
    #expect(cell.status == .suppressed && cell.n == 3 && cell.target == 0.80)
    #expect(cell.estimate == nil && cell.ciLow == nil && cell.ciHigh == nil && cell.qValue == nil)
    #expect(report.shortfalls.isEmpty)
    let row = try #require(report.estimates.first)
    #expect(row.estimate == nil && row.se == nil && row.df == nil && row.pValue == nil && row.n == 3)
    #expect(try report.estimatesCSVText().hasSuffix("\np,110105,R110105,county,,3,,,,,,0.8,suppressed,,\n"))
  }

  @Test func countyLeagueTableIsWorstFirstWithSharedRanks() throws {
    // From the fixture's county rows: 永川区 5 shortfalls; 龙泉驿区 2; 汶川县 0 but 4 possible;
    // 黑水县 all suppressed (0 met); 梁平区 and 锦江区 meet 6 each and share rank 5.
    let report = try ReportFixture.report()
    let county = try #require(report.leagueTables.first { $0.level == "county" })
    #expect(county.rows.map(\.regionName) == ["永川区", "龙泉驿区", "汶川县", "黑水县", "梁平区", "锦江区"])
    #expect(county.rows.map(\.rank) == [1, 2, 3, 4, 5, 5])
    #expect(county.rows[0].counts.shortfall == 5 && county.rows[0].counts.possibleShortfall == 1)
    #expect(county.rows[3].counts.suppressed == 7)
    #expect(report.leagueTables.map(\.level) == ["province", "city", "county"])
  }

  @Test func drillDownFollowsTheTreeProvinceCityCounty() throws {
    let report = try ReportFixture.report()
    #expect(report.drillDown.map(\.regionName) == ["重庆市", "四川省"])
    let sichuan = report.drillDown[1]
    #expect(sichuan.children.map(\.regionName) == ["成都市", "阿坝藏族羌族自治州"])
    #expect(sichuan.children[1].children.map(\.regionName) == ["汶川县", "黑水县"])
    #expect(sichuan.cells.count == 7)
  }

  @Test func aProvinceReportHasThatProvinceAsItsRoot() throws {
    let report = try ReportFixture.report(ReportOptions(region: "510000"))
    #expect(report.scope.rootCode == "510000" && report.scope.levels == ["province", "city", "county"])
    #expect(report.estimates.allSatisfy { $0.regionCode.hasPrefix("51") })
    // 510000's own rows (7 indicators + 6 category rows) and 6 regions below it x 7.
    #expect(report.estimates.count == 7 + 6 + 6 * 7)
    let paired = try #require(report.areas.first?.indicators.first?.overall)
    #expect(paired.regionCode == "510000" && paired.n == 133)
    #expect(report.breakdowns.map(\.indicator) == ["paired", "weekly_contact"])
    #expect(report.breakdowns[0].rows.map(\.label) == ["孤儿", "事实无人抚养儿童", "留守儿童"])
    #expect(report.breakdowns[0].rows[0].cell.status == .suppressed)
  }

  @Test func aLevelFilterKeepsOnlyThatLevel() throws {
    let report = try ReportFixture.report(ReportOptions(levels: ["county"]))
    #expect(report.leagueTables.map(\.level) == ["county"])
    #expect(report.shortfalls.allSatisfy { $0.cell.level == "county" })
    // Shortfalls and possible shortfalls among the county rows: 5 + 1 + 2 + 4 + 4.
    #expect(report.shortfalls.count == 16)
    #expect(report.drillDown.first?.isShown == false)
  }

  @Test func unknownRegionOrLevelIsAClearError() throws {
    let input = try ReportFixture.input(ReportOptions(region: "999999"))
    #expect(throws: ReportError.self) { try GapReport(input: input) }
    do {
      _ = try GapReport(input: input)
    } catch {
      #expect(error.description == "error: region '999999' is not in the region tree (regions.csv) nor in the estimates; give a region code such as 510000")
    }
    let levels = try ReportFixture.input(ReportOptions(levels: ["village"]))
    do {
      _ = try GapReport(input: levels)
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "error: level 'village' does not occur in the estimates (levels: all, province, city, county)")
    }
  }

  @Test func headlineCountsAndWorstShortfalls() throws {
    let report = try ReportFixture.report(ReportOptions(topCount: 3))
    #expect(report.headline.childrenInRegister == 245)
    #expect(try #require(report.headline.pairedShare) == 228.0 / 245.0)
    #expect(report.headline.worstShortfalls.count == 3)
    #expect(report.headline.worstShortfalls.allSatisfy { $0.cell.group.isEmpty })
    // Region rows (all levels, no groups): 12 regions x 7 indicators.
    #expect(report.headline.statusCounts.total == 84)
    #expect(report.quality.suppressedCells == 9 && report.quality.cellCount == 96)
  }
}
