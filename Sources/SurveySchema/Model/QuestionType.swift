/// What kind of answer a question collects, as careeval analyses it.
///
/// XLSForm spellings and aliases (`int`, `string`, `select one from L`, `select1`,
/// `dateTime`…) are resolved when a form is loaded; the original spelling stays in
/// `Question.typeText`. Types careeval does not analyse separately (media, geo,
/// barcode, time, range, rank…) load as `.text` with a lint note.
public enum QuestionType: Sendable, Hashable {
  /// A whole number (`integer`, `int`).
  case integer
  /// A number (`decimal`; also `range`).
  case decimal
  /// Free text, and every type kept as text (media, geo, barcode, time…).
  case text
  /// One choice from the named list; the answer is the choice name.
  case selectOne(list: String)
  /// Several choices from the named list, stored space-separated; `orOther` when
  /// the form adds an "other, specify" option (`or_other`).
  case selectMultiple(list: String, orOther: Bool)
  /// A calendar date, ISO `YYYY-MM-DD`.
  case date
  /// A date and time, ISO 8601.
  case datetime
  /// A value computed from the `calculation` expression.
  case calculate
  /// Display-only text; collects nothing.
  case note
  /// Data the collecting device records by itself (`start`, `end`, `deviceid`…).
  case metadata(MetadataKind)

  /// The list name of a select question, or `nil`.
  public var choiceList: String? {
    switch self {
    case .selectOne(let list), .selectMultiple(let list, _): list
    default: nil
    }
  }

  /// Whether answers are numbers (integer or decimal).
  public var isNumeric: Bool {
    switch self {
    case .integer, .decimal: true
    default: false
    }
  }
}

/// The metadata question types of XLSForm: values the device records itself.
public enum MetadataKind: String, Sendable, Hashable, CaseIterable {
  case start, end, today, deviceid, subscriberid, simserial, phonenumber, username, email, audit
  case startGeopoint = "start-geopoint"
  case backgroundAudio = "background-audio"
  case backgroundGeopoint = "background-geopoint"
}

/// How a question's answers must be protected in reports and exports.
public enum Privacy: String, Sendable, Hashable, CaseIterable {
  /// Identifies a person (name, phone, id number); may be pseudonymised, never shown.
  case identifier
  /// Sensitive content (health, abuse); never shown per person.
  case sensitive
}

/// Whether an answer is required: never, always, or when an expression holds.
public enum Requirement: Sendable, Hashable {
  case no
  case yes
  /// Required when the expression is true (XLSForm passes other values through as XPath).
  case when(ExpressionSource)
}
