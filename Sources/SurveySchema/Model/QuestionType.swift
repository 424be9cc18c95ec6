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
  /// When the form was opened.
  case start
  /// When the form was finished.
  case end
  /// The day of the interview.
  case today
  /// The device's id (`imei` is an alias).
  case deviceid
  /// The SIM's subscriber id.
  case subscriberid
  /// The SIM's serial number.
  case simserial
  /// The device's phone number.
  case phonenumber
  /// The collector's user name.
  case username
  /// The collector's e-mail address.
  case email
  /// The form's audit log.
  case audit
  /// Where the form was opened.
  case startGeopoint = "start-geopoint"
  /// Audio recorded in the background.
  case backgroundAudio = "background-audio"
  /// Locations recorded in the background.
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
  /// Never required (`no`, `false`, blank).
  case no
  /// Always required (`yes`, `true`, `true()`).
  case yes
  /// Required when the expression is true (XLSForm passes other values through as XPath).
  case when(ExpressionSource)
}
