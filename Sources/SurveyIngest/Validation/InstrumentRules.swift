import SurveySchema

/// The expressions of one instrument bound to answer slots once, for every row:
/// relevant (the question's own and its groups'), required-when, constraint and
/// calculation.
///
/// Slots `0..<questions.count` are the analysable questions (as in
/// `Response.answers`); the form's metadata questions follow.
struct InstrumentRules: Sendable {
  /// A bound expression and its text for messages.
  struct Rule: Sendable {
    var bound: BoundExpression
    var text: String
  }

  /// The rules of one analysable question.
  struct QuestionRules: Sendable {
    /// Indices into `groupRelevant` of the enclosing groups that have a relevant, outermost first.
    var groups: [Int] = []
    var relevant: Rule?
    var requiredWhen: Rule?
    var isAlwaysRequired = false
    var constraint: Rule?
    /// The constraint message in plain words, if the form gives one.
    var constraintExplanation: String?
    var calculation: Rule?
  }

  let instrument: Instrument
  /// The relevant of each group of `instrument.groups`, or `nil` when it has none.
  private(set) var groupRelevant: [Rule?] = []
  private(set) var questions: [QuestionRules] = []
  /// Expressions that could not be bound; those checks are skipped.
  private(set) var notes: [Diagnostic] = []

  init(_ instrument: Instrument) {
    self.instrument = instrument
    var slots: [String: Int] = [:]
    for (slot, question) in instrument.questions.enumerated() where slots[question.name] == nil {
      slots[question.name] = slot
    }
    for (index, question) in instrument.metadata.enumerated() where slots[question.name] == nil {
      slots[question.name] = instrument.questions.count + index
    }
    groupRelevant = instrument.groups.map { group in
      bind(group.relevant, slots: slots, what: "the relevant of group '\(group.name)'")
    }
    questions = instrument.questions.map { question in
      var rules = QuestionRules()
      rules.groups = enclosingGroups(of: question).filter { groupRelevant[$0] != nil }
      rules.relevant = bind(
        question.relevant, slots: slots, what: "the relevant of '\(question.name)'")
      switch question.required {
      case .no: break
      case .yes: rules.isAlwaysRequired = true
      case .when(let source):
        rules.requiredWhen = bind(source, slots: slots, what: "the required of '\(question.name)'")
      }
      rules.constraint = bind(
        question.constraint, slots: slots, what: "the constraint of '\(question.name)'")
      rules.constraintExplanation = question.constraintMessage.text(
        for: "en", fallback: instrument.defaultLanguage)
      rules.calculation = bind(
        question.calculation, slots: slots, what: "the calculation of '\(question.name)'")
      return rules
    }
  }

  /// The indices in `instrument.groups` of the groups around a question, outermost first.
  private func enclosingGroups(of question: Question) -> [Int] {
    question.path.indices.compactMap { depth in
      let prefix = Array(question.path.prefix(depth))
      return instrument.groups.firstIndex { $0.name == question.path[depth] && $0.path == prefix }
    }
  }

  private mutating func bind(_ source: ExpressionSource?, slots: [String: Int], what: String)
    -> Rule?
  {
    guard let source, !source.text.isEmpty else { return nil }
    let formID = instrument.formID
    do {
      let expression = try ExpressionParser.parse(source.text)
      let bound = try expression.bind { reference throws(ExpressionError) in
        if let form = reference.form, form != formID {
          throw ExpressionError(
            "refers to form '\(form)'; only this form's answers are known while a row is read",
            at: reference.offset)
        }
        guard let slot = slots[reference.name] else {
          throw ExpressionError(
            "no question named '\(reference.name)' in form '\(formID)'", at: reference.offset)
        }
        return slot
      }
      return Rule(bound: bound, text: source.text)
    } catch {
      notes.append(
        Diagnostic(
          .warning, at: source.location(atOffset: error.offset),
          "\(what) cannot be evaluated (\(error.message)), so it is not checked"))
      return nil
    }
  }
}

/// The answers of one row as the expression language reads them.
struct RowContext: ExpressionContext {
  var answers: [Answer]
  var metadata: [Answer]
  var current: Answer
  var today: String

  func answer(slot: Int) -> Answer {
    if slot < answers.count { return answers[slot] }
    let index = slot - answers.count
    return metadata.indices.contains(index) ? metadata[index] : .notAsked
  }
}
