import CSVStream
import Foundation
import SurveySchema
import Testing

@testable import SurveyIngest

/// Runs kit-mini's registers plus one export fixture (bytes as stored).
private func runWithRegisters(_ export: String) throws -> RunResult {
  let registers = try miniData().prefix(2).map { ($0.0, Array($0.1.utf8)) }
  let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: try fixture(export))))
  let name = String(export.split(separator: "/").last ?? "")
  return try ingest(try kit("kit-mini"), registers + [(name, bytes)])
}

/// The child answers of a run, by question name, row by row.
private func childAnswers(_ result: RunResult) throws -> [[String: Answer]] {
  let form = try #require(try kit("kit-mini").instrument(formID: "child"))
  return result.responses.filter { $0.form == "child" }.map { response in
    Dictionary(
      uniqueKeysWithValues: form.questions.enumerated().map { ($1.name, response.answers[$0]) })
  }
}

/// The answers of the four 问卷星 rows, worked out from the rows in wjx/README.md's files.
private let wjxExpected: [[String: Answer]] = [
  [
    "response_id": .value(.string("W1")), "child_id": .value(.string("C001")),
    "assent": .value(.string("yes")),
    "contact_freq": .value(.string("weekly")),
    "activities": .value(.choices(["homework", "book"])),
    "age": .value(.number(10)), "visit_date": .value(.string("2024-04-20")),
    "weekly": .value(.number(1)),
    "wish": .value(.string("想去动物园")),
  ],
  [
    "response_id": .value(.string("W2")), "child_id": .value(.string("C002")),
    "assent": .value(.string("yes")),
    "contact_freq": .value(.string("monthly")), "activities": .value(.choices(["festival"])),
    "age": .value(.number(9)), "visit_date": .value(.string("2024-04-03")),
    "weekly": .value(.number(0)),
    "wish": .blank,
  ],
  [
    "response_id": .value(.string("W3")), "child_id": .value(.string("C003")),
    "assent": .value(.string("no")),
    "contact_freq": .notAsked, "activities": .notAsked, "age": .notAsked, "visit_date": .notAsked,
    "weekly": .value(.number(0)), "wish": .notAsked,
  ],
  [
    "response_id": .value(.string("W4")), "child_id": .value(.string("C004")),
    "assent": .value(.string("yes")),
    "contact_freq": .value(.string("never")), "activities": .value(.choices(["none"])),
    "age": .value(.number(8)), "visit_date": .notAsked, "weekly": .value(.number(0)),
    "wish": .value(.string("要一个安静的地方")),
  ],
]

@Suite struct PlatformExportTests {
  @Test(arguments: [
    ("wjx/123456_123456_0.csv", TextEncoding.utf8BOM, ExportLayout.wjxText),
    ("wjx/123456_123456_0-gb18030.csv", .gb18030, .wjxText),
    ("wjx/123456_123456_2.csv", .utf8BOM, .wjxCode),
  ])
  func wjxDownloadsDecodeToTheSameAnswers(
    export: String, encoding: TextEncoding, layout: ExportLayout
  ) throws {
    let result = try runWithRegisters(export)
    let report = try #require(result.summary.files.last)
    #expect(report.form == "child")
    #expect(report.encoding == encoding)
    #expect(report.layout == layout)
    #expect((report.read, report.accepted, report.rejected) == (4, 4, 0))
    #expect(result.rejects.isEmpty, "\(result.problems)")
    #expect(try childAnswers(result) == wjxExpected)
    let responses = result.responses.filter { $0.form == "child" }
    #expect(
      responses.map(\.submittedAt) == [
        "2024-05-01T09:00:12", "2024-05-01T09:30:00", "2024-05-02T10:00:00", "2024-05-02T11:00:00",
      ])
    let kinds = report.columns.map { "\($0.kind) \($0.target) \($0.match)" }
    #expect(
      Array(kinds.prefix(9)) == [
        "platform-metadata response id metadata", "platform-metadata submission time metadata",
        "platform-metadata  metadata", "platform-metadata  metadata", "platform-metadata  metadata",
        "platform-metadata  metadata", "answer response_id label", "answer child_id label",
        "answer assent label",
      ])
    #expect(kinds.last == "answer wish order")
    if layout == .wjxCode {
      #expect(
        Array(kinds[10...13]) == [
          "option activities=homework order", "option activities=festival order",
          "option activities=book order", "option activities=none order",
        ])
    }
  }

  @Test func koboExportWithLabelHeadersAndAnHXLRow() throws {
    let result = try runWithRegisters("kobo/child_-_all_versions_-_English_en_-_2024-05-03.csv")
    let report = try #require(result.summary.files.last)
    #expect(report.layout == .kobo)
    #expect(report.delimiter == 0x3B)
    #expect(report.hasHXLRow)
    #expect((report.read, report.accepted, report.rejected) == (3, 3, 0))
    #expect(result.rejects.isEmpty, "\(result.problems)")
    let kinds = report.columns.map { "\($0.kind) \($0.target) \($0.match)" }
    #expect(
      kinds == [
        "ignored  none", "form-metadata end name", "answer response_id label",
        "answer child_id label",
        "answer assent label", "answer contact_freq label", "answer activities label",
        "option activities=homework label", "option activities=festival label",
        "option activities=book label",
        "option activities=none label", "answer age label", "answer visit_date label",
        "answer weekly name",
        "answer wish label", "platform-metadata  metadata",
        "platform-metadata response id metadata",
        "platform-metadata submission time metadata", "platform-metadata  metadata",
        "platform-metadata  metadata",
        "platform-metadata  metadata", "platform-metadata  metadata", "platform-metadata  metadata",
        "platform-metadata  metadata",
      ])
    let answers = try childAnswers(result)
    #expect(answers[0]["activities"] == .value(.choices(["homework", "book"])))
    #expect(answers[0]["contact_freq"] == .value(.string("weekly")))
    #expect(answers[0]["weekly"] == .value(.number(1)))
    #expect(answers[1]["contact_freq"] == .notAsked)
    #expect(answers[1]["activities"] == .notAsked)
    #expect(answers[1]["age"] == .blank)
    #expect(answers[2]["activities"] == .value(.choices(["none"])))
    #expect(answers[2]["wish"] == .value(.string("要一个\"安静\"的地方; 可以吗")))
    let responses = result.responses.filter { $0.form == "child" }
    #expect(
      responses.map(\.submittedAt) == [
        "2024-05-01T09:00:00.000+08:00", "2024-05-02T10:00:00.000+08:00",
        "2024-05-02T11:00:00.000+08:00",
      ])
    #expect(responses.map(\.responseID) == ["K1", "K3", "K4"])
  }
}
