import Foundation
import SurveyReports
import SurveyScoring
import Testing

@Suite struct HTMLReportTests {
  /// How the test expects a proportion to read: one decimal, percent sign.
  static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

  @Test(arguments: ReportLanguage.allCases)
  func pageIsWellFormedXMLWithoutScriptsOrExternalURLs(language: ReportLanguage) throws {
    let html = try ReportFixture.report(ReportOptions(language: language)).html()
    let page = XHTMLTables(html)
    #expect(page.error == nil, "\(String(describing: page.error))")
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang="))
    for forbidden in ["http://", "https://", "<script", "src=", "url(", "=\"//", "@import", "@font-face"] {
      #expect(!html.contains(forbidden), "found \(forbidden)")
    }
    // Every link is an anchor inside the page.
    for attribute in page.attributeValues where attribute.hasPrefix("href=") {
      #expect(attribute.hasPrefix("href=#"))
    }
  }

  @Test func everyShortfallOfTheEstimatesIsListedWithItsValue() throws {
    let report = try ReportFixture.report()
    // Region rows and breakdown-group rows are two tables, each with a header row.
    let rows = try #require(XHTMLTables(report.html()).rows["shortfalls"]).filter { $0.first != "排名" }
    let expected = try ReportFixture.estimates().filter { $0.status == .shortfall || $0.status == .possibleShortfall }
    #expect(expected.count == 51)
    #expect(rows.count == expected.count)
    let labels = Dictionary(uniqueKeysWithValues: ReportFixture.indicators.map { ($0.name, $0.label.zh) })
    for estimate in expected {
      let region = estimate.regionCode == "all" ? "全部数据" : estimate.regionName
      let group = ReportFixture.groupLabels[estimate.group]?.zh ?? ""
      let place = estimate.group.isEmpty ? region : region + " · " + group
      let value =
        estimate.indicator == "wellbeing"
        ? String(format: "%.2f", try #require(estimate.estimate)) : Self.percent(try #require(estimate.estimate))
      let match = rows.contains { $0[1] == labels[estimate.indicator] && $0[2] == place && $0[5] == value }
      #expect(match, "missing \(estimate.indicator) \(place) \(value)")
    }
  }

  @Test func suppressedCellsAreShownAsSuppressedNeverAsZero() throws {
    let html = try ReportFixture.report().html()
    let page = XHTMLTables(html)
    // 黑水县 has 2-4 respondents on every indicator: each drill-down row says so.
    let drill = try #require(page.rows["drill-down"])
    let heishuiRows = drill.filter { $0.count == 8 && $0[2] == "— 样本不足 n<5" }
    #expect(heishuiRows.count >= 7)
    for row in heishuiRows {
      #expect(!row.contains("0.0%") && !row.contains("0.00"))
      #expect(row[6] == "— 样本不足")
    }
    // The charts say it too, in place of a dot.
    #expect(page.texts["areas", default: []].filter { $0 == "— 样本不足 n<5" }.count >= 7)
    // No suppressed estimate appears in the shortfall list.
    #expect(!(page.rows["shortfalls"] ?? []).contains { $0.contains("— 样本不足") })
  }

  @Test func englishPageUsesEnglishLabelsAndNames() throws {
    let html = try ReportFixture.report(ReportOptions(language: .en)).html()
    #expect(html.contains("<html lang=\"en\">"))
    for text in ["Shortfall list", "Children paired", "Sichuan", "Heishui", "— too few, n&lt;5", "Methods"] {
      #expect(html.contains(text), "missing \(text)")
    }
    #expect(!html.contains("四川省"))
    let zh = try ReportFixture.report().html()
    for text in ["短板清单", "结对覆盖率", "四川省", "方法说明", "状态热图"] {
      #expect(zh.contains(text), "missing \(text)")
    }
  }

  @Test func textFromTheKitIsEscaped() throws {
    var input = try ReportFixture.input()
    input.indicators[0].label = LocalizedPair(zh: "<b>结对</b> & \"覆盖\"", en: "x")
    let html = try GapReport(input: input).html()
    #expect(!html.contains("<b>结对"))
    #expect(html.contains("&lt;b&gt;结对&lt;/b&gt; &amp; &quot;覆盖&quot;"))
    #expect(XHTMLTables(html).error == nil)
  }

  @Test func aProvinceReportCoversOnlyThatProvince() throws {
    let html = try ReportFixture.report(ReportOptions(region: "510000")).html()
    #expect(XHTMLTables(html).error == nil)
    #expect(html.contains("阿坝藏族羌族自治州"))
    #expect(!html.contains("重庆市") && !html.contains("梁平区"))
  }

  @Test func sameInputGivesTheSamePage() throws {
    #expect(try ReportFixture.report().html() == ReportFixture.report().html())
  }
}
