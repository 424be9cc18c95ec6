import Testing

@testable import SurveySchema

/// XLSForm semantics over `sampleAnswers` (age 10, zero 0, neg -7, text5 '5',
/// name '小明', freq 'weekly', dob '2015-06-30', needs [academic emotional],
/// none [] (answered, nothing selected), blank, skipped (not asked)).
@Suite struct ExpressionEvaluationTests {
  static let nan = Value.number(.nan)

  static let arithmetic: [(String, Value)] = [
    ("1 + 2 * 3", .number(7)),
    ("(1 + 2) * 3", .number(9)),
    ("10 - 4 - 3", .number(3)),  // (10 - 4) - 3
    ("2 * 3 mod 4", .number(2)),  // (2 * 3) mod 4 = 6 mod 4
    ("-2 * -3", .number(6)),
    ("- - 4", .number(4)),
    ("-${age} + 1", .number(-9)),
    ("7 div 2", .number(3.5)),
    ("5 mod 2", .number(1)),
    ("5 mod -2", .number(1)),  // XPath 1.0 §3.5: the sign of the dividend
    ("-5 mod 2", .number(-1)),
    ("-5 mod -2", .number(-1)),
    ("5.5 mod 2", .number(1.5)),
    ("1 div 0", .number(.infinity)),
    ("-1 div 0", .number(-.infinity)),
    ("0 div 0", nan),
    ("5 mod 0", nan),
    ("0.1 + 0.2", .number(0.30000000000000004)),  // IEEE 754 double sum
    ("'3' + '4'", .number(7)),
    ("'abc' + 1", nan),
    ("${text5} * 2", .number(10)),
    ("${neg} * 2", .number(-14)),
    ("true() + 1", .number(2)),
    ("${name} + 1", nan),
    ("${blank} + 1", nan),  // blank is '' and '' is NaN in arithmetic
    ("${needs} + 1", nan),  // 'academic emotional' is not a number
  ]

  static let comparisons: [(String, Value)] = [
    ("1 = 1", .bool(true)),
    ("1 = '1'", .bool(true)),  // a number on one side: numeric
    ("'1' = '1.0'", .bool(false)),  // two strings: compared as text
    ("1 = '1.0'", .bool(true)),
    ("'abc' != 'abd'", .bool(true)),
    ("${age} > 9", .bool(true)),
    ("${age} = '10'", .bool(true)),
    ("${text5} < 10", .bool(true)),
    ("'10' < '9'", .bool(false)),  // both texts are numbers: 10 < 9
    ("'b' > 'a'", .bool(true)),  // careeval: non-numeric texts compare as text
    ("${dob} < '2016-01-01'", .bool(true)),
    ("${dob} >= '2015-06-30'", .bool(true)),
    ("${dob} > '2015-06-30'", .bool(false)),
    ("'abc' < 5", .bool(false)),  // NaN < 5
    ("'abc' != 5", .bool(true)),  // NaN != 5
    ("'abc' = 5", .bool(false)),
    ("true() = 'false'", .bool(true)),  // boolean('false') is true: non-empty
    ("false() = ''", .bool(true)),
    ("true() = 2", .bool(true)),
    ("1 < 2 < 3", .bool(true)),  // (1 < 2) = true = 1, and 1 < 3
    ("3 > 2 > 1", .bool(false)),  // (3 > 2) = true = 1, and 1 > 1 is false
    ("${blank} = ''", .bool(true)),
    ("${blank} < 5", .bool(false)),
    ("${blank} != 5", .bool(true)),
    ("${needs} = 'academic emotional'", .bool(true)),
    ("${needs} = 'academic'", .bool(false)),
    ("${none} = ''", .bool(true)),
    ("${freq} = 'weekly'", .bool(true)),
    ("${freq} = 'Weekly'", .bool(false)),
    ("number('x') = number('x')", .bool(false)),
    ("number('x') != number('x')", .bool(true)),
    ("${name} = '小明'", .bool(true)),
  ]

