import CSVStream
import Foundation
import SurveyIngest
import SurveySchema
import Testing

@testable import CareEval

/// The demo files through the real ingestion (what `careeval validate` runs): every
/// layout and encoding reads back to the same responses, and every injected error is
/// found with the rule errors.csv says.
@Suite struct DemoIngestTests {
  /// Keeps every accepted response: form -> subject -> answers.
  struct CollectingSink: ResponseSink {
    var responses: [String: [String: [Answer]]] = [:]
    mutating func accept(_ response: Response, of instrument: Instrument) {
      responses[response.form, default: [:]][response.subject ?? ""] = response.answers
    }
  }

  static func ingest(_ folder: String, rejects: String? = nil) throws -> (
    CollectingSink, IngestSummary
  ) {
    let ingestion = Ingestion(
      kit: DemoTestSupport.kit, options: IngestOptions(today: "2026-05-15", rejectsPath: rejects))
    let files = try ingestion.dataFiles(for: DemoGeneratorTests.dataFiles.map { folder + "/" + $0 })
      .files
    var sink = CollectingSink()
    let summary = try ingestion.run(files, into: &sink)
    return (sink, summary)
  }

  /// The plain files of the same population, read once for every case.
  static let plain: Result<(CollectingSink, IngestSummary), any Error> = Result {
    let (folder, _) = try DemoTestSupport.generate("plain", children: 250, regions: ["640100"])
    defer { DemoTestSupport.remove(folder) }
    return try ingest(folder)
  }

  @Test(arguments: [
    (DemoLayout.kobo, TextEncoding?.none), (.odk, nil), (.wjx, nil), (.wjx, .gb18030),
    (.plain, .utf8BOM),
    (.kobo, .gb18030),
  ])
  func everyLayoutAndEncodingReadsBackToTheSameResponses(
    layout: DemoLayout, encoding: TextEncoding?
  ) throws {
    let other = try DemoTestSupport.generate("\(layout)", children: 250, regions: ["640100"]) {
      options in
      options.layout = layout
      options.encoding = encoding
    }
    defer { DemoTestSupport.remove(other.folder) }
    let (expected, expectedSummary) = try Self.plain.get()
    let (got, summary) = try Self.ingest(other.folder)
    #expect(expectedSummary.files.allSatisfy { $0.rejected == 0 })
    #expect(
      summary.files.allSatisfy { $0.rejected == 0 },
      "\(summary.files.map { ($0.path, $0.rejected) })")
    let kit = DemoTestSupport.kit
    for (form, bySubject) in expected.responses {
      let instrument = try #require(kit.instrument(formID: form))
      // Paper numbers exist only in the plain layout; 问卷星 has no calculated columns.
      let compared = instrument.questions.indices.filter { slot in
        let question = instrument.questions[slot]
        return question.name != instrument.responseIDField && question.type != .calculate
      }
      let other = got.responses[form] ?? [:]
      #expect(Set(other.keys) == Set(bySubject.keys), "\(form): different subjects")
      for (subject, answers) in bySubject {
        guard let theirs = other[subject] else { continue }
        for slot in compared where answers[slot] != theirs[slot] {
          Issue.record(
            "\(layout) \(form) \(subject) \(instrument.questions[slot].name): \(answers[slot]) vs \(theirs[slot])"
          )
        }
      }
    }
  }

  @Test(arguments: [DemoLayout.plain, .kobo, .wjx])
  func validateFindsEveryInjectedErrorWithItsRule(layout: DemoLayout) throws {
    let (folder, summary) = try DemoTestSupport.generate(
      "errors", children: 400, regions: ["640100"]
    ) { options in
      options.layout = layout
      options.errorRate = 0.04
    }
    defer { DemoTestSupport.remove(folder) }
    let rejectsPath = folder + "/rejects.csv"
    _ = try Self.ingest(folder, rejects: rejectsPath)
    let errors = try DemoGeneratorTests.table(folder + "/errors.csv")
    #expect(errors.count == summary.injectedErrors && errors.count > 20)
    var rules: [String: Set<String>] = [:]
    for row in try DemoGeneratorTests.table(rejectsPath) {
      let file = URL(fileURLWithPath: row["file"] ?? "").lastPathComponent
      rules["\(file):\(row["record"] ?? "")", default: []].insert(row["rule"] ?? "")
    }
    let expected: [String: Set<String>] = [
      "bad_code": ["choice"], "blank_required": ["required"],
      "duplicate": ["duplicate-id", "duplicate-subject"],
      "unknown_child": ["unlinked"], "broken_quoting": ["broken-row", "field-count"],
    ]
    var kinds = Set<String>()
    for error in errors {
      let key = "\(error["file"] ?? ""):\(error["row"] ?? "")"
      let found = rules[key] ?? []
      let kind = error["kind"] ?? ""
      kinds.insert(kind)
      // A row about a child whose own register row was rejected is reported as unlinked.
      let ok = !found.isDisjoint(with: expected[kind] ?? []) || found.contains("unlinked")
      #expect(ok, "\(key) \(kind): validate found \(found.sorted())")
    }
    #expect(kinds == Set(expected.keys))
    // Rows validate rejects that errors.csv does not list are consequences of listed ones:
    // questionnaires of a rejected register row, register rows naming a rejected volunteer.
    let listed = Set(errors.map { "\($0["file"] ?? ""):\($0["row"] ?? "")" })
    for (key, found) in rules where !listed.contains(key) {
      #expect(found.isSubset(of: ["unlinked", "unknown-volunteer"]), "\(key): \(found.sorted())")
    }
  }
}
