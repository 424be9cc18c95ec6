import SurveySchema
import Testing

@testable import SurveyIngest

/// The valid data set with `lines` appended to child.csv (and roster.csv).
private func run(
  child lines: [String] = [], roster rosterLines: [String] = [],
  onInvalid: InvalidCellPolicy = .reject
) throws -> RunResult {
  var data = try miniData()
  data[1].1 += rosterLines.map { $0 + "\n" }.joined()
  data[2].1 += lines.map { $0 + "\n" }.joined()
  return try ingestMini(data, onInvalid: onInvalid)
}

/// One test per rule, each asserting the rule's exact message (docs/data-files.md lists them).
/// The valid child.csv has 4 data rows (rows 2-5), so an appended line is row 6.
@Suite struct RuleMessageTests {
  @Test func typeRuleQuotesTheValueAndNamesTheColumn() throws {
    let result = try run(child: ["R5,C005,yes,weekly,,ten,,,2024-05-03T09:00:00+08:00"])
    #expect(
      result.problems == [
        "type: value 'ten' in column 'age' is not a whole number ('age' is an integer question)"
      ])
    #expect(result.rejects[0][0].hasSuffix("/child.csv"))
    #expect(Array(result.rejects[0][1...3]) == ["6", "6", "age"])
    let example = try #require(result.file("child.csv")?.examples.first)
    #expect(
      example.diagnostic.description
        == "\(example.file):6:6: error: value 'ten' in column 'age' is not a whole number ('age' is an integer question) [type]"
    )
    #expect(result.file("child.csv")?.rejected == 1)
  }

  @Test func typeRuleForDates() throws {
    let result = try run(child: ["R5,C005,yes,weekly,,9,2024-02-30,,2024-05-03T09:00:00+08:00"])
    #expect(
      result.problems == [
        "type: value '2024-02-30' in column 'visit_date' is not a date ('visit_date' is a date question; write YYYY-MM-DD)"
      ])
  }

  @Test func choiceRuleListsTheChoices() throws {
    let result = try run(child: [
      "R5,C005,yes,daily,,9,,,2024-05-03T09:00:00+08:00"
    ])
    #expect(
      result.problems == [
        "choice: value 'daily' in column 'contact_freq' is not a choice of 'contact_freq' (list 'freq': weekly, monthly, never)"
      ])
  }

  @Test func choiceRuleNamesThePartOfAMultipleChoice() throws {
    let result = try run(child: ["R5,C005,yes,weekly,homework swim,9,,,2024-05-03T09:00:00+08:00"])
    #expect(
      result.problems == [
        "choice: value 'homework swim' in column 'activities' has 'swim', which is not a choice of 'activities' (list 'activity': homework, festival, book, none)"
      ])
  }

  @Test func requiredRuleAppliesWhenTheQuestionIsAsked() throws {
    let result = try run(child: ["R5,C005,yes,,,,,,2024-05-03T09:00:00+08:00"])
    #expect(
      result.problems == [
        "required: column 'contact_freq' is blank, but 'contact_freq' is required",
        "required: column 'age' is blank, but 'age' is required when ${assent} = 'yes'",
      ])
  }

  @Test func constraintRuleGivesTheExpressionAndTheFormsMessage() throws {
    let result = try run(child: ["R5,C005,yes,weekly,,30,,,2024-05-03T09:00:00+08:00"])
    #expect(
      result.problems == [
        "constraint: value '30' in column 'age' breaks the constraint of 'age' (. >= 6 and . <= 18): Age must be from 6 to 18."
      ])
  }

  @Test func answeredAlthoughNotRelevantWarnsAndKeepsTheRow() throws {
    let result = try run(child: ["R5,C005,no,weekly,,,,,2024-05-03T09:00:00+08:00"])
    #expect(
      result.problems == [
        "not-relevant: column 'contact_freq' has 'weekly', but 'contact_freq' was not asked (its relevant, ${assent} = 'yes' (of group 'care'), is false); the answer is ignored"
      ])
    #expect(result.file("child.csv")?.accepted == 5)
    let form = try #require(try kit("kit-mini").instrument(formID: "child"))
    #expect(
      result.responses.last?.answers[try #require(form.index(ofQuestion: "contact_freq"))]
        == .notAsked)
  }

  @Test func regionRuleChecksTheShapeOfCodes() throws {
    let result = try run(roster: ["C006,5001,girl,2014,,2024-04-04T10:00:00+08:00"])
    #expect(
      result.problems == [
        "region: region code '5001' in column 'region' is not a 6-, 9- or 12-digit administrative code"
      ])
  }

  @Test func unknownVolunteerWarnsAndKeepsTheRegisterRow() throws {
    let result = try run(roster: ["C006,500101,girl,2014,V001 V009,2024-04-04T10:00:00+08:00"])
    #expect(
      result.problems == [
        "unknown-volunteer: volunteer id 'V009' in column 'volunteer_ids' is not in the volunteer register"
      ])
    #expect(result.file("roster.csv")?.accepted == 6)
  }

  @Test func noSubjectRejectsTheRow() throws {
    let result = try run(child: ["R5,,yes,weekly,,9,,,2024-05-03T09:00:00+08:00"])
    #expect(
      result.problems == [
        "no-subject: column 'child_id' is blank, so the row does not say which child it is about"
      ])
  }

  @Test func unlinkedRejectsAChildOutsideTheRegister() throws {
    let result = try run(child: ["R5,C099,yes,weekly,,9,,,2024-05-03T09:00:00+08:00"])
    #expect(
      result.problems == [
        "unlinked: child id 'C099' in column 'child_id' is not in the child register"
      ])
  }

  @Test func unlinkedPointsAtARejectedRegisterRow() throws {
    let result = try run(
      child: ["R5,C006,yes,weekly,,9,,,2024-05-03T09:00:00+08:00"],
      roster: ["C006,500101,unknown,2014,,2024-04-04T10:00:00+08:00"])
    #expect(
      result.problems == [
        "choice: value 'unknown' in column 'gender' is not a choice of 'gender' (list 'gender': girl, boy)",
        "unlinked: child id 'C006' in column 'child_id' has no accepted row in the child register (its row 7 in \(result.folder)/roster.csv was rejected)",
      ])
  }

  @Test func duplicateResponseIDKeepsTheFirstRow() throws {
    let result = try run(child: ["R1,C005,yes,weekly,,9,,,2024-05-03T09:00:00+08:00"])
    #expect(
      result.problems == [
        "duplicate-id: response id 'R1' in column 'response_id' was already used in row 2; the first row is kept"
      ])
  }

  @Test func sameChildTwiceKeepsTheLatestWhenTheLaterRowIsOlder() throws {
    let result = try run(child: ["R5,C001,yes,weekly,,9,,,2024-04-30T09:00:00+08:00"])
    #expect(
      result.problems == [
        "duplicate-subject: child 'C001' has another 'child' response in row 2 (submitted later, 2024-05-01T09:00:00+08:00); that row is kept and this one (submitted 2024-04-30T09:00:00+08:00) is a duplicate"
      ])
    #expect(result.rejects[0][2] == "6")
  }

  @Test func sameChildTwiceRejectsTheEarlierRowWithItsCellsWhenTheLaterRowIsNewer() throws {
    let result = try run(child: ["R5,C001,yes,monthly,,11,,,2024-05-03T09:00:00+08:00"])
    #expect(
      result.problems == [
        "duplicate-subject: child 'C001' has another 'child' response in row 6 (submitted later, 2024-05-03T09:00:00+08:00); that row is kept and this one (submitted 2024-05-01T09:00:00+08:00) is a duplicate"
      ])
    let line = result.rejects[0]
    #expect(Array(line[1...4]) == ["2", "2", "child_id", "duplicate-subject"])
    #expect(
      Array(line[6...14]) == [
        "R1", "C001", "yes", "weekly", "homework book", "10", "2024-04-20", "想去动物园",
        "2024-05-01T09:00:00+08:00",
      ])
    let report = try #require(result.file("child.csv"))
    #expect((report.read, report.accepted, report.rejected) == (5, 4, 1))
    // The sink saw both rows; the later one replaces the earlier for C001.
    #expect(
      result.responses.filter { $0.form == "child" && $0.subject == "C001" }.map(\.responseID) == [
        "R1", "R5",
      ])
  }

  @Test func brokenRowIsRejectedWithTheCSVReadersMessage() throws {
    let result = try run(child: ["R5,C005,\"yes,weekly,,9,,,2024-05-03T09:00:00+08:00"])
    #expect(result.rejects.count == 1)
    #expect(result.rejects[0][4] == "broken-row")
    #expect(
      result.rejects[0][5].hasPrefix(
        "the quoted field that opens on line 6 (row 6, column 3 ('assent')) has no closing quote"))
    let report = try #require(result.file("child.csv"))
    #expect((report.read, report.rejected) == (5, 1))
  }

  @Test func fieldCountIsRejectedWithTheCSVReadersMessage() throws {
    let result = try run(child: ["R5,C005,yes,weekly,,9,,,2024-05-03T09:00:00+08:00,extra"])
    #expect(
      result.problems == [
        "field-count: row 6 has 10 fields but the header has 9 columns; there is 1 extra field (the first is 'extra'), often a delimiter inside an unquoted value"
      ])
  }

  @Test func blankPolicyKeepsTheRowAndStillListsTheOriginalValue() throws {
    let result = try run(
      child: ["R5,C005,yes,weekly,,ten,,,2024-05-03T09:00:00+08:00"], onInvalid: .blank)
    #expect(
      result.problems == [
        "type: value 'ten' in column 'age' is not a whole number ('age' is an integer question)"
      ])
    #expect(result.rejects[0][11] == "ten")
    let report = try #require(result.file("child.csv"))
    #expect((report.read, report.accepted, report.rejected, report.blankedCells) == (5, 5, 0, 1))
    let form = try #require(try kit("kit-mini").instrument(formID: "child"))
    #expect(result.responses.last?.answers[try #require(form.index(ofQuestion: "age"))] == .blank)
  }

  @Test func rowLevelProblemsRejectEvenUnderTheBlankPolicy() throws {
    let result = try run(
      child: ["R5,C099,yes,weekly,,ten,,,2024-05-03T09:00:00+08:00"], onInvalid: .blank)
    #expect(result.rejects.map { $0[4] } == ["type", "unlinked"])
    #expect(result.file("child.csv")?.rejected == 1)
  }
}

@Suite struct ResentResponseTests {
  @Test func theSameResponseSentAgainLaterReplacesTheEarlierOne() throws {
    var data = try miniData()
    data[2].1 += "R1,C001,yes,monthly,,11,,,2024-05-03T09:00:00+08:00\n"
    let result = try ingestMini(data)
    #expect(
      result.problems == [
        "duplicate-subject: child 'C001' has another 'child' response in row 6 (submitted later, 2024-05-03T09:00:00+08:00); that row is kept and this one (submitted 2024-05-01T09:00:00+08:00) is a duplicate"
      ])
    #expect(result.rejects.first?[2] == "2")
  }
}
