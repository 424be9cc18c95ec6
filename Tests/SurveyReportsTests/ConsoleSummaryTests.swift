import SurveyReports
import Testing

/// The terminal summary `careeval report` prints: the fixture's worst shortfall is
/// weekly_contact in 永川区 (estimates.csv row 37: 0.5, CI 0.3349–0.6651, target 0.8,
/// q 0.00058), and its region cells hold 16 shortfalls and 26 possible shortfalls.
@Suite struct ConsoleSummaryTests {
  @Test func chineseLinesNameRegionIndicatorAndFigures() throws {
    let lines = try ReportFixture.report().shortfallLines(limit: 3)
    #expect(lines.count == 4)
    #expect(lines[0] == "最突出的短板（全部数据：未达标 16 项，可能未达标 26 项）：")
    #expect(lines[1] == "  1. ✗ 未达标  永川区 · 每周联系儿童：50.0%（95% 置信区间 33.5–66.5%），目标 80.0%，差距 30.0 个百分点，q < 0.001")
  }

  @Test func englishLinesGiveTheLevel() throws {
    let lines = try ReportFixture.report(ReportOptions(language: .en)).shortfallLines(limit: 1)
    #expect(lines[0] == "Largest shortfalls (Whole data set: 16 shortfalls, 26 possible shortfalls):")
    #expect(lines[1] == "  1. ✗ shortfall  Yongchuan (county) · Weekly contact with the child: 50.0% (95% CI 33.5–66.5%), target 80.0%, gap 30.0 pp, q < 0.001")
  }
}