  static let logic: [(String, Value)] = [
    ("true() and false()", .bool(false)),
    ("true() or false()", .bool(true)),
    ("not(0)", .bool(true)),
    ("not('')", .bool(true)),
    ("not('false')", .bool(false)),
    ("boolean(0.0)", .bool(false)),
    ("boolean(-0.5)", .bool(true)),
    ("boolean(number('x'))", .bool(false)),
    ("boolean(${none})", .bool(false)),
    ("1 and 'x'", .bool(true)),
    ("${blank} or ${skipped}", .bool(false)),
  ]

  static let selects: [(String, Value)] = [
    ("selected(${needs}, 'academic')", .bool(true)),
    ("selected(${needs}, 'acad')", .bool(false)),
    ("selected(${freq}, 'weekly')", .bool(true)),
    ("selected(${none}, 'academic')", .bool(false)),
    ("selected('a b c', 'b')", .bool(true)),
    ("selected(${blank}, 'a')", .bool(false)),
    ("count-selected(${needs})", .number(2)),
    ("count-selected(${none})", .number(0)),
    ("count-selected(${blank})", .number(0)),
    ("count-selected('a  b ')", .number(2)),
  ]

  static let functions: [(String, Value)] = [
    ("if(${age} >= 10, 'old', 'young')", .string("old")),
    ("if(${blank}, 1, 2)", .number(2)),
    ("if('false', 1, 2)", .number(1)),
    ("coalesce(${blank}, 'x')", .string("x")),
    ("coalesce(${freq}, 'x')", .string("weekly")),
    ("coalesce(${none}, 'none')", .string("none")),
    ("coalesce(${zero}, 5)", .number(0)),
    ("coalesce(${blank}, ${skipped})", .string("")),
    ("string-length(${name})", .number(2)),
    ("string-length('爱心妈妈')", .number(4)),
    ("string-length('')", .number(0)),
    ("string-length(${age})", .number(2)),  // '10'
    ("string-length('e\u{301}')", .number(1)),  // e + combining acute: one character
    ("regex(${name}, '^\\p{Han}+$')", .bool(true)),
    ("regex('abc123', '[0-9]{3}')", .bool(true)),  // a match anywhere counts
    ("regex('abc123', '^[0-9]{3}$')", .bool(false)),
    ("regex(${dob}, '^\\d{4}-\\d{2}-\\d{2}$')", .bool(true)),
    ("regex(${age}, '^1')", .bool(true)),
    ("regex('a', concat('[', 'a'))", .bool(false)),  // invalid pattern at run time
    ("number('  12.5 ')", .number(12.5)),
    ("number('1e3')", nan),
    ("number('-.5')", .number(-0.5)),
    ("number('+1')", nan),
    ("number('5.')", .number(5)),
    ("number('')", nan),
    ("number(true())", .number(1)),
    ("int(3.7)", .number(3)),
    ("int(-3.7)", .number(-3)),
    ("int('8.9')", .number(8)),
    ("round(2.5)", .number(3)),
    ("round(-2.5)", .number(-2)),  // a tie goes towards +infinity (XPath 1.0)
    ("round(-2.6)", .number(-3)),
    ("round(2.675, 2)", .number(2.68)),  // decimal 2.675 is a tie
    ("round(-2.675, 2)", .number(-2.67)),
    ("round(1.005, 2)", .number(1.01)),
    ("round(0.045, 2)", .number(0.05)),
    ("round(1234.5678, -2)", .number(1200)),
    ("round(7, 1)", .number(7)),
    ("round(number('x'))", nan),
    ("string(0.1 + 0.2)", .string("0.30000000000000004")),
    ("string(1 div 10000000)", .string("0.0000001")),
    ("string(10000000000 * 10000000000)", .string("100000000000000000000")),
    ("string(-0.5)", .string("-0.5")),
    ("string(3.0)", .string("3")),
    ("string(-0)", .string("0")),
    ("string(0 div 0)", .string("NaN")),
    ("string(-1 div 0)", .string("-Infinity")),
    ("string(true())", .string("true")),
    ("string(${needs})", .string("academic emotional")),
    ("concat(${name}, '的', ${age}, '岁')", .string("小明的10岁")),
    ("concat(1 div 2, true())", .string("0.5true")),
    ("contains(${name}, '明')", .bool(true)),
    ("contains('abc', '')", .bool(true)),
    ("starts-with(${dob}, '2015')", .bool(true)),
    ("ends-with('爱心妈妈', '妈妈')", .bool(true)),
    ("substr('爱心妈妈', 2)", .string("妈妈")),
    ("substr('abcdef', 1, 3)", .string("bc")),
    ("substr('abc', -5, 2)", .string("ab")),
    ("substr('abc', 2, 1)", .string("")),
    ("substr('abc', 1.9)", .string("bc")),
    ("min(3, 1, 2)", .number(1)),
    ("max(3, '7', 2)", .number(7)),
    ("min(1, 'x')", nan),
    ("abs(-4.5)", .number(4.5)),
    ("floor(-1.5)", .number(-2)),
    ("ceiling(1.2)", .number(2)),
    ("pow(2, 10)", .number(1024)),
    ("sqrt(16)", .number(4)),
    ("today()", .string("2024-05-01")),
    ("today() > '2024-01-01'", .bool(true)),
  ]

