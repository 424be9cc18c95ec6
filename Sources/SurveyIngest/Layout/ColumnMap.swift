import SurveySchema

/// Which column of a data file feeds which question of its instrument: the result
/// of recognising an export layout against the form.
///
/// Build it with ``recognise(header:instrument:fileName:delimiter:)``. Columns are
/// matched through the form (names, group paths joined by `/` `-` or `.`, labels
/// in every language of the form, 问卷星 `N、题干` headers by label and number),
/// never by string rules alone.
public struct ColumnMap: Sendable, Hashable {
  /// What one column holds.
  public enum Role: Sendable, Hashable {
    /// The answer of the analysable question at this slot of `Instrument.questions`
    /// (for a select_multiple: the summary column of space- or `┋`-joined choices).
    case answer(question: Int)
    /// One tick-box column of a select_multiple question: `1`/`0` or `True`/`False`
    /// for the choice with this name.
    case option(question: Int, choice: String)
    /// The "other, please specify" text of a select question (`q_other`).
    case otherText(question: Int)
    /// A metadata question of the form (`start`, `end`, `deviceid`…), by its
    /// position in `Instrument.metadata`.
    case formMetadata(index: Int)
    /// A platform metadata column (`_uuid`, `SubmissionDate`, `序号`…).
    case platform(MetadataField)
    /// A column the ingest does not read, with the reason in plain words.
    case ignored(reason: String)
  }

  /// How a column was matched.
  public enum Match: String, Sendable, Hashable {
    /// The header is the question's name.
    case name
    /// The header is the name with its group path (`grp/q`, `grp-q`).
    case path
    /// The header is the question's label in one of the form's languages.
    case label
    /// The header is a 问卷星 `N、…` header whose text matched no label; the
    /// question was taken by its number.
    case order
    /// The header is a name spelt with other letter case (`Age` for `age`).
    case caseInsensitive = "case-insensitive"
    /// A platform or form metadata column.
    case metadata
    /// Nothing matched.
    case none
  }

  /// One column: where it is, its header and what it holds.
  public struct Column: Sendable, Hashable {
    /// The 0-based field index.
    public var index: Int
    /// The header text as in the file.
    public var header: String
    /// What the column holds.
    public var role: Role
    /// How it was matched.
    public var match: Match

    /// Creates a column.
    public init(index: Int, header: String, role: Role, match: Match) {
      self.index = index
      self.header = header
      self.role = role
      self.match = match
    }
  }

  /// The layout recognised.
  public var layout: ExportLayout
  /// Every header column, in file order.
  public var columns: [Column]
  /// The analysable questions (by slot) that no column feeds. Calculations are not
  /// listed: the ingest computes them.
  public var missingQuestions: [Int]

  /// Creates a column map.
  public init(layout: ExportLayout, columns: [Column], missingQuestions: [Int]) {
    self.layout = layout
    self.columns = columns
    self.missingQuestions = missingQuestions
  }

  /// The columns that feed the question at `slot` (answer, tick boxes and other text).
  public func columns(forQuestion slot: Int) -> [Column] {
    columns.filter {
      switch $0.role {
      case .answer(let q), .option(let q, _), .otherText(let q): q == slot
      default: false
      }
    }
  }

  /// The columns the ingest does not read.
  public var ignoredColumns: [Column] {
    columns.filter { if case .ignored = $0.role { true } else { false } }
  }
}
