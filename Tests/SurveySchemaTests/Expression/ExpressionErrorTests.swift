import Testing

@testable import SurveySchema

@Suite struct ExpressionErrorTests {
  /// (text, message, 1-based character offset). Offsets are counted by hand.
  static let syntaxErrors: [(String, String, Int)] = [
    ("", "expression is empty", 1),
    ("   ", "expression is empty", 1),
    ("1 +", "expected a value, found the end of the expression", 4),
    ("(1 + 2", "expected ')' to close the '(' at 1, found the end of the expression", 7),
    ("1 + 2)", "expected an operator, found ')'", 6),
    ("${a} = 'weekly", "unclosed text: the ' here has no matching '", 8),
    ("\"abc", "unclosed text: the \" here has no matching \"", 1),
    ("${a = 1", "'${' has no closing '}'", 1),
    ("${} = 1", "empty reference '${}': write a question name between the braces", 1),
    ("${1a}", "a name must start with a letter or '_', not '1'", 3),
    ("${a b}", "a space cannot appear in a name; names use letters, digits, '-', '_' and '.'", 4),
    ("${a#}", "'#' cannot appear in a name; names use letters, digits, '-', '_' and '.'", 4),
    ("${child.}", "'${child.}' needs a name on both sides of '.'", 8),
    ("${.q}", "'${.q}' needs a name on both sides of '.'", 3),
    ("$a", "'$' must be followed by '{', as in ${name}", 1),
    ("${a} == 1", "'==' is not an operator; use '='", 6),
    ("${a} / 2", "'/' is not an operator; use 'div' to divide", 6),
    ("${a} % 2", "'%' is not an operator; use 'mod' for the remainder", 6),
    ("${a} && ${b}", "'&' is not an operator; use 'and'", 6),
    ("${a} || ${b}", "'|' is not an operator; use 'or'", 6),
    ("!${a}", "'!' on its own is not an operator; use '!=' or not()", 1),
    ("${a} = ‘yes’", "curly quote '‘' cannot enclose text; use ' or \"", 8),
    ("selected（${a}, 'x')", "full-width '（' is not allowed; use '('", 9),
    ("${a}＝1", "full-width '＝' is not allowed; use '='", 5),
    // '爱' 2, '心' 3, quote 4, space 5, '=' 6, space 7, "${名字}" 8–12, space 13, '＋' 14.
    ("'爱心' = ${名字} ＋ 1", "full-width '＋' is not allowed; use '+'", 14),
    ("../q = 1", "'..' (the parent group) is not supported; refer to questions as ${name}", 1),
    ("cf = 1", "unknown name 'cf': write ${cf} for a question's answer or 'cf' for text", 1),
    ("true or 1", "'true' is a function: write true()", 1),
    ("selected = 1", "'selected' is a function: write selected(…)", 1),
    ("1 = and", "expected a value, found 'and'", 5),
    ("${a} ${b}", "expected an operator, found '${b}'", 6),
    ("selected(${a} 'x')", "expected ',' or ')' after an argument of selected(), found 'x'", 15),
    ("concat('a',)", "expected a value, found ')'", 12),
    ("1 # 2", "unexpected character '#'", 3),
    ("*", "expected a value, found '*'", 1),
    ("1 2", "expected an operator, found '2'", 3),
    ("1.2.3", "expected an operator, found '.3'", 4),
    ("()", "expected a value, found ')'", 2),
  ]

  @Test(arguments: syntaxErrors)
  func reportsSyntaxErrorsWithTheirOffset(_ text: String, _ message: String, _ offset: Int) {
    #expect(parseError(text) == ExpressionError(message, at: offset))
  }

  @Test func rejectsTextLongerThanTheLimit() {
    let text = String(repeating: "1+", count: 5000) + "1"  // 10,001 characters
    #expect(
      parseError(text)
        == ExpressionError("expression is 10001 characters long; the limit is 10000", at: 10001))
  }

  static let tooDeep =
    "nested too deeply: more than 100 levels of parentheses, function calls or minus signs"

  @Test func tenThousandParenthesesEndInAnErrorNotAStackOverflow() {
    #expect(
      parseError(String(repeating: "(", count: 10_000)) == ExpressionError(Self.tooDeep, at: 101))
  }

  @Test func manyMinusSignsEndInAnError() {
    #expect(
      parseError(String(repeating: "-", count: 5_000) + "1")
        == ExpressionError(Self.tooDeep, at: 101))
  }

  @Test func deeplyNestedCallsEndInAnError() {
    // Each "not(" is 4 characters, so the 101st starts at 1 + 100 × 4 = 401.
    let text = String(repeating: "not(", count: 200) + "1" + String(repeating: ")", count: 200)
    #expect(parseError(text) == ExpressionError(Self.tooDeep, at: 401))
  }

  @Test func aVeryLongOperatorChainEndsInAnError() {
    // "1" then " + 1" repeated: the k-th '+' is at 4k - 1 and makes the tree k + 1
    // levels deep, so the 256th (offset 1023) is the first over the limit of 256.
    let text = "1" + String(repeating: " + 1", count: 2_000)
    #expect(
      parseError(text)
        == ExpressionError(
          "too many nested operations (more than 256); split the expression into calculate questions",
          at: 1023))
  }

  /// Errors found when binding: functions and their arguments.
  static let bindErrors: [(String, String, Int)] = [
    ("selectd(${a}, 'x')", "unknown function 'selectd'; did you mean 'selected'?", 1),
    ("foo(1)", "unknown function 'foo'", 1),
    ("format-date(${d}, '%Y')", "careeval does not evaluate the XLSForm function format-date()", 1),
    ("1 + if(${a}, 1)", "if() takes 3 arguments, not 2", 5),
    ("round(1, 2, 3)", "round() takes 1 or 2 arguments, not 3", 1),
    ("concat()", "concat() takes at least 1 argument, not 0", 1),
    ("today(1)", "today() takes no arguments, not 1", 1),
    ("number(1, 2)", "number() takes 1 argument, not 2", 1),
    ("substr('a')", "substr() takes 2 or 3 arguments, not 1", 1),
    ("regex(${a}, '[0-9')", "'[0-9' is not a valid regular expression", 13),
  ]

  @Test(arguments: bindErrors)
  func reportsBindErrorsWithTheirOffset(_ text: String, _ message: String, _ offset: Int) throws {
    #expect(try bindError(text) == ExpressionError(message, at: offset))
  }

  @Test func bindPassesOnTheResolversError() throws {
    #expect(
      throws: ExpressionError("no question named 'b'", at: 8),
      performing: { try evaluate("${a} + ${b}", ["a": .blank]) })
  }

  @Test func errorDescriptionStartsWithTheOffset() {
    #expect(ExpressionError("expression is empty", at: 1).description == "1: expression is empty")
  }
}
