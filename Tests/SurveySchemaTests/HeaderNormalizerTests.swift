import Testing

@testable import SurveySchema

/// pyxform's header rules (parsing/sheet_headers.py and aliases.py, read as the
/// reference): trim, case-fold, whitespace runs to `_`, aliases, and the `::` / `:`
/// language separator rule.
@Suite struct HeaderNormalizerTests {
  struct Case: Sendable, CustomStringConvertible {
    var header: String
    var kind: SheetKind
    var doubleColon: Bool
    var expected: HeaderMeaning
    var description: String { "\(kind.rawValue): '\(header)'" }
  }

  static let cases: [Case] = [
    Case(
      header: "type", kind: .survey, doubleColon: false, expected: .column("type", language: nil)),
    Case(
      header: "TYPE", kind: .survey, doubleColon: false, expected: .column("type", language: nil)),
    Case(
      header: "  Name ", kind: .survey, doubleColon: false, expected: .column("name", language: nil)
    ),
    Case(
      header: "list name", kind: .choices, doubleColon: false,
      expected: .column("list_name", language: nil)),
    Case(
      header: "List  Name", kind: .choices, doubleColon: false,
      expected: .column("list_name", language: nil)),
    Case(
      header: "LIST_NAME", kind: .choices, doubleColon: false,
      expected: .column("list_name", language: nil)),
    Case(
      header: "relevance", kind: .survey, doubleColon: false,
      expected: .column("relevant", language: nil)),
    Case(
      header: "bind:relevant", kind: .survey, doubleColon: false,
      expected: .column("relevant", language: nil)),
    Case(
      header: "bind:relevant", kind: .survey, doubleColon: true,
      expected: .column("relevant", language: nil)),
    Case(
      header: "bind::relevant", kind: .survey, doubleColon: true,
      expected: .column("relevant", language: nil)),
    Case(
      header: "bind:constraint", kind: .survey, doubleColon: false,
      expected: .column("constraint", language: nil)),
    Case(
      header: "caption", kind: .survey, doubleColon: false,
      expected: .column("label", language: nil)),
    Case(
      header: "constraint message", kind: .survey, doubleColon: false,
      expected: .column("constraint_message", language: nil)),
    Case(
      header: "bind:jr:constraintMsg", kind: .survey, doubleColon: false,
      expected: .column("constraint_message", language: nil)),
    Case(
      header: "calculate", kind: .survey, doubleColon: false,
      expected: .column("calculation", language: nil)),
    Case(header: "readonly", kind: .survey, doubleColon: false, expected: .ignored("read_only")),
    Case(header: "read_only", kind: .survey, doubleColon: false, expected: .ignored("read_only")),
    Case(header: "jr:count", kind: .survey, doubleColon: false, expected: .ignored("repeat_count")),
    Case(
      header: "choice_filter", kind: .survey, doubleColon: false,
      expected: .ignored("choice_filter")),
    Case(
      header: "CHOICE_FILTER", kind: .survey, doubleColon: true, expected: .ignored("choice_filter")
    ),
    Case(
      header: "label::English (en)", kind: .survey, doubleColon: true,
      expected: .column("label", language: "en")),
    Case(
      header: "label::中文 (zh)", kind: .survey, doubleColon: true,
      expected: .column("label", language: "zh")),
    Case(
      header: "label::中文（zh）", kind: .survey, doubleColon: true,
      expected: .column("label", language: "zh")),
    Case(
      header: "label::zh", kind: .survey, doubleColon: true,
      expected: .column("label", language: "zh")),
    Case(
      header: "LABEL::EN", kind: .survey, doubleColon: true,
      expected: .column("label", language: "en")),
    Case(
      header: "label::chinese", kind: .choices, doubleColon: true,
      expected: .column("label", language: "zh")),
    Case(
      header: "hint::Español (es)", kind: .survey, doubleColon: true,
      expected: .column("hint", language: "es")),
    Case(
      header: "constraint_message::English (en)", kind: .survey, doubleColon: true,
      expected: .column("constraint_message", language: "en")),
    // A single colon separates the language only when no header of the sheet uses `::`.
    Case(
      header: "label:English", kind: .survey, doubleColon: false,
      expected: .column("label", language: "en")),
    Case(header: "label:English", kind: .survey, doubleColon: true, expected: .unknown),
    Case(header: "image::english", kind: .survey, doubleColon: true, expected: .ignored("image")),
    Case(
      header: "media::audio::chinese", kind: .survey, doubleColon: true, expected: .ignored("audio")
    ),
    Case(header: "required::en", kind: .survey, doubleColon: true, expected: .unknown),
    Case(header: "tutorial notes", kind: .survey, doubleColon: false, expected: .unknown),
    Case(header: "", kind: .survey, doubleColon: false, expected: .empty),
    Case(header: "   ", kind: .survey, doubleColon: false, expected: .empty),
    Case(
      header: "id_string", kind: .settings, doubleColon: false,
      expected: .column("form_id", language: nil)),
    Case(
      header: "FORM_ID", kind: .settings, doubleColon: false,
      expected: .column("form_id", language: nil)),
    Case(
      header: "value", kind: .choices, doubleColon: false, expected: .column("value", language: nil)
    ),
    Case(
      header: "name::zh", kind: .regions, doubleColon: true,
      expected: .column("name", language: "zh")),
    Case(
      header: "parent_code", kind: .regions, doubleColon: false,
      expected: .column("parent", language: nil)),
    Case(
      header: "label::English (en)", kind: .indicators, doubleColon: true,
      expected: .column("label", language: "en")),
  ]

