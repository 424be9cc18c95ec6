import CSVStream
import Foundation
import SurveySchema
import Testing

@testable import SurveyIngest

/// The shipped kit, found from this file's place in the repository.
private let aixinKit = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("surveys/aixin").path

/// The rule that must name each kind of error the demo generator injects (its
/// errors.csv is the generator's own record, independent of the ingest).
private let ruleForKind: [String: Set<String>] = [
  "bad_code": ["choice"], "blank_required": ["required"], "broken_quoting": ["broken-row"],
  "duplicate": ["duplicate-id", "duplicate-subject"], "unknown_child": ["unlinked"],
]

/// Data made by `careeval demo --children 60 --seed 11 --errors 0.15 --layout wjx|kobo`
/// against surveys/aixin (Fixtures/aixin-demo-*), checked against the shipped kit.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: aixinKit + "/child/survey.csv")))
struct AixinKitTests {
  @Test(arguments: [("aixin-demo-wjx", ExportLayout.wjxText), ("aixin-demo-kobo", .kobo)])
  func everyInjectedErrorIsRejectedUnderItsRule(folder: String, layout: ExportLayout) throws {
    let loaded = KitLint.lint(aixinKit)
    #expect(!loaded.hasErrors, "\(loaded.diagnostics.filter { $0.severity == .error })")
    let data = try fixture(folder)
    let out = try temporaryFolder() + "/rejects.csv"
    let ingestion = Ingestion(kit: loaded.kit, options: IngestOptions(today: "2026-06-01", rejectsPath: out))
    let match = try ingestion.dataFiles(for: [data])
    #expect(match.files.map(\.form).sorted() == ["child", "guardian", "roster", "teacher", "volunteer"])
    var sink = DiscardingSink()
    let summary = try ingestion.run(match.files.filter { !$0.path.hasSuffix("errors.csv") }, into: &sink)
    for file in summary.files {
      #expect(file.read == file.accepted + file.rejected)
      if ["child", "guardian", "teacher"].contains(file.form) { #expect(file.layout == layout) }
    }
    var rules: [String: Set<String>] = [:]  // "file:row" -> rules
    let reader = try CSVReader(path: out)
    while let record = try reader.next() {
      let name = record.fields[0].split(separator: "/").last.map(String.init) ?? ""
      rules["\(name):\(record.fields[2])", default: []].insert(record.fields[4])
    }
    let errors = try CSVReader(path: data + "/errors.csv")
    var injected: Set<String> = []
    while let error = try errors.next() {
      let (file, row, kind) = (error.fields[0], error.fields[1], error.fields[3])
      // A changed id in the volunteer register is valid there; it shows as warnings in the child register.
      if file == "volunteer.csv" && kind == "unknown_child" { continue }
      injected.insert("\(file):\(row)")
      let found = rules["\(file):\(row)"] ?? []
      let expected = try #require(ruleForKind[kind], "kind \(kind)")
      // A questionnaire about a child whose register row was rejected is unlinked first.
      #expect(!found.isDisjoint(with: expected) || found.contains("unlinked"), "\(file):\(row) \(kind): \(found)")
    }
    for (place, found) in rules where !injected.contains(place) {
      #expect(found.isSubset(of: ["unknown-volunteer", "not-relevant", "unlinked"]), "\(place): \(found)")
    }
  }
}
