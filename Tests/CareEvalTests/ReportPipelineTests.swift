import CSVStream
import CareEval
import Foundation
import SurveyIngest
import SurveyReports
import SurveySchema
import SurveyScoring
import Testing

/// `careeval report` end to end on a small demo data set (600 children in 重庆, the
/// shipped kit, broken down by child category): the HTML is well-formed XML with no
/// external URL, every shortfall of estimates.csv is in the report, and the same
/// data gives the same bytes.
@Suite struct ReportPipelineTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let kitPath = root.appendingPathComponent("surveys/aixin").path

  /// The demo data, generated once for the suite.
  static let data: Result<String, DemoError> = {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("careeval-report-pipeline-\(UUID().uuidString)").path
    do {
      _ = try DemoGenerator.run(
        DemoOptions(
          kitPath: kitPath, outputDirectory: folder, children: 600, seed: 7, regions: ["500000"],
          showProgress: false))
      return .success(folder)
    } catch {
      return .failure(error as? DemoError ?? DemoError("\(error)"))
    }
  }()

  /// Region names as the report shows them, read off regions.csv by hand: the
  /// kit's name in the language (Chinese when it has none), and the two
  /// city-level rows GB/T 2260 names only 市辖区 and 县 qualified by their province.
  static func regionName(_ code: String, kit: Kit, language: ReportLanguage) -> String? {
    if language == .en, let english = kit.regions.node(code)?.names["en"] { return english }
    switch code {
    case "500100": return "重庆市辖区"
    case "500200": return "重庆市辖县"
    default: return kit.regions.node(code)?.names["zh"]
    }
  }

  static func request(_ language: ReportLanguage, into out: String, data: String) -> ReportRequest {
    ReportRequest(
      kitPath: kitPath, data: DataSet([data]), outputDirectory: out,
      report: ReportOptions(language: language),
      evaluation: EvaluationOptions(
        ingest: IngestOptions(today: "2026-06-30"),
        scoring: ScoringOptions(by: "category", language: language.rawValue, today: "2026-06-30")))
  }

  static func temporaryFolder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "careeval-report-\(UUID().uuidString)"
    ).path
  }

  /// estimates.csv as read back by CSVStream.
  static func estimates(in folder: String) throws -> [[String: String]] {
    try records(folder + "/estimates.csv")
  }

  /// The data rows of a CSV file, keyed by header.
  static func records(_ path: String) throws -> [[String: String]] {
    let reader = try CSVReader(path: path)
    let header = reader.header ?? []
    var rows: [[String: String]] = []
    try reader.forEachRecord { record in
      rows.append(Dictionary(zip(header, record.fields), uniquingKeysWith: { first, _ in first }))
    }
    return rows
  }

  @Test(arguments: ReportLanguage.allCases)
  func everyShortfallOfEstimatesCSVIsInTheReport(language: ReportLanguage) throws {
    let data = try Self.data.get()
    let out = Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: out) }
    let outcome = try ReportRun.run(Self.request(language, into: out, data: data))
    #expect(!outcome.hasDataProblems)
    #expect(
      outcome.paths.map { URL(fileURLWithPath: $0).lastPathComponent }
        == ["report.html", "report.md", "report.json", "estimates.csv", "report.xlsx"])

    let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
    let page = ReportPageParser(html)
    #expect(page.error == nil, "report.html is not well-formed: \(String(describing: page.error))")
    for forbidden in ["http://", "https://", "<script", "src=", "url(", "@import"] {
      #expect(!html.contains(forbidden), "report.html contains \(forbidden)")
    }
    for (name, value) in page.attributes where name == "href" {
      #expect(value.hasPrefix("#"), "link out of the page: \(value)")
    }

    let kit = Kit.load(from: Self.kitPath).kit
    let code = language.rawValue
    let labels = Dictionary(
      uniqueKeysWithValues: kit.indicators.map { ($0.name, $0.labels[code] ?? $0.name) })
    let kinds = Dictionary(uniqueKeysWithValues: kit.indicators.map { ($0.name, $0.kind) })
    let categories = try #require(kit.roster?.choiceList(named: "category"))
    // Region rows, then breakdown-group rows: two tables, each with its header row.
    let rankHeader = language == .zh ? "排名" : "Rank"
    let rows = try #require(page.rows["shortfalls"]).filter { $0.first != rankHeader }
    let expected = try Self.estimates(in: out).filter {
      $0["status"] == "shortfall" || $0["status"] == "possible_shortfall"
    }
    #expect(expected.count > 10, "the demo data should show shortfalls")
    // More than 50 region shortfalls: the rest wait in a collapsed block, still in the page.
    #expect(expected.filter { $0["group"] == "" }.count > 50)
    #expect(html.contains("<details class=\"more\"><summary>"))
    #expect(rows.count == expected.count)
    for row in expected {
      let indicator = try #require(row["indicator"])
      let wholeSet = language == .zh ? "全部数据" : "Whole data set"
      let region = try #require(row["region_code"])
      var place = try #require(
        region == "all" ? wholeSet : Self.regionName(region, kit: kit, language: language))
      if let group = row["group"], !group.isEmpty {
        let choice = try #require(
          categories.choice(named: String(group.dropFirst("category=".count))))
        place += " · " + (choice.labels[code] ?? choice.name)
      }
      let estimate = try #require(Double(row["estimate"] ?? ""))
      let shown = kinds[indicator] == .mean ? estimate : estimate * 100
      let halfStep = kinds[indicator] == .mean ? 0.005 : 0.05
      let listed = rows.contains { cells in
        guard cells.count > 5, cells[1] == labels[indicator], cells[2] == place else {
          return false
        }
        let number = Double(cells[5].replacingOccurrences(of: "%", with: "")) ?? .nan
        return abs(number - shown) <= halfStep + 1e-9
      }
      #expect(
        listed, "\(indicator) in \(place) (\(row["status"] ?? "")) is not in the shortfall list")
    }
  }

  @Test func sameDataGivesByteIdenticalFiles() throws {
    let data = try Self.data.get()
    let first = Self.temporaryFolder()
    let second = Self.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(atPath: first)
      try? FileManager.default.removeItem(atPath: second)
    }
    _ = try ReportRun.run(Self.request(.zh, into: first, data: data))
    _ = try ReportRun.run(Self.request(.zh, into: second, data: data))
    for output in ReportOutput.allCases {
      let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + output.fileName))
      let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + output.fileName))
      #expect(a == b, "\(output.fileName) differs between two runs")
      #expect(!a.isEmpty)
    }
  }

  @Test func headlineCountsTheRegisterAndQuestionnaires() throws {
    let data = try Self.data.get()
    let out = Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: out) }
    let outcome = try ReportRun.run(Self.request(.en, into: out, data: data))
    let headline = outcome.report.headline
    // Count the register by hand: data rows of roster.csv, and those with paired = yes.
    let roster = try Self.records(data + "/roster.csv")
    #expect(headline.childrenInRegister == roster.count)
    #expect(headline.childrenPaired == roster.filter { $0["paired"] == "yes" }.count)
    #expect(headline.instruments.map(\.instrument) == ["child", "guardian", "teacher"])
    for line in headline.instruments {
      let received = try Self.records(data + "/\(line.instrument).csv").count
      #expect(line.received == received && line.expected == roster.count)
    }
    #expect(outcome.report.methods.designMode == "no_design")
    #expect(outcome.report.scope.rootCode == "all")
  }

  @Test func aProvinceGetsItsOwnReportAndAnUnknownRegionIsAUsageError() throws {
    let data = try Self.data.get()
    let out = Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: out) }
    var request = Self.request(.zh, into: out, data: data)
    request.report.region = "500000"
    request.formats = [.md]
    let outcome = try ReportRun.run(request)
    #expect(outcome.report.scope.rootName == "重庆市")
    #expect(outcome.paths == [out + "/report.md"])
    request.report.region = "990000"
    #expect {
      try ReportRun.run(request)
    } throws: { error in
      (error as? EvaluationError)?.isUsage == true
        && (error as? EvaluationError)?.description.contains("region '990000'") == true
    }
  }
}