  @Test(arguments: cases) func headerMeansTheCanonicalColumn(_ test: Case) {
    #expect(
      HeaderNormalizer.meaning(of: test.header, kind: test.kind, doubleColon: test.doubleColon)
        == test.expected)
  }

  @Test func snakeCaseTrimsFoldsAndJoinsWithUnderscores() {
    #expect(HeaderNormalizer.snakeCase("  Constraint   Message\t") == "constraint_message")
  }

  @Test func singleColonSplitKeepsJRPrefixesTogether() {
    #expect(
      HeaderNormalizer.split("bind:jr:constraintMsg:English", doubleColon: false) == [
        "bind", "jr:constraintMsg", "English",
      ])
  }

  @Test(arguments: [
    ("English (en)", "en"), ("中文 (zh)", "zh"), ("zh", "zh"), ("EN", "en"), ("French (fr)", "fr"),
    ("Chinese", "zh"), ("中文", "zh"), ("default", ""), ("Español", "español"),
  ])
  func languageCodes(_ written: String, _ code: String) {
    #expect(HeaderNormalizer.languageCode(written) == code)
  }
}

/// The `type` cell: XLSForm types, pyxform's aliases, and what careeval keeps as text.
@Suite struct TypeCellTests {
  @Test(arguments: [
    ("integer", TypeCell.question(.integer, asText: nil)),
    ("int", .question(.integer, asText: nil)),
    ("decimal", .question(.decimal, asText: nil)),
    ("string", .question(.text, asText: nil)),
    ("dateTime", .question(.datetime, asText: nil)),
    ("select_one freq", .question(.selectOne(list: "freq"), asText: nil)),
    ("select one from yes_no", .question(.selectOne(list: "yes_no"), asText: nil)),
    ("select1 Freq", .question(.selectOne(list: "Freq"), asText: nil)),
    (
      "select_multiple  happy_sad",
      .question(.selectMultiple(list: "happy_sad", orOther: false), asText: nil)
    ),
    (
      "select all that apply from list",
      .question(.selectMultiple(list: "list", orOther: false), asText: nil)
    ),
    (
      "select_multiple help or_other",
      .question(.selectMultiple(list: "help", orOther: true), asText: nil)
    ),
    (
      "select all that apply from transport_types or specify other",
      .question(.selectMultiple(list: "transport_types", orOther: true), asText: nil)
    ),
    ("begin group", .beginGroup), ("begin_group", .beginGroup), ("End Group", .endGroup),
    ("begin repeat", .beginRepeat(loopList: nil)), ("end_repeat", .endRepeat(loop: false)),
    ("begin loop over transport_types", .beginRepeat(loopList: "transport_types")),
    ("end loop", .endRepeat(loop: true)),
    ("start", .question(.metadata(.start), asText: nil)),
    ("imei", .question(.metadata(.deviceid), asText: nil)),
    ("calculate", .question(.calculate, asText: nil)), ("note", .question(.note, asText: nil)),
    ("select_one", .missingList("select_one")),
    ("integr", .unknown), ("select_one a b", .unknown),
  ])
  func parsesTypeCells(_ cell: String, _ expected: TypeCell) {
    #expect(TypeCell.parse(cell) == expected)
  }

  @Test func mediaTypesLoadAsTextWithAReason() {
    #expect(
      TypeCell.parse("image")
        == .question(.text, asText: "media answers are kept as text (the file name)"))
    #expect(TypeCell.parse("geopoint") == .question(.text, asText: "geo answers are kept as text"))
  }
}
