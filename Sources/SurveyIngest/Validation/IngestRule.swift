import SurveySchema

/// A rule a data row is checked against. The raw value is the name written in
/// rejects.csv, quality.json and at the end of every message (`[choice]`).
///
/// Row-level rules always reject the row. Cell-level rules reject it by default;
/// with ``InvalidCellPolicy/blank`` the cell is blanked and the row kept. Warnings
/// never reject.
public enum IngestRule: String, Sendable, Hashable, CaseIterable, Comparable {
  /// The record could not be read as CSV: a broken quote, bad bytes, a NUL, a field
  /// past the length limit.
  case brokenRow = "broken-row"
  /// The record has more or fewer fields than the header.
  case fieldCount = "field-count"
  /// The field naming the child (or volunteer) the response is about is blank.
  case noSubject = "no-subject"
  /// The response is about a child who is not in the child register.
  case unlinked
  /// The response id was already used by an earlier row.
  case duplicateID = "duplicate-id"
  /// The same child (or volunteer) answered the instrument again; the latest by
  /// submission time is kept.
  case duplicateSubject = "duplicate-subject"
  /// A value that is not of the question's type (number, date, tick box).
  case type
  /// A value that is not a choice of the question's list.
  case choice
  /// A required question left blank although it was asked.
  case required
  /// An answer that breaks the question's constraint.
  case constraint
  /// A region code the kit does not know, or of the wrong shape.
  case region
  /// An answer to a question that was not asked (its relevant was false): the
  /// answer is ignored (warning).
  case notRelevant = "not-relevant"
  /// A volunteer id in the child register that the volunteer register lacks (warning).
  case unknownVolunteer = "unknown-volunteer"

  /// Whether a problem under this rule rejects the whole row whatever the policy.
  public var isRowLevel: Bool {
    switch self {
    case .brokenRow, .fieldCount, .noSubject, .unlinked, .duplicateID, .duplicateSubject: true
    default: false
    }
  }

  /// Whether the rule only warns (the row and the answer's status are kept or only
  /// the answer is ignored).
  public var isWarning: Bool { self == .notRelevant || self == .unknownVolunteer }

  /// The severity of a problem under this rule.
  public var severity: Diagnostic.Severity { isWarning ? .warning : .error }

  public static func < (a: IngestRule, b: IngestRule) -> Bool { a.order < b.order }

  private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// What ingest does with a row whose only problems are in cells (type, choice,
/// required, constraint, region).
public enum InvalidCellPolicy: String, Sendable, Hashable, CaseIterable {
  /// Reject the row (the default): strict, every answer of an accepted row is valid.
  case reject
  /// Blank the invalid cells and keep the row; rejects.csv still lists each
  /// original value, so a child's other answers are not lost.
  case blank
}
