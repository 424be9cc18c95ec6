import SurveySchema
import Testing

@testable import SurveyIngest

@Suite struct RunTests {
  @Test func validDataSetIsAcceptedInRegisterOrderWithTypedAnswers() throws {
    let result = try ingestMini(try miniData().reversed())
    #expect(
      result.summary.files.map { $0.path.split(separator: "/").last.map(String.init) ?? "" } == [
        "volunteer.csv", "roster.csv", "child.csv",
      ])
    #expect(result.summary.files.map(\.read) == [3, 5, 4])
    #expect(result.summary.files.map(\.accepted) == [3, 5, 4])
    #expect(result.rejects.isEmpty, "\(result.problems)")
    #expect(
      result.responses.map(\.form) == [
        "volunteer", "volunteer", "volunteer", "roster", "roster", "roster", "roster", "roster",
        "child", "child", "child", "child",
      ])
    #expect(
      result.responses.map(\.subject) == [
        "V001", "V002", "V003", "C001", "C002", "C003", "C004", "C005", "C001", "C002", "C003",
        "C004",
      ])
    let form = try kit("kit-mini").instrument(formID: "child")
    let child = try #require(form)
    func answer(_ row: Int, _ name: String) throws -> Answer {
      result.responses[8 + row].answers[try #require(child.index(ofQuestion: name))]
    }
    #expect(try answer(0, "activities") == .value(.choices(["homework", "book"])))
    #expect(try answer(0, "age") == .value(.number(10)))
    #expect(try answer(0, "weekly") == .value(.number(1)))
    #expect(try answer(1, "visit_date") == .value(.string("2024-04-03")))
    #expect(try answer(1, "wish") == .blank)
    // R3 said no: the care group is not asked, age (required only with assent) is blank.
    #expect(try answer(2, "contact_freq") == .notAsked)
    #expect(try answer(2, "activities") == .notAsked)
    #expect(try answer(2, "age") == .blank)
    #expect(try answer(2, "weekly") == .value(.number(0)))
    #expect(try answer(3, "wish") == .value(.string("要有一个\"安静\"的地方, 可以吗")))
    #expect(result.responses[8].responseID == "R1")
    #expect(result.responses[8].submittedAt == "2024-05-01T09:00:00+08:00")
    #expect(result.responses[8].source.row == 2)
  }

  @Test func responseRatesPerInstrumentAndRegionRollUp() throws {
    let result = try ingestMini(try miniData())
    let rates = result.summary.responseRates.map {
      "\($0.form) \($0.region) \($0.responded)/\($0.registered)"
    }
    // C001 C002 in 500101, C003 in 500102, C004 C005 in 510104; C005 has no child questionnaire.
    #expect(
      rates == [
        "child all 4/5", "child 500000 3/3", "child 500100 3/3", "child 500101 2/2",
        "child 500102 1/1",
        "child 510000 1/2", "child 510100 1/2", "child 510104 1/2",
      ])
  }
}
