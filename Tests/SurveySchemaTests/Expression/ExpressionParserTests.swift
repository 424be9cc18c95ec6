import Testing

@testable import SurveySchema

@Suite struct ExpressionParserTests {
  /// Precedence, loosest first: or < and < (= !=) < (< <= > >=) < (+ -) < (* div mod)
  /// < unary minus; every binary operator is left-associative (XPath 1.0 §3.4–3.5).
  /// `description` puts every operation in parentheses, so the tree can be read.
  static let shapes: [(String, String)] = [
    ("1 + 2 * 3", "(1 + (2 * 3))"),
    ("1 * 2 + 3", "((1 * 2) + 3)"),
    ("1 - 2 - 3", "((1 - 2) - 3)"),
    ("8 div 4 div 2", "((8 div 4) div 2)"),
    ("7 mod 4 * 2", "((7 mod 4) * 2)"),
    ("1+2*3-4 div 2", "((1 + (2 * 3)) - (4 div 2))"),
    ("1 + 2 = 3", "((1 + 2) = 3)"),
    ("1 < 2 = 2 > 1", "((1 < 2) = (2 > 1))"),
    ("1 <= 2 >= 0", "((1 <= 2) >= 0)"),
    ("1 != 2 = true()", "((1 != 2) = true())"),
    ("1 = 1 and 2 = 2", "((1 = 1) and (2 = 2))"),
    ("${a} or ${b} and ${c}", "(${a} or (${b} and ${c}))"),
    ("${a} and ${b} or ${c}", "((${a} and ${b}) or ${c})"),
    ("-2 * 3", "((-2) * 3)"),
    ("- - 2", "(-(-2))"),
    ("2 - -3", "(2 - (-3))"),
    ("-${x} div 2", "((-${x}) div 2)"),
    ("(1 + 2) * 3", "((1 + 2) * 3)"),
    ("((((1))))", "1"),
    ("not(${a} = 'x') or ${b} != ''", "(not((${a} = 'x')) or (${b} != ''))"),
    ("${child.q} = 'a'", "(${child.q} = 'a')"),
    (". >= 5 and . <= 72", "((. >= 5) and (. <= 72))"),
    ("selected (., 'no')", "selected(., 'no')"),
    ("if(${a} > 1, 'big', \"it's\")", "if((${a} > 1), 'big', \"it's\")"),
    (".5 + 5.", "(0.5 + 5)"),
    ("${a}div${b}", "(${a} div ${b})"),
    (
      "count-selected(${n}) >= 2 or string-length(${t}) = 0",
      "((count-selected(${n}) >= 2) or (string-length(${t}) = 0))"
    ),
    ("jr:choice-name(${q}, '${q}')", "jr:choice-name(${q}, '${q}')"),
    ("concat('爱心', \"妈妈\")", "concat('爱心', '妈妈')"),
    ("${a} = 1\nand ${b} = 2", "((${a} = 1) and (${b} = 2))"),
    ("${a}\u{3000}=\u{3000}1", "(${a} = 1)"),
    ("f()", "f()"),
    ("${a} = ''", "(${a} = '')"),
  ]

  @Test(arguments: shapes)
  func parsesWithXPathPrecedence(_ text: String, _ shape: String) throws {
    #expect(try ExpressionParser.parse(text).description == shape)
  }

  @Test(arguments: [
    ("yes", "true()"), ("TRUE", "true()"), (" True ", "true()"), ("no", "false()"),
    ("FALSE", "false()"), ("${a} = 'yes'", "(${a} = 'yes')"), ("true()", "true()"),
  ])
  func bindCellsConvertYesAndNoAsPyxformDoes(_ text: String, _ shape: String) throws {
    #expect(try ExpressionParser.parseBinding(text).description == shape)
  }

  @Test func aBareTrueIsStillAnErrorOutsideBindCells() {
    #expect(parseError("TRUE")?.message.hasPrefix("unknown name 'TRUE'") == true)
  }

  @Test func referencesKeepFormNameAndOffset() throws {
    // ${a} starts at 1; "${a} + " is 7 characters, so ${child.b} starts at 8;
    // "${child.b}" is 10 characters, then " * " (18–20), so ${c.d.e} starts at 21.
    let e = try ExpressionParser.parse("${a} + ${child.b} * ${c.d.e}")
    #expect(
      e.references == [
        Reference(form: nil, name: "a", offset: 1),
        Reference(form: "child", name: "b", offset: 8),
        Reference(form: "c", name: "d.e", offset: 21),
      ])
    #expect(e.references.map(\.text) == ["a", "child.b", "c.d.e"])
  }

  @Test func offsetsCountCharactersNotBytes() throws {
    // ' 爱 心 妈 妈 ' = 1…6, space 7, '=' 8, space 9, '$' 10.
    let e = try ExpressionParser.parse("'爱心妈妈' = ${名字}")
    #expect(e.references == [Reference(form: nil, name: "名字", offset: 10)])
    guard case .binary(.equal, .string("爱心妈妈", offset: 1), _, offset: 8) = e else {
      Issue.record("unexpected tree \(e)")
      return
    }
  }

  @Test(arguments: [
    (". > 1", true), ("${a} > 1", false), ("'.' = ${a}", false), ("0.5", false),
    ("selected(., 'c')", true),
  ])
  func detectsTheCurrentValue(_ text: String, _ uses: Bool) throws {
    #expect(try ExpressionParser.parse(text).usesCurrentValue == uses)
  }

  @Test func acceptsTheDeepestAllowedNesting() throws {
    let text = String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)
    #expect(try ExpressionParser.parse(text) == .number(1, offset: 101))
  }

  @Test func evaluatesTheDeepestAllowedCallNesting() throws {
    // 100 nested not() around 1: not(1) is false and each further not() flips it,
    // so an even count gives true.
    let text = String(repeating: "not(", count: 100) + "1" + String(repeating: ")", count: 100)
    #expect(try evaluate(text) == .bool(true))
  }

  @Test func acceptsTheLongestAllowedChain() throws {
    // "1" and 255 × " + 1": the tree is 256 levels deep, exactly the limit.
    let text = "1" + String(repeating: " + 1", count: 255)
    #expect(try ExpressionParser.parse(text).references.isEmpty)
  }
}
