/// Who answers an instrument (the careeval `respondent` setting).
public enum Respondent: String, Sendable, Hashable, CaseIterable {
  /// The child register (一人一档): one row per child.
  case roster
  /// The volunteer register.
  case volunteer
  /// The child questionnaire.
  case child
  /// The guardian questionnaire.
  case guardian
  /// The head-teacher questionnaire.
  case teacher
}

/// One XLSForm instrument: a folder with survey.csv, choices.csv and settings.csv.
public struct Instrument: Sendable, Hashable {
  /// The `form_id` setting (also matches the data file name: `child.csv`).
  public var formID: String
  /// The `form_title` setting.
  public var title: String?
  /// The `version` setting.
  public var version: String?
  /// The `default_language` setting, mapped to a language code (`English (en)` -> `en`).
  public var defaultLanguage: String?
  /// Who answers; `nil` for a plain XLSForm without careeval settings.
  public var respondent: Respondent?
  /// The field holding the id of the child the response is about (`subject`).
  public var subjectField: String?
  /// The field holding the response id (`response_id`).
  public var responseIDField: String?
  /// The field holding the submission time (`submitted_at`).
  public var submittedAtField: String?
  /// Roster and volunteer register: the field holding the region code (`region`).
  public var regionField: String?
  /// Roster only: the sampling weight field (`weight`).
  public var weightField: String?
  /// Roster only: the stratum field (`strata`).
  public var strataField: String?
  /// Roster only: the primary sampling unit field (`psu`).
  public var psuField: String?
  /// The analysable questions in form order; an index here is the slot of the
  /// answer in `Response.answers`. Excludes notes, metadata, groups and questions
  /// inside repeats.
  public var questions: [Question]
  /// The metadata questions (`start`, `end`, `today`, `deviceid`…).
  public var metadata: [Question]
  /// Notes and questions inside repeat groups: loaded, referenced, not analysed.
  public var unanalysed: [Question]
  /// The groups and repeats in form order.
  public var groups: [QuestionGroup]
  /// The choice lists in sheet order.
  public var choiceLists: [ChoiceList]
  /// The instrument's folder, relative to the kit root (`child`), or `.` for a
  /// single instrument folder.
  public var folder: String
  /// The settings row; the column is the `form_id` cell (row 1 when there is no settings sheet).
  public var location: SourceLocation

  /// Creates an instrument.
  public init(
    formID: String, title: String? = nil, version: String? = nil, defaultLanguage: String? = nil,
    respondent: Respondent? = nil, subjectField: String? = nil, responseIDField: String? = nil,
    submittedAtField: String? = nil, regionField: String? = nil, weightField: String? = nil,
    strataField: String? = nil, psuField: String? = nil, questions: [Question] = [],
    metadata: [Question] = [], unanalysed: [Question] = [], groups: [QuestionGroup] = [],
    choiceLists: [ChoiceList] = [], folder: String, location: SourceLocation
  ) {
    self.formID = formID
    self.title = title
    self.version = version
    self.defaultLanguage = defaultLanguage
    self.respondent = respondent
    self.subjectField = subjectField
    self.responseIDField = responseIDField
    self.submittedAtField = submittedAtField
    self.regionField = regionField
    self.weightField = weightField
    self.strataField = strataField
    self.psuField = psuField
    self.questions = questions
    self.metadata = metadata
    self.unanalysed = unanalysed
    self.groups = groups
    self.choiceLists = choiceLists
    self.folder = folder
    self.location = location
  }

  /// The slot of the analysable question with this name in `questions` (and so in
  /// `Response.answers`), or `nil`.
  public func index(ofQuestion name: String) -> Int? {
    questions.firstIndex { $0.name == name }
  }

  /// The question (analysable, metadata or unanalysed) with this name, or `nil`.
  public func question(named name: String) -> Question? {
    questions.first { $0.name == name } ?? metadata.first { $0.name == name }
      ?? unanalysed.first { $0.name == name }
  }

  /// The choice list with this name, or `nil`.
  public func choiceList(named name: String) -> ChoiceList? {
    choiceLists.first { $0.name == name }
  }

  /// The `relevant` expressions that decide whether a question is asked: those of its
  /// enclosing groups, outermost first, then its own. The question is asked when all hold.
  public func relevance(of question: Question) -> [ExpressionSource] {
    let groupConditions = question.path.compactMap { name in
      groups.first { $0.name == name }?.relevant
    }
    return groupConditions + (question.relevant.map { [$0] } ?? [])
  }

  /// The choice list of a select question, or `nil` for other questions.
  public func choiceList(for question: Question) -> ChoiceList? {
    question.type.choiceList.flatMap { choiceList(named: $0) }
  }
}