  @Test(arguments: arithmetic + comparisons + logic + selects + functions)
  func evaluatesUnderXLSFormSemantics(_ text: String, _ expected: Value) throws {
    let value = try evaluate(text)
    #expect(same(value, expected), "\(text) gave \(String(describing: value))")
  }

  @Test(arguments: [
    (". >= 5", Answer.value(.number(7)), Value.bool(true)),
    (". <= 72", .blank, .bool(false)),  // '' <= 72 is NaN <= 72
    ("selected(., 'c') and selected(., 'd')", .value(.choices(["c", "d"])), .bool(true)),
    ("not(selected(., 'c') and selected(., 'd'))", .value(.choices(["c"])), .bool(true)),
    ("regex(., '^[0-9]{11}$')", .value(.string("13800138000")), .bool(true)),
  ])
  func evaluatesTheCurrentValue(_ text: String, _ current: Answer, _ expected: Value) throws {
    #expect(try evaluate(text, current: current) == expected)
  }

  @Test func isTrueConvertsWithXPathBoolean() throws {
    let bound = try ExpressionParser.parse("${a} * 2").bind { _ throws(ExpressionError) in 0 }
    let context = { (a: Answer) in AnswerContext(answers: [a]) }
    #expect(bound.isTrue(semantics: .xlsform, in: context(.value(.number(0)))) == false)
    #expect(bound.isTrue(semantics: .xlsform, in: context(.value(.number(0.5)))) == true)
    #expect(bound.isTrue(semantics: .xlsform, in: context(.blank)) == false)  // NaN
    #expect(bound.isTrue(semantics: .indicator, in: context(.blank)) == nil)
  }

  @Test func bindingResolvesEachReferenceOnce() throws {
    var asked: [String] = []
    let bound = try ExpressionParser.parse("${a} + ${b} * ${a}").bind { r throws(ExpressionError) in
      asked.append(r.name)
      return r.name == "a" ? 0 : 1
    }
    #expect(asked == ["a", "b", "a"])
    let context = AnswerContext(answers: [.value(.number(2)), .value(.number(3))])
    #expect(bound.evaluate(semantics: .xlsform, in: context) == .number(8))  // 2 + 3 * 2
  }

  @Test func aSlotWithoutAnAnswerIsNotAsked() throws {
    let bound = try ExpressionParser.parse("${a} = ''").bind { _ throws(ExpressionError) in 5 }
    #expect(bound.evaluate(semantics: .xlsform, in: AnswerContext(answers: [])) == .bool(true))
  }
}
