import Foundation
import Testing
import SurveyReports
import SurveyScoring

/// A realistic report input: the fixture estimates plus the kit metadata,
/// headline and data-quality tallies a pipeline run would hand over.
enum ReportFixture {
  static func csvText() throws -> String {
    let url = try #require(Bundle.module.url(forResource: "estimates", withExtension: "csv", subdirectory: "Fixtures"))
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// The fixture rows, parsed by a splitter of our own (the file has no quoted fields).
  static func estimates() throws -> [Estimate] {
    let lines = try csvText().split(separator: "\n").dropFirst()
    return try lines.map { line in
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      try #require(f.count == 15)
      func d(_ i: Int) -> Double? { f[i].isEmpty ? nil : Double(f[i]) }
      return Estimate(
        indicator: f[0], regionCode: f[1], regionName: f[2], level: f[3], group: f[4],
        n: try #require(Int(f[5])), estimate: d(6), se: d(7), ciLow: d(8), ciHigh: d(9), df: d(10),
        target: d(11), status: try #require(ShortfallStatus(rawValue: f[12])), pValue: d(13),
        qValue: d(14))
    }
  }

  static let indicators: [ReportIndicator] = [
    ReportIndicator(
      name: "paired", label: LocalizedPair(zh: "结对覆盖率", en: "Children paired"), area: .coverage,
      kind: .proportion, description: LocalizedPair(zh: "登记儿童中已与至少一名爱心妈妈结对的比例", en: "Share of registered children paired with at least one volunteer"),
      expression: "${paired} = 'yes'"),
    ReportIndicator(
      name: "weekly_contact", label: LocalizedPair(zh: "每周联系儿童", en: "Weekly contact with the child"),
      area: .routine, kind: .proportion,
      description: LocalizedPair(zh: "儿童报告爱心妈妈每周至少联系一次", en: "The child reports contact at least weekly"),
      expression: "${contact_freq} = 'weekly'", population: "${paired} = 'yes'"),
    ReportIndicator(
      name: "needs_met", label: LocalizedPair(zh: "需求得到回应", en: "Needs answered"), area: .needs,
      kind: .proportion, description: LocalizedPair(zh: "有需求的儿童中需求得到回应的比例", en: "Children with a need whose need was answered"),
      expression: "${need_answered} = 'yes'", population: "count-selected(${needs}) > 0"),
    ReportIndicator(
      name: "wellbeing", label: LocalizedPair(zh: "儿童幸福感均分（1–5）", en: "Child well-being score (1–5)"),
      area: .outcome, kind: .mean, description: LocalizedPair(zh: "儿童幸福感量表的均分", en: "Mean of the child well-being scale"),
      expression: "${wellbeing_scale}"),
    ReportIndicator(
      name: "lonely", label: LocalizedPair(zh: "经常感到孤独", en: "Often feels lonely"), area: .outcome,
      kind: .proportion, direction: .lower,
      description: LocalizedPair(zh: "儿童报告经常或总是感到孤独", en: "The child often or always feels lonely"),
      expression: "${lonely} >= 4"),
    ReportIndicator(
      name: "agree_contact", label: LocalizedPair(zh: "儿童与监护人说法一致", en: "Child and guardian agree on contact"),
      area: .consistency, kind: .proportion,
      description: LocalizedPair(zh: "儿童与监护人对联系频率的回答一致", en: "Child and guardian give the same contact frequency"),
      expression: "${child.contact_freq} = ${guardian.contact_freq}"),
    ReportIndicator(
      name: "trained", label: LocalizedPair(zh: "志愿者接受培训", en: "Volunteers trained"), area: .capacity,
      unit: .volunteer, kind: .proportion,
      description: LocalizedPair(zh: "一年内参加过至少一次培训的爱心妈妈", en: "Volunteers trained at least once in the past year"),
      expression: "${trainings} >= 1"),
  ]

  static let regions: [ReportRegion] = [
    ReportRegion(code: "510000", name: LocalizedPair(zh: "四川省", en: "Sichuan"), level: "province"),
    ReportRegion(code: "510100", name: LocalizedPair(zh: "成都市", en: "Chengdu"), level: "city", parent: "510000"),
    ReportRegion(code: "510104", name: LocalizedPair(zh: "锦江区", en: "Jinjiang"), level: "county", parent: "510100"),
    ReportRegion(code: "510112", name: LocalizedPair(zh: "龙泉驿区", en: "Longquanyi"), level: "county", parent: "510100"),
    ReportRegion(code: "513200", name: LocalizedPair(zh: "阿坝藏族羌族自治州", en: "Aba Prefecture"), level: "city", parent: "510000"),
    ReportRegion(code: "513221", name: LocalizedPair(zh: "汶川县", en: "Wenchuan"), level: "county", parent: "513200"),
    ReportRegion(code: "513228", name: LocalizedPair(zh: "黑水县", en: "Heishui"), level: "county", parent: "513200"),
    ReportRegion(code: "500000", name: LocalizedPair(zh: "重庆市", en: "Chongqing"), level: "province"),
    ReportRegion(code: "500100", name: LocalizedPair(zh: "重庆市辖区", en: "Chongqing districts"), level: "city", parent: "500000"),
    ReportRegion(code: "500155", name: LocalizedPair(zh: "梁平区", en: "Liangping"), level: "county", parent: "500100"),
    ReportRegion(code: "500118", name: LocalizedPair(zh: "永川区", en: "Yongchuan"), level: "county", parent: "500100"),
  ]

  static let groupLabels: [String: LocalizedPair] = [
    "category": LocalizedPair(zh: "儿童类别", en: "Child category"),
    "category=orphan": LocalizedPair(zh: "孤儿", en: "Orphan"),
    "category=de_facto_unsupported": LocalizedPair(zh: "事实无人抚养儿童", en: "De-facto unsupported"),
    "category=left_behind": LocalizedPair(zh: "留守儿童", en: "Left-behind"),
  ]

  static func input(_ options: ReportOptions = ReportOptions()) throws -> ReportInput {
    ReportInput(
      title: nil, indicators: indicators, regions: regions, estimates: try estimates(),
      groupLabels: groupLabels,
      headline: ReportHeadline(
        childrenInRegister: 245, childrenPaired: 228, volunteersInRegister: 96,
        instruments: [
          ReportInstrumentCount(instrument: "child", label: LocalizedPair(zh: "儿童问卷", en: "Child questionnaire"), expected: 228, received: 201),
          ReportInstrumentCount(instrument: "guardian", label: LocalizedPair(zh: "监护人问卷", en: "Guardian questionnaire"), expected: 228, received: 171),
          ReportInstrumentCount(instrument: "teacher", label: LocalizedPair(zh: "班主任问卷", en: "Head-teacher questionnaire"), expected: 228, received: 190),
        ]),
      quality: ReportQuality(
        files: [
          ReportFileQuality(file: "child.csv", instrument: "child", layout: "kobo", encoding: "UTF-8", read: 209, accepted: 201, rejected: 8),
          ReportFileQuality(file: "guardian.csv", instrument: "guardian", layout: "wjx", encoding: "GB18030", read: 175, accepted: 171, rejected: 4),
        ],
        rejectsByRule: [
          ReportRejectCount(rule: "not_in_register", file: "child.csv", count: 5, example: "child.csv:14:2: error: child id 'C0917' is not in the register"),
          ReportRejectCount(rule: "constraint", file: "child.csv", count: 3, example: "child.csv:40:7: error: value '9' in column 'lonely' breaks the constraint . <= 5 & <x>"),
          ReportRejectCount(rule: "duplicate", file: "guardian.csv", count: 4, example: "guardian.csv:88:1: error: a second response for child 'C0311'"),
        ],
        responseRates: [
          ReportResponseRate(instrument: "child", regionCode: "510104", expected: 60, received: 52),
          ReportResponseRate(instrument: "child", regionCode: "513228", expected: 9, received: 3),
          ReportResponseRate(instrument: "child", regionCode: "500118", expected: 41, received: 36),
        ]),
      methods: ReportMethods(design: .noDesign, kitName: "aixin", kitVersion: "2024.1"),
      options: options)
  }

  static func report(_ options: ReportOptions = ReportOptions()) throws -> GapReport {
    try GapReport(input: try input(options))
  }
}

extension GapReport {
  /// The estimates.csv bytes as text, written through `writeEstimatesCSV(to:)`.
  func estimatesCSVText(byteOrderMark: Bool = false, crlf: Bool = false) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("careeval-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    try writeEstimatesCSV(to: url.path, byteOrderMark: byteOrderMark, crlf: crlf)
    return String(decoding: try Data(contentsOf: url), as: UTF8.self)
  }
}
