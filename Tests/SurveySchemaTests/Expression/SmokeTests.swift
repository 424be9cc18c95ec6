import Testing
@testable import SurveySchema

@Suite struct ExpressionSmokeTests {
  @Test func smoke() throws {
    let e = try ExpressionParser.parse("1 + 2 * 3 = 7 and selected(${a}, 'x')")
    #expect(e.description == "(((1 + (2 * 3)) = 7) and selected(${a}, 'x'))")
    let b = try e.bind { _ in 0 }
    let ctx = AnswerContext(answers: [.value(.choices(["x", "y"]))])
    #expect(b.evaluate(semantics: .xlsform, in: ctx) == .bool(true))
  }
}
