import Foundation
import SurveySchema
import Testing

@testable import SurveyIngest

/// Keeps only a text form of each response, so the ingest may write the next row
/// over the same answers array (its fast path); `CollectingSink` keeps the arrays.
private struct TextSink: ResponseSink {
  var lines: [String] = []

  mutating func accept(_ response: Response, of instrument: Instrument) {
    lines.append(line(response, instrument))
  }
}

/// `C1 met=1 q1=3 …` for the questions the tests look at.
private func line(_ response: Response, _ instrument: Instrument) -> String {
  let names = ["met", "q1", "q2", "q3", "high"]
  let cells = names.map { name -> String in
    guard let slot = instrument.index(ofQuestion: name) else { return "\(name)=?" }
    switch response.answers[slot] {
    case .notAsked: return "\(name)=not-asked"
    case .blank: return "\(name)=blank"
    case .value(.number(let x)): return "\(name)=\(x == x.rounded() ? String(Int(x)) : String(x))"
    case .value(let value): return "\(name)=\(value.stringValue)"
    }
  }
  return ([response.subject ?? "-"] + cells).joined(separator: " ")
}

/// Runs kit-codes over one child file with `sink`.
private func run(_ text: String, into sink: inout some ResponseSink) throws -> IngestSummary {
  let folder = try temporaryFolder()
  let path = folder + "/child.csv"
  try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  let ingestion = Ingestion(
    kit: try kit("kit-codes"),
    options: IngestOptions(today: "2024-06-01", rejectsPath: folder + "/rejects.csv"))
  return try ingestion.run([DataFile(path: path, form: "child")], into: &sink)
}

/// Rows whose coded answers repeat, change, turn blank, are overwritten by the
/// rules (not asked) and are read by label, with rejected rows in between.
private let codedRows = """
  response_id,child_id,region,weight,met,q1,q2,q3,submitted
  R1,C1,500101,1.5,1,3,3,5,2024-05-01 09:00:00
  R2,C2,500101,2,1,3,4,5,2024-05-01 10:00:00
  R3,C3,500102,2,0,3,4,,2024-05-01 11:00:00
  R4,C4,500102,2,1,3,4,Always,2024-05-01 12:00:00
  R5,C5,500103,2,1,9,4,5,2024-05-01 13:00:00
  R6,C6,500103,2,1,,2,1,2024-05-01 14:00:00
  R7,C7,5001,2,1,1,2,1,2024-05-01 15:00:00
  R8,C8,500104,0,1,1,2,1,2024-05-01 15:30:00
  R9,C9,500104,3,1,1,,1,2024-05-01 16:00:00

  """

/// Worked out by hand from `codedRows`: R3 did not meet its caring mother, so the
/// care group (q1, q2) is not asked and its answers are ignored; `high` is 1 when
/// q3 is 5 (R4 writes it as the label "Always"); R5 (code 9), R7 (region of four
/// digits) and R8 (weight 0) are rejected.
private let expectedLines = [
  "C1 met=1 q1=3 q2=3 q3=5 high=1",
  "C2 met=1 q1=3 q2=4 q3=5 high=1",
  "C3 met=0 q1=not-asked q2=not-asked q3=blank high=0",
  "C4 met=1 q1=3 q2=4 q3=5 high=1",
  "C6 met=1 q1=blank q2=2 q3=1 high=0",
  "C9 met=1 q1=1 q2=blank q3=1 high=0",
]

@Suite struct AnswerReuseTests {
  @Test func rowsWrittenOverOneArrayKeepTheirOwnAnswers() throws {
    var sink = TextSink()
    let summary = try run(codedRows, into: &sink)
    #expect(sink.lines == expectedLines)
    #expect(summary.files.first?.accepted == 6)
    #expect(summary.files.first?.rejected == 3)
  }

  @Test func responsesKeptBySinkAreNotChangedByLaterRows() throws {
    var sink = CollectingSink()
    _ = try run(codedRows, into: &sink)
    let form = try #require(try kit("kit-codes").instrument(formID: "child"))
    #expect(sink.responses.map { line($0, form) } == expectedLines)
  }

  @Test func aLongRunOfRepeatedAndChangingCodesDecodesEveryRow() throws {
    // Row i answers q1 = i % 5 + 1, q2 = the same code every row, q3 = 5 on even
    // rows and blank on odd ones, met = 1 except every seventh row. Every eleventh
    // row writes q2 as its label ("Rarely" is 2); every thirteenth has q2 = 7,
    // which is no choice, so the row is rejected (unless the care group is not
    // asked: then the answer is ignored, with a warning).
    var text = "response_id,child_id,region,weight,met,q1,q2,q3,submitted\n"
    var expected: [String] = []
    for i in 0..<200 {
      let met = i % 7 == 6 ? 0 : 1
      let q1 = i % 5 + 1
      let q2 = i % 13 == 12 ? "7" : (i % 11 == 10 ? "Rarely" : "2")
      let q3 = i % 2 == 0 ? "5" : ""
      text +=
        "R\(i),C\(i),500101,1,\(met),\(met == 1 ? String(q1) : ""),\(q2),\(q3),2024-05-01 09:00\n"
      if q2 == "7" && met == 1 { continue }
      let care = met == 1 ? "q1=\(q1) q2=2" : "q1=not-asked q2=not-asked"
      expected.append(
        "C\(i) met=\(met) \(care) q3=\(q3.isEmpty ? "blank" : q3) high=\(q3 == "5" ? 1 : 0)")
    }
    var reused = TextSink()
    _ = try run(text, into: &reused)
    #expect(reused.lines == expected)
    var kept = CollectingSink()
    _ = try run(text, into: &kept)
    let form = try #require(try kit("kit-codes").instrument(formID: "child"))
    #expect(kept.responses.map { line($0, form) } == expected)
  }
}
