/// One row of an instrument's `survey` sheet that collects or computes a value.
public struct Question: Sendable, Hashable {
  /// The question's name, unique in its form (the data file's column).
  public var name: String
  /// The names of the enclosing groups, outermost first; exports may prefix them.
  public var path: [String]
  /// The resolved type.
  public var type: QuestionType
  /// The type cell as written (for messages), for example `select one from freq`.
  public var typeText: String
  /// Labels by language.
  public var labels: LocalizedText
  /// Hints by language.
  public var hints: LocalizedText
  /// Whether an answer is required.
  public var required: Requirement
  /// When the question is asked (XLSForm `relevant`); `nil` = always.
  public var relevant: ExpressionSource?
  /// The rule an answer must meet; `.` is the answer itself.
  public var constraint: ExpressionSource?
  /// What to tell the respondent when the constraint fails, by language.
  public var constraintMessage: LocalizedText
  /// The expression of a `calculate` question.
  public var calculation: ExpressionSource?
  /// The careeval `privacy` extension.
  public var privacy: Privacy?
  /// The XLSForm `appearance` cell, if any (display only).
  public var appearance: String?
  /// Whether the question sits inside a repeat group (not analysed: exports put
  /// repeats in separate files).
  public var isInRepeat: Bool
  /// The question's row; the column is the `name` cell.
  public var location: SourceLocation

  /// Creates a question.
  public init(
    name: String, path: [String] = [], type: QuestionType, typeText: String,
    labels: LocalizedText = .init(), hints: LocalizedText = .init(),
    required: Requirement = .no, relevant: ExpressionSource? = nil,
    constraint: ExpressionSource? = nil, constraintMessage: LocalizedText = .init(),
    calculation: ExpressionSource? = nil, privacy: Privacy? = nil,
    appearance: String? = nil, isInRepeat: Bool = false, location: SourceLocation
  ) {
    self.name = name
    self.path = path
    self.type = type
    self.typeText = typeText
    self.labels = labels
    self.hints = hints
    self.required = required
    self.relevant = relevant
    self.constraint = constraint
    self.constraintMessage = constraintMessage
    self.calculation = calculation
    self.privacy = privacy
    self.appearance = appearance
    self.isInRepeat = isInRepeat
    self.location = location
  }

  /// The group path and name joined with `/` (`grp/q`), as Kobo exports head columns.
  public var qualifiedName: String { (path + [name]).joined(separator: "/") }
}

/// A `begin group` … `end group` or `begin repeat` … `end repeat` block.
public struct QuestionGroup: Sendable, Hashable {
  /// The group's name.
  public var name: String
  /// The names of the enclosing groups, outermost first.
  public var path: [String]
  /// Labels by language.
  public var labels: LocalizedText
  /// The group's `relevant`: it applies to every question inside.
  public var relevant: ExpressionSource?
  /// Whether this is a repeat group (or a legacy loop).
  public var isRepeat: Bool
  /// For a legacy `begin loop over LIST`: the list whose choices the loop repeats
  /// over (`%(name)s` and `%(label)s` in its questions stand for each choice).
  public var loopList: String?
  /// The `begin` row; the column is the `name` cell.
  public var location: SourceLocation

  /// Creates a group.
  public init(
    name: String, path: [String] = [], labels: LocalizedText = .init(),
    relevant: ExpressionSource? = nil, isRepeat: Bool = false, loopList: String? = nil,
    location: SourceLocation
  ) {
    self.name = name
    self.path = path
    self.labels = labels
    self.relevant = relevant
    self.isRepeat = isRepeat || loopList != nil
    self.loopList = loopList
    self.location = location
  }
}
