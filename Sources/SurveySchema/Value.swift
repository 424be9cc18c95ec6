/// A value as the expression language and the typed responses see it.
///
/// XLSForm stores every answer as text; careeval keeps the type the form declares:
/// integers and decimals are `.number`, select_one answers are the choice *name* as
/// `.string`, select_multiple answers are the selected names in answer order as
/// `.choices`, dates are ISO `YYYY-MM-DD` text as `.string`, booleans come from
/// comparisons and logic.
public enum Value: Sendable, Hashable {
  case number(Double)
  case string(String)
  case bool(Bool)
  case choices([String])
}

/// One answer in a typed response. Three states stay distinct (issue 5):
/// a question that was not asked (its `relevant` was false), one that was asked and
/// left blank, and one that was answered (which may be `0` or an empty selection).
public enum Answer: Sendable, Hashable {
  case notAsked
  case blank
  case value(Value)

  /// The answer's value, or `nil` when it was not asked or left blank.
  public var value: Value? {
    if case .value(let v) = self { return v }
    return nil
  }
}

/// One accepted row of an instrument's data file, decoded against its form.
///
/// `answers` is indexed like the instrument's analysable questions
/// (`Instrument.questions`), so looking up an answer never hashes a string.
public struct Response: Sendable, Hashable {
  /// The instrument's form_id (for example `child`).
  public var form: String
  /// The response id (`settings.response_id` field, `_uuid`, `KEY`, `序号`…), if any.
  public var responseID: String?
  /// The child id the response is about (`settings.subject`), if the instrument has one.
  public var subject: String?
  /// Submission time as ISO 8601 text, used to keep the latest of duplicates.
  public var submittedAt: String?
  /// Where the row came from (file, spreadsheet row of the record, column 0).
  public var source: SourceLocation
  public var answers: [Answer]

  public init(
    form: String, responseID: String?, subject: String?, submittedAt: String?,
    source: SourceLocation, answers: [Answer]
  ) {
    self.form = form
    self.responseID = responseID
    self.subject = subject
    self.submittedAt = submittedAt
    self.source = source
    self.answers = answers
  }
}
