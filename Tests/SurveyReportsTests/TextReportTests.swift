import Foundation
import SurveyReports
import SurveyScoring
import Testing

@Suite struct MarkdownReportTests {
  @Test func everyShortfallIsARowOfTheShortfallTable() throws {
    let markdown = try ReportFixture.report().markdown()
    let list = try #require(markdown.components(separatedBy: "## 短板清单").last?.components(separatedBy: "\n## ").first)
    let rows = list.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| ---") }.dropFirst()
    let expected = try ReportFixture.estimates().filter { $0.status == .shortfall || $0.status == .possibleShortfall }
    #expect(rows.count == expected.count)
    let labels = Dictionary(uniqueKeysWithValues: ReportFixture.indicators.map { ($0.name, $0.label.zh) })
    for estimate in expected {
      let region = estimate.regionCode == "all" ? "全部数据" : estimate.regionName
      let place = estimate.group.isEmpty ? region : region + " · " + (ReportFixture.groupLabels[estimate.group]?.zh ?? "")
      let value = try #require(estimate.estimate)
      let shown = estimate.indicator == "wellbeing" ? String(format: "%.2f", value) : String(format: "%.1f%%", value * 100)
      let label = try #require(labels[estimate.indicator])
      #expect(rows.contains { $0.contains("| \(label) | \(place) |") && $0.contains("| \(shown) |") }, "missing \(label) \(place)")
    }
  }

  @Test func suppressedCellsReadAsSuppressed() throws {
    let markdown = try ReportFixture.report().markdown()
    let heishui = try #require(markdown.components(separatedBy: "##### 黑水县").last?.components(separatedBy: "\n#").first)
    let rows = heishui.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| ---") }.dropFirst(1)
    #expect(rows.count == 7)
    for row in rows {
      // Columns: indicator, n, estimate, interval, target, gap, status, q ("<" is escaped).
      let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      #expect(cells[2] == "— 样本不足 n\\<5" && cells[3].isEmpty && cells[6] == "— 样本不足")
    }
  }

  @Test func markdownSpecialCharactersAreEscaped() throws {
    var input = try ReportFixture.input(ReportOptions(language: .en))
    input.indicators[0].label = LocalizedPair(zh: "", en: "a|b *c*")
    let markdown = try GapReport(input: input).markdown()
    #expect(markdown.contains("a\\|b \\*c\\*"))
    #expect(markdown.contains("## Shortfall list"))
  }
}

@Suite struct JSONReportTests {
  @Test(arguments: ReportLanguage.allCases)
  func jsonReadsBackAsTheSameReport(language: ReportLanguage) throws {
    let report = try ReportFixture.report(ReportOptions(language: language))
    let data = try report.json()
    #expect(try GapReport(json: data) == report)
    #expect(try report.json() == data)
  }

  @Test func jsonHasSortedSnakeCaseKeysAndEveryShortfall() throws {
    let report = try ReportFixture.report()
    let object = try #require(JSONSerialization.jsonObject(with: report.json()) as? [String: Any])
    #expect(object.keys.sorted() == [
      "areas", "breakdowns", "drill_down", "estimates", "format", "headline", "indicators", "language",
      "league_tables", "methods", "quality", "scope", "shortfalls", "subtitle", "title", "version",
    ])
    #expect(object["format"] as? String == "careeval-gap-report")
    let text = try #require(String(data: report.json(), encoding: .utf8))
    #expect(text.hasPrefix("{\n  \"areas\" : ["))
    let shortfalls = try #require(object["shortfalls"] as? [[String: Any]])
    let listed = Set(shortfalls.compactMap { entry -> String? in
      guard let cell = entry["cell"] as? [String: Any] else { return nil }
      return "\(cell["indicator"] ?? "")|\(cell["region_code"] ?? "")|\(cell["group"] ?? "")"
    })
    let expected = try ReportFixture.estimates().filter { $0.status == .shortfall || $0.status == .possibleShortfall }
    #expect(listed == Set(expected.map { "\($0.indicator)|\($0.regionCode)|\($0.group)" }))
  }

  @Test func suppressedCellsHaveNoEstimateInJSON() throws {
    let object = try #require(JSONSerialization.jsonObject(with: ReportFixture.report().json()) as? [String: Any])
    let drill = try #require(object["drill_down"] as? [[String: Any]])
    let sichuan = try #require(drill.last)
    let aba = try #require((sichuan["children"] as? [[String: Any]])?.last)
    let heishui = try #require((aba["children"] as? [[String: Any]])?.last)
    #expect(heishui["region_name"] as? String == "黑水县")
    let cells = try #require(heishui["cells"] as? [[String: Any]])
    #expect(cells.count == 7)
    for cell in cells {
      #expect(cell["status"] as? String == "suppressed")
      #expect(cell["estimate"] == nil && cell["ci_low"] == nil)
    }
  }
}

@Suite struct EstimatesCSVTests {
  @Test func headerIsExactlyTheContractColumns() throws {
    let csv = try ReportFixture.report().estimatesCSVText()
    #expect(csv.hasPrefix("indicator,region_code,region_name,level,group,n,estimate,se,ci_low,ci_high,df,target,status,p_value,q_value\n"))
  }

  @Test func fixtureRowsAreWrittenBackByteForByte() throws {
    // The fixture was written by Python's csv module with repr() floats (shortest
    // round-trip), blanks for NA and nothing but n, target and status on suppressed rows.
    #expect(try ReportFixture.report().estimatesCSVText() == ReportFixture.csvText())
  }

  @Test func suppressedRowsLoseTheirNumbersAndFieldsAreQuoted() throws {
    let row = Estimate(
      indicator: "x", regionCode: "1", regionName: "甲,\"乙\"", level: "county", group: "g=a\nb", n: 3,
      estimate: 0.5, se: 0.1, ciLow: 0.2, ciHigh: 0.8, df: 2, target: 0.8, status: .suppressed,
      pValue: 0.3, qValue: 0.4)
    var input = GapReportModelTests.input([row])
    input.regions = [ReportRegion(code: "1", name: LocalizedPair(zh: "甲", en: "A"), level: "county")]
    let csv = try GapReport(input: input).estimatesCSVText(byteOrderMark: true, crlf: true)
    #expect(csv.hasPrefix("\u{FEFF}indicator,"))
    #expect(csv.hasSuffix("\r\nx,1,\"甲,\"\"乙\"\"\",county,\"g=a\nb\",3,,,,,,0.8,suppressed,,\r\n"))
  }
}
