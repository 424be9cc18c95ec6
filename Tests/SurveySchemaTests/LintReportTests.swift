import Testing

@testable import SurveySchema

/// The output of `careeval lint`: sorted compiler-style lines, counts, JSON, exit status.
@Suite struct LintReportTests {
  private let diagnostics = [
    Diagnostic(.warning, at: SourceLocation(file: "child/survey.csv", row: 9, column: 1), "repeat"),
    Diagnostic(
      .error, at: SourceLocation(file: "child/survey.csv", row: 4, column: 4, offset: 11),
      "bad \"quote\""),
    Diagnostic(
      .note, at: SourceLocation(file: "agreement.csv", row: 1, column: 5), "column ignored"),
  ]

  @Test func textIsSortedWithASummary() {
    let report = LintReport(diagnostics: diagnostics)
    #expect(
      report.text == """
        agreement.csv:1:5: note: column ignored
        child/survey.csv:4:4:11: error: bad "quote"
        child/survey.csv:9:1: warning: repeat
        1 error, 1 warning, 1 note

        """)
  }

  @Test func jsonListsEveryFieldInAFixedOrder() {
    let report = LintReport(diagnostics: diagnostics)
    #expect(
      report.json == """
        {
          "diagnostics": [
            {"file":"agreement.csv","row":1,"column":5,"severity":"note","message":"column ignored"},
            {"file":"child/survey.csv","row":4,"column":4,"offset":11,"severity":"error","message":"bad \\"quote\\""},
            {"file":"child/survey.csv","row":9,"column":1,"severity":"warning","message":"repeat"}
          ],
          "errors": 1,
          "warnings": 1,
          "notes": 1
        }

        """)
  }

  @Test func emptyReport() {
    let report = LintReport(diagnostics: [])
    #expect(report.text == "0 errors, 0 warnings, 0 notes\n")
    #expect(
      report.json
        == "{\n  \"diagnostics\": [],\n  \"errors\": 0,\n  \"warnings\": 0,\n  \"notes\": 0\n}\n")
    #expect(report.exitStatus(strict: true) == 0)
  }

  @Test func exitStatusFollowsErrorsAndStrictWarnings() {
    let warningOnly = LintReport(diagnostics: [diagnostics[0], diagnostics[2]])
    #expect(warningOnly.exitStatus(strict: false) == 0)
    #expect(warningOnly.exitStatus(strict: true) == 1)
    #expect(LintReport(diagnostics: [diagnostics[2]]).exitStatus(strict: true) == 0)
    #expect(LintReport(diagnostics: diagnostics).exitStatus(strict: false) == 1)
  }

  @Test func filesArePrefixedWithTheFolderGiven() {
    let report = LintReport(diagnostics: [
      diagnostics[0],
      Diagnostic(.error, at: SourceLocation(file: ".", row: 1, column: 1), "no kit"),
    ]).prefixingFiles(with: "surveys/aixin")
    #expect(
      report.diagnostics.map(\.location.file) == [
        "surveys/aixin", "surveys/aixin/child/survey.csv",
      ])
  }

  @Test func jsonEscapesControlCharacters() {
    #expect(JSONText.quote("a\tb\u{1}\\中") == "\"a\\tb\\u0001\\\\中\"")
  }

  @Test func missingFolderIsALocatedError() {
    let result = KitLint.lint("/nonexistent/careeval-kit")
    #expect(
      result.diagnostics.map(\.description) == [
        ".:1:1: error: /nonexistent/careeval-kit does not exist; expected a kit or instrument folder"
      ])
  }
}
