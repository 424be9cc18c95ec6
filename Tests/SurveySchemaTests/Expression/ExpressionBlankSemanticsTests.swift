import Testing

@testable import SurveySchema

/// The same expression under both blank semantics (docs/expressions.md, "Blank
/// answers"). `nil` is missing: the unit leaves the indicator's denominator.
@Suite struct ExpressionBlankSemanticsTests {
  static let nan = Value.number(.nan)

  /// (expression, XLSForm result, indicator result) over `sampleAnswers`.
  static let table: [(String, Value?, Value?)] = [
    ("${blank}", .string(""), nil),
    ("${skipped}", .string(""), nil),
    ("${blank} = 'weekly'", .bool(false), nil),
    ("${skipped} = 'weekly'", .bool(false), nil),
    // A comparison with the literal '' handles the blank itself.
    ("${blank} = ''", .bool(true), .bool(true)),
    ("'' = ${blank}", .bool(true), .bool(true)),
    ("${blank} != ''", .bool(false), .bool(false)),
    ("${skipped} = \"\"", .bool(true), .bool(true)),
    ("${freq} != ''", .bool(true), .bool(true)),
    ("${zero} = ''", .bool(false), .bool(false)),  // 0 = NaN is false
    ("${blank} + 1", nan, nil),
    ("-${blank}", nan, nil),
    ("${blank} < 5", .bool(false), nil),
    // coalesce(): the first argument that has a non-empty value.
    ("coalesce(${blank}, 0)", .number(0), .number(0)),
    ("coalesce(${skipped}, 'none')", .string("none"), .string("none")),
    ("coalesce(${blank}, ${skipped})", .string(""), nil),
    ("coalesce(${freq}, 'x')", .string("weekly"), .string("weekly")),
    // string-length() counts a missing answer as ''.
    ("string-length(${blank})", .number(0), .number(0)),
    ("string-length(${skipped}) > 0", .bool(false), .bool(false)),
    // and/or: a side that decides the result on its own wins over a missing side.
    ("${blank} = 'weekly' and ${freq} = 'monthly'", .bool(false), .bool(false)),
    ("${freq} = 'monthly' and ${blank} = 'x'", .bool(false), .bool(false)),
    ("${blank} = 'weekly' and ${freq} = 'weekly'", .bool(false), nil),
    ("${freq} = 'weekly' or ${blank} = 'x'", .bool(true), .bool(true)),
    ("${blank} = 'x' or ${freq} = 'monthly'", .bool(false), nil),
    ("true() or ${blank}", .bool(true), .bool(true)),
    ("false() and ${skipped}", .bool(false), .bool(false)),
    ("${blank} and ${skipped}", .bool(false), nil),
    ("not(${blank} = 'x')", .bool(true), nil),
    // if(): only the branch taken matters; a missing condition is missing.
    ("if(${blank} = '', 0, ${age})", .number(0), .number(0)),
    ("if(${age} > 5, 1, ${blank})", .number(1), .number(1)),
    ("if(${age} > 50, 1, ${blank})", .string(""), nil),
    ("if(${blank}, 1, 0)", .number(0), nil),
    // Selects: nothing selected is an answer; a blank select is not.
    ("selected(${blank}, 'a')", .bool(false), nil),
    ("count-selected(${skipped})", .number(0), nil),
    ("count-selected(${none})", .number(0), .number(0)),
    ("selected(${none}, 'academic')", .bool(false), .bool(false)),
    ("${none} = ''", .bool(true), .bool(true)),
    // Answered values are never missing; non-finite results are (indicator only).
    ("${zero}", .number(0), .number(0)),
    ("${age} div 2", .number(5), .number(5)),
    ("0 div 0", nan, nil),
    ("1 div ${zero}", .number(.infinity), nil),
    ("concat(${freq}, ${blank})", .string("weekly"), nil),
    ("regex(${blank}, '^$')", .bool(true), nil),
  ]

  @Test(arguments: table)
  func blanksFollowTheChosenSemantics(_ text: String, _ xlsform: Value?, _ indicator: Value?) throws
  {
    let x = try evaluate(text, semantics: .xlsform)
    let i = try evaluate(text, semantics: .indicator)
    #expect(same(x, xlsform), "xlsform: \(text) gave \(String(describing: x))")
    #expect(same(i, indicator), "indicator: \(text) gave \(String(describing: i))")
  }

  /// `${child.contact_freq} = 'weekly'` for each state of the answer.
  @Test(arguments: [
    (Answer.value(.string("weekly")), Value.bool(true), Value?.some(.bool(true))),
    (.value(.string("monthly")), .bool(false), .bool(false)),
    (.blank, .bool(false), nil),
    (.notAsked, .bool(false), nil),
  ])
  func contactFrequencyIndicator(_ answer: Answer, _ xlsform: Value, _ indicator: Value?) throws {
    let answers = ["child.contact_freq": answer]
    let text = "${child.contact_freq} = 'weekly'"
    #expect(try evaluate(text, answers, semantics: .xlsform) == xlsform)
    #expect(try evaluate(text, answers, semantics: .indicator) == indicator)
  }

  /// A needs-met indicator across two instruments: with the need absent the child is
  /// decided (false) whatever the help answer; with the need present a blank help
  /// answer leaves the child out.
  @Test(arguments: [
    (["academic"], Answer.value(.choices(["study_group"])), Value?.some(.bool(true))),
    (["academic"], .value(.choices(["tutor"])), .bool(false)),
    (["academic"], .blank, nil),
    (["emotional"], .blank, .bool(false)),
    (["emotional"], .notAsked, .bool(false)),
  ])
  func needsMetIndicator(_ needs: [String], _ help: Answer, _ expected: Value?) throws {
    let answers: [String: Answer] = [
      "roster.needs": .value(.choices(needs)), "child.help_received": help,
    ]
    let text =
      "selected(${roster.needs}, 'academic') and selected(${child.help_received}, 'study_group')"
    #expect(try evaluate(text, answers, semantics: .indicator) == expected)
  }

  @Test func theCurrentValueFollowsTheSemanticsToo() throws {
    #expect(try evaluate(". > 1", current: .blank, semantics: .xlsform) == .bool(false))
    #expect(try evaluate(". > 1", current: .blank, semantics: .indicator) == nil)
    #expect(try evaluate(". > 1", current: .notAsked, semantics: .indicator) == nil)
  }
}
