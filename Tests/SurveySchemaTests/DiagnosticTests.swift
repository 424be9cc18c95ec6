import Testing
@testable import SurveySchema

@Suite struct DiagnosticTests {
  @Test func printsCompilerStyle() {
    let d = Diagnostic(.error, at: SourceLocation(file: "child/survey.csv", row: 14, column: 5), "bad")
    #expect(d.description == "child/survey.csv:14:5: error: bad")
  }

  @Test func sortsByLocationThenSeverity() {
    let a = Diagnostic(.warning, at: SourceLocation(file: "a.csv", row: 2, column: 1), "w")
    let b = Diagnostic(.error, at: SourceLocation(file: "a.csv", row: 2, column: 1), "e")
    let c = Diagnostic(.note, at: SourceLocation(file: "a.csv", row: 1, column: 9), "n")
    #expect([a, b, c].sorted() == [c, b, a])
  }
}
