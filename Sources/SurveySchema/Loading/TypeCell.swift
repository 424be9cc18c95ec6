/// The meaning of a `type` cell of the survey sheet.
enum TypeCell: Hashable, Sendable {
  /// A question (or calculate, note, metadata); `asText` is set when careeval keeps
  /// an XLSForm type it does not analyse separately as text (the reason, for a note).
  case question(QuestionType, asText: String?)
  case beginGroup
  case endGroup
  /// `begin repeat`, or a legacy `begin loop over LIST` (with the list).
  case beginRepeat(loopList: String?)
  case endRepeat(loop: Bool)
  /// A select type written without its list name.
  case missingList(String)
  /// A type careeval does not know.
  case unknown

  /// The types listed in the "unknown type" message, in the order a reader looks for them.
  static let knownTypes = [
    "integer", "decimal", "range", "text", "select_one LIST", "select_multiple LIST", "rank LIST",
    "date",
    "datetime", "time", "calculate", "note", "acknowledge", "hidden", "begin group", "end group",
    "begin repeat",
    "end repeat", "geopoint", "geotrace", "geoshape", "image", "audio", "video", "file", "barcode",
    "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username",
    "email", "audit",
  ]

  /// Parses a type cell: whitespace runs collapse, spelling is case-insensitive
  /// (`dateTime`), pyxform's aliases are accepted (`int`, `string`, `select one from L`,
  /// `select all that apply from L`, `select1 L`, `begin_group`, `begin loop over L`),
  /// and a select may end in `or_other` / `or specify other`.
  static func parse(_ cell: String) -> TypeCell {
    let words = cell.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    let phrase = words.map { $0.lowercased() }.joined(separator: " ")
    if let simple = simpleTypes[phrase] { return simple }
    return parseSelect(words: words) ?? parseLoop(words: words) ?? .unknown
  }

  private static func parseLoop(words: [String]) -> TypeCell? {
    let lower = words.map { $0.lowercased() }
    if lower.count == 4, lower[0] == "begin", lower[1] == "loop", lower[2] == "over" {
      return .beginRepeat(loopList: words[3])
    }
    if lower.count == 3, lower[0] == "begin_loop" || (lower[0] == "begin" && lower[1] == "loop") {
      return .beginRepeat(loopList: words[2])
    }
    return nil
  }

  private static func parseSelect(words: [String]) -> TypeCell? {
    var words = words
    var lower = words.map { $0.lowercased() }
    var orOther = false
    if lower.last == "or_other" {
      orOther = true
      words.removeLast()
      lower.removeLast()
    } else if lower.count >= 3, lower.suffix(3) == ["or", "specify", "other"] {
      orOther = true
      words.removeLast(3)
      lower.removeLast(3)
    }
    for (prefix, kind) in selectPrefixes where lower.starts(with: prefix) {
      let rest = words.dropFirst(prefix.count)
      let name = prefix.joined(separator: " ")
      guard let list = rest.first, rest.count == 1 else {
        return rest.isEmpty ? .missingList(name) : nil
      }
      switch kind {
      case .one: return .question(.selectOne(list: list), asText: nil)
      case .multiple: return .question(.selectMultiple(list: list, orOther: orOther), asText: nil)
      case .asText(let why): return .question(.text, asText: why)
      }
    }
    return nil
  }

  private enum SelectKind {
    case one, multiple
    case asText(String)
  }

  /// Select spellings, longest first so that `select one from` wins over `select one`.
  private static let selectPrefixes: [([String], SelectKind)] = [
    (["add", "select", "one", "prompt", "using"], .one),
    (["add", "select", "multiple", "prompt", "using"], .multiple),
    (["select", "all", "that", "apply", "from"], .multiple),
    (
      ["select", "one", "from", "file"], .asText("choices from an external file cannot be checked")
    ),
    (
      ["select", "multiple", "from", "file"],
      .asText("choices from an external file cannot be checked")
    ),
    (["select", "multiple", "from"], .multiple),
    (["select", "all", "that", "apply"], .multiple),
    (["select", "one", "from"], .one),
    (["select", "one", "using"], .one),
    (["select", "multiple", "using"], .multiple),
    (["select", "one"], .one),
    (["select_one_from_file"], .asText("choices from an external file cannot be checked")),
    (["select_multiple_from_file"], .asText("choices from an external file cannot be checked")),
    (["select_one_external"], .asText("external choices are not in choices.csv")),
    (["select_one"], .one),
    (["select1"], .one),
    (["select_multiple"], .multiple),
    (["rank"], .asText("rank answers are kept as text")),
    (["osm"], .asText("OpenStreetMap answers are kept as text")),
  ]

  private static let simpleTypes: [String: TypeCell] = {
    var table: [String: TypeCell] = [
      "integer": .question(.integer, asText: nil), "int": .question(.integer, asText: nil),
      "decimal": .question(.decimal, asText: nil), "range": .question(.decimal, asText: nil),
      "text": .question(.text, asText: nil), "string": .question(.text, asText: nil),
      "hidden": .question(.text, asText: nil),
      "date": .question(.date, asText: nil),
      "datetime": .question(.datetime, asText: nil), "date time": .question(.datetime, asText: nil),
      "calculate": .question(.calculate, asText: nil),
      "note": .question(.note, asText: nil),
      "begin group": .beginGroup, "begin_group": .beginGroup, "end group": .endGroup,
      "end_group": .endGroup,
      "begin repeat": .beginRepeat(loopList: nil), "begin_repeat": .beginRepeat(loopList: nil),
      "end repeat": .endRepeat(loop: false), "end_repeat": .endRepeat(loop: false),
      "end loop": .endRepeat(loop: true), "end_loop": .endRepeat(loop: true),
      "imei": .question(.metadata(.deviceid), asText: nil),
    ]
    for kind in MetadataKind.allCases {
      table[kind.rawValue] = .question(.metadata(kind), asText: nil)
    }
    let asText: [String: String] = [
      "time": "time answers are kept as text",
      "acknowledge": "acknowledge answers are kept as text",
      "trigger": "acknowledge answers are kept as text",
      "geopoint": "geo answers are kept as text", "geotrace": "geo answers are kept as text",
      "geoshape": "geo answers are kept as text", "gps": "geo answers are kept as text",
      "location": "geo answers are kept as text",
      "image": "media answers are kept as text (the file name)",
      "photo": "media answers are kept as text (the file name)",
      "audio": "media answers are kept as text (the file name)",
      "video": "media answers are kept as text (the file name)",
      "file": "media answers are kept as text (the file name)",
      "barcode": "barcode answers are kept as text",
    ]
    for (name, why) in asText { table[name] = .question(.text, asText: why) }
    for name in ["xml-external", "csv-external"] {
      table[name] = .question(.note, asText: "external data attachments are not analysed")
    }
    return table
  }()
}
