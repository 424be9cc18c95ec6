import Testing

@testable import SurveySchema

/// A small symbol table standing in for a kit.
func sampleSymbols(_ r: Reference) -> SymbolLookup {
  let freq = SymbolKind.selectOne(list: "freq", choices: ["daily", "weekly", "monthly", "never"])
  let codes = SymbolKind.selectOne(list: "yn", choices: ["1", "2"])
  let needs = SymbolKind.selectMultiple(
    list: "needs", choices: ["academic", "emotional", "health"])
  if let form = r.form, form != "child" {
    return .unknownForm(suggestion: form == "chld" ? "child" : nil)
  }
  switch r.name {
  case "age": return .found(.number)
  case "name": return .found(.text)
  case "dob": return .found(.date)
  case "flag": return .found(.boolean)
  case "calc": return .found(.unknown)
  case "freq": return .found(freq)
  case "yn": return .found(codes)
  case "needs": return .found(needs)
  case "q": return .ambiguous(forms: ["child", "guardian"])
  case "q3": return .ambiguous(forms: ["child", "guardian", "teacher"])
  case "agge": return .unknown(suggestion: "age")
  default: return .unknown(suggestion: nil)
  }
}

@Suite struct ExpressionCheckTests {
  static let abcd = SymbolKind.selectMultiple(list: "abcd", choices: ["a", "b", "c", "d"])

  /// (expression, the kind of `.` or nil where `.` is not allowed, expected issues
  /// as "offset: severity: message"). Offsets are counted by hand.
  static let cases: [(String, SymbolKind?, [String])] = [
    ("${freq} = 'weekly' and ${age} > 5", nil, []),
    ("${agge} > 5", nil, ["1: error: no question or scale named 'agge'; did you mean 'age'?"]),
    ("${zzz} = 1", nil, ["1: error: no question or scale named 'zzz'"]),
    ("${child.zzz} = 1", nil, ["1: error: no question or scale named 'zzz' in form 'child'"]),
    ("${q} = 'yes'", nil, ["1: error: 'q' is in child and guardian; write ${child.q}"]),
    ("${q3} = 'yes'", nil, ["1: error: 'q3' is in child, guardian and teacher; write ${child.q3}"]),
    ("${chld.freq} = 'weekly'", nil, ["1: error: no form 'chld'; did you mean 'child'?"]),
    // "${freq}" 1–7, " = " 8–10, the quote at 11.
    (
      "${freq} = 'weekley'", nil,
      ["11: error: no choice 'weekley' in list freq; did you mean 'weekly'?"]
    ),
    (
      "'weekley' != ${child.freq}", nil,
      ["1: error: no choice 'weekley' in list freq; did you mean 'weekly'?"]
    ),
    ("${freq} = ''", nil, []),
    ("${freq} = 3", nil, ["11: error: no choice '3' in list freq"]),
    ("${yn} = 1", nil, []),  // the choice name '1' equals the number 1
    ("${yn} = 3", nil, ["9: error: no choice '3' in list yn"]),
    // "selected(" 1–9, "${needs}" 10–17, ", " 18–19, the quote at 20.
    (
      "selected(${needs}, 'acadmic')", nil,
      ["20: error: no choice 'acadmic' in list needs; did you mean 'academic'?"]
    ),
    (
      "${needs} = 'academic healthy'", nil,
      ["12: error: no choice 'healthy' in list needs; did you mean 'health'?"]
    ),
    // "selected(${needs}, 'academic')" is 30 characters, " and " 31–35, "${freq}" 36–42, " = " 43–45.
    (
      "selected(${needs}, 'academic') and ${freq} = 'x'", nil,
      ["46: error: no choice 'x' in list freq"]
    ),
    ("not(selected(${needs}, 'x'))", nil, ["24: error: no choice 'x' in list needs"]),
    (
      "selected(${age}, 'x')", nil,
      ["1: error: selected() needs a select_multiple question; 'age' is a number"]
    ),
    (
      "count-selected(${name}) > 1", nil,
      ["1: error: count-selected() needs a select_multiple question; 'name' is text"]
    ),
    (
      "selected(${freq}, 'weekly')", nil,
      ["1: warning: 'freq' is a select_one question; selected() is meant for select_multiple"]
    ),
    ("selected(${calc}, 'x')", nil, []),
    (". >= 5", nil, ["1: error: '.' (this question's answer) can only be used in a constraint"]),
    (". >= 5", .number, []),
    ("selected(., 'c') and not(selected(., 'd'))", abcd, []),
    ("selected(., 'e')", abcd, ["13: error: no choice 'e' in list abcd"]),
    (
      "selected(., 'a')", .date,
      ["1: error: selected() needs a select_multiple question; this question is a date"]
    ),
    (
      "selectd(${needs}, 'a')", nil,
      ["1: error: unknown function 'selectd'; did you mean 'selected'?"]
    ),
    (
      "format-date(${dob}, '%Y') = '2015'", nil,
      ["1: warning: careeval does not evaluate the XLSForm function format-date()"]
    ),
    (
      "jr:choice-name(${freq}, '${freq}')", nil,
      ["1: warning: careeval does not evaluate the XLSForm function jr:choice-name()"]
    ),
    ("if(${age} > 1, 2)", nil, ["1: error: if() takes 3 arguments, not 2"]),
    (
      "${agge} + ${zzz}", nil,
      [
        "1: error: no question or scale named 'agge'; did you mean 'age'?",
        "11: error: no question or scale named 'zzz'",
      ]
    ),
    ("${freq} = ${freq}", nil, []),
    ("${calc} = 'anything'", nil, []),
  ]

