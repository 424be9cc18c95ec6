import Foundation
import SurveySchema
import Testing

@testable import SurveyIngest

@Suite struct DataSetTests {
  @Test func filesMatchFormsByNameOrByTheirColumns() throws {
    let folder = try temporaryFolder()
    let data = try miniData()
    let files = [
      ("roster.csv", data[1].1), ("child-county1.csv", data[2].1), ("Child_2024.csv", data[2].1),
      ("export_998877_0.csv", data[0].1), ("notes.csv", "a,b\n1,2\n"), ("readme.md", "#"),
    ]
    for (name, text) in files {
      try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }
    let match = try Ingestion(kit: try kit("kit-mini")).dataFiles(for: [folder])
    #expect(
      match.files.map { "\($0.path.split(separator: "/").last ?? "")=\($0.form)" } == [
        "Child_2024.csv=child", "child-county1.csv=child", "export_998877_0.csv=volunteer",
        "roster.csv=roster",
      ])
    #expect(match.skipped.map(\.message) == ["skipped: the file matches no form of the kit"])
    #expect(throws: IngestError.self) {
      try Ingestion(kit: try kit("kit-mini")).dataFiles(for: [folder + "/notes.csv"])
    }
    #expect(throws: IngestError.self) {
      try Ingestion(kit: try kit("kit-mini")).dataFiles(for: [folder + "/missing.csv"])
    }
  }

  @Test func theSameChildInTwoFilesOfOneFormPointsAtTheOtherFile() throws {
    var data = try miniData()
    let second =
      "response_id,child_id,assent,contact_freq,activities,age,visit_date,wish,end\nR9,C002,yes,weekly,,9,,,2024-05-09T09:00:00+08:00\n"
    data.append(("child-late.csv", second))
    let result = try ingestMini(data)
    #expect(
      result.problems == [
        "duplicate-subject: child 'C002' has another 'child' response in row 2 of \(result.folder)/child-late.csv (submitted later, 2024-05-09T09:00:00+08:00); that row is kept and this one (submitted 2024-05-01T09:30:00+08:00) is a duplicate"
      ])
    #expect(result.rejects[0][0] == result.folder + "/child.csv")
    #expect(result.rejects[0][2] == "3")
    let first = try #require(result.file("child.csv"))
    #expect((first.read, first.accepted, first.rejected) == (4, 3, 1))
  }

  @Test func qualityJSONIsStableAndComplete() throws {
    var data = try miniData()
    data[2].1 += "R5,C099,yes,daily,,ten,,,2024-05-03T09:00:00+08:00\n"
    let one = try ingestMini(data)
    let two = try ingestMini(data)
    let first = one.summary.qualityJSON().replacingOccurrences(of: one.folder, with: "<dir>")
    let second = two.summary.qualityJSON().replacingOccurrences(of: two.folder, with: "<dir>")
    #expect(first == second)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
    let totals = try #require(object["totals"] as? [String: Any])
    #expect(totals["read"] as? Int == 13)
    #expect(totals["accepted"] as? Int == 12)
    #expect(totals["rejected"] as? Int == 1)
    #expect(
      object["problems_by_rule"] as? [String: Int] == ["unlinked": 1, "type": 1, "choice": 1])
    #expect(object["rejected_rows_by_region"] as? [String: Int] == ["unknown": 1])
    let keys = first.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
      $0.split(separator: ":")[0]
    }
    #expect(
      keys == [
        "  \"totals\"", "  \"files\"", "  \"problems_by_rule\"", "  \"problems_by_column\"",
        "  \"problems_by_region\"", "  \"rejected_rows_by_region\"", "  \"response_rates\"",
        "  \"notes\"",
      ])
  }

  @Test func summaryTableStatesTheInvariantAndLocatesProblems() throws {
    var data = try miniData()
    data[2].1 += "R5,C005,yes,weekly,,ten,,,2024-05-03T09:00:00+08:00\n"
    let result = try ingestMini(data)
    let table = result.summary.table()
    #expect(table.contains("read 13 = accepted 12 + rejected 1 (7.7% rejected)\n"))
    #expect(
      table.contains(
        "    type: 1\n      \(result.folder)/child.csv:6:6: error: value 'ten' in column 'age' is not a whole number ('age' is an integer question) [type]\n"
      ))
    #expect(table.contains("  child: 4 of 5 (80.0%), 1 without a response\n"))
  }

  @Test func informantFilesWithoutARegisterAreNotLinkedAndSaySo() throws {
    let data = try miniData()
    let result = try ingestMini([data[2]])
    #expect(result.file("child.csv")?.accepted == 4)
    #expect(result.summary.responseRates.isEmpty)
    #expect(
      result.summary.notes.map(\.message) == [
        "no child register file was given, so responses were not linked to registered children and no response rates were computed"
      ])
  }
}