  @Test(arguments: cases)
  func reportsStaticProblems(_ text: String, _ current: SymbolKind?, _ expected: [String]) throws {
    let issues = try ExpressionParser.parse(text).check(
      symbols: sampleSymbols, currentValue: current)
    #expect(issues.map(\.description) == expected)
  }

  static let types: [(String, SymbolKind)] = [
    ("${freq} = 'weekly'", .boolean),
    ("if(${age} > 5, 1, 0)", .boolean),
    ("if(${age} > 5, 2, 0)", .number),
    ("if(${age} > 1, true(), 0)", .boolean),
    ("if(${age} > 1, ${age}, true())", .unknown),
    ("coalesce(${age}, 0)", .number),
    ("coalesce(${calc}, 0)", .unknown),
    ("${age} + 1", .number),
    ("1", .number),
    ("-${age}", .number),
    ("selected(${needs}, 'academic') and ${flag}", .boolean),
    ("not(${flag})", .boolean),
    ("count-selected(${needs})", .number),
    ("concat(${name}, 'x')", .text),
    ("if(${age} > 5, ${freq}, 'x')", .text),
    ("${freq}", .selectOne(list: "freq", choices: ["daily", "weekly", "monthly", "never"])),
    ("${calc}", .unknown),
    ("${zzz}", .unknown),
    ("today()", .date),
    ("unknownfn(1)", .unknown),
    ("round(${age} div 3, 1)", .number),
    ("coalesce(1, 0)", .boolean),
    ("if(${age} > 1, if(${flag}, 1, 0), 2)", .number),
    ("if(${age} > 1, if(${flag}, 1, 0), ${flag})", .boolean),
  ]

  @Test(arguments: types)
  func infersTheValueType(_ text: String, _ expected: SymbolKind) throws {
    #expect(try ExpressionParser.parse(text).inferredType(symbols: sampleSymbols) == expected)
  }

  @Test func theCurrentValueHasTheQuestionsType() throws {
    let e = try ExpressionParser.parse(".")
    #expect(e.inferredType(symbols: sampleSymbols, currentValue: .date) == .date)
  }
}
