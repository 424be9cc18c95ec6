import SurveySchema

/// One instrument made ready for generating responses: every question with its
/// relevance (own and enclosing groups'), constraint, requirement and calculation bound
/// to answer slots, so skip logic and rules come from the kit itself.
///
/// Plans and entries are immutable classes so that passing them around per response
/// costs a reference count, not a copy of every expression tree.
final class FormPlan: Sendable {
  final class Entry: Sendable {
    let question: Question
    let slot: Int
    /// All must be true for the question to be asked (groups outermost first, then its own).
    let relevance: [BoundExpression]
    let constraint: BoundExpression?
    let isRequired: Bool
    let requiredWhen: BoundExpression?
    let calculation: BoundExpression?
    /// Choice names of a select question, in sheet order.
    let choices: [String]
    let isMultiple: Bool
    /// How the model answers this question when it is a scale item (or `t_progress`).
    let item: ItemSpec?

    init(
      question: Question, slot: Int, relevance: [BoundExpression], constraint: BoundExpression?, isRequired: Bool,
      requiredWhen: BoundExpression?, calculation: BoundExpression?, choices: [String], isMultiple: Bool,
      item: ItemSpec?
    ) {
      self.question = question
      self.slot = slot
      self.relevance = relevance
      self.constraint = constraint
      self.isRequired = isRequired
      self.requiredWhen = requiredWhen
      self.calculation = calculation
      self.choices = choices
      self.isMultiple = isMultiple
      self.item = item
    }
  }

  let instrument: Instrument
  let entries: [Entry]
  /// Slot of each analysable question by name.
  let slots: [String: Int]

  init(_ instrument: Instrument, catalog: ItemCatalog) throws(DemoError) {
    self.instrument = instrument
    var slots: [String: Int] = [:]
    for (index, question) in instrument.questions.enumerated() { slots[question.name] = index }
    self.slots = slots
    let missing = instrument.questions.count
    let formID = instrument.formID
    func bind(_ source: ExpressionSource?, binding: Bool) throws(DemoError) -> BoundExpression? {
      guard let source, !source.text.isEmpty else { return nil }
      do {
        let parsed = binding ? try ExpressionParser.parseBinding(source.text) : try ExpressionParser.parse(source.text)
        return try parsed.bind { reference throws(ExpressionError) in
          let name = reference.form == formID ? reference.name : reference.text
          if let slot = slots[name] { return slot }
          if instrument.question(named: name) != nil { return missing }  // metadata or note: never answered
          throw ExpressionError("no question named '\(reference.text)' in \(formID)", at: reference.offset)
        }
      } catch {
        throw DemoError("\(source.location): \(error.message); run `careeval lint` on the kit")
      }
    }
    var groupRelevance: [String: ExpressionSource] = [:]
    for group in instrument.groups where group.relevant != nil {
      groupRelevance[(group.path + [group.name]).joined(separator: "/")] = group.relevant
    }
    var entries: [Entry] = []
    for (slot, question) in instrument.questions.enumerated() {
      var relevance: [BoundExpression] = []
      for depth in question.path.indices {
        let key = question.path[0...depth].joined(separator: "/")
        if let bound = try bind(groupRelevance[key], binding: true) { relevance.append(bound) }
      }
      if let bound = try bind(question.relevant, binding: true) { relevance.append(bound) }
      var isRequired = false
      var requiredWhen: BoundExpression?
      switch question.required {
      case .no: break
      case .yes: isRequired = true
      case .when(let source): requiredWhen = try bind(source, binding: true)
      }
      let list = question.type.choiceList.flatMap { instrument.choiceList(named: $0) }
      var isMultiple = false
      if case .selectMultiple = question.type { isMultiple = true }
      entries.append(
        Entry(
          question: question, slot: slot, relevance: relevance, constraint: try bind(question.constraint, binding: true),
          isRequired: isRequired, requiredWhen: requiredWhen, calculation: try bind(question.calculation, binding: false),
          choices: list?.names ?? [], isMultiple: isMultiple,
          item: catalog.spec(form: formID, question: question.name)))
    }
    self.entries = entries
  }

  /// The name of the metadata question of this kind (`start`, `end`), if the form has one.
  func metadataName(_ kind: MetadataKind) -> String? {
    instrument.metadata.first { $0.type == .metadata(kind) }?.name
  }
}

/// The answers of one response as they are filled in, readable by name, and the context
/// the kit's expressions are evaluated in.
struct FormAnswers: ExpressionContext {
  var answers: [Answer]
  var current: Answer = .blank
  let plan: FormPlan
  var today: String { "2026-05-15" }

  init(plan: FormPlan) {
    self.plan = plan
    answers = Array(repeating: .notAsked, count: plan.entries.count)
  }

  func answer(slot: Int) -> Answer { answers.indices.contains(slot) ? answers[slot] : .notAsked }

  /// The value answered to the question `name`, if any.
  func value(_ name: String) -> Value? {
    guard let slot = plan.slots[name] else { return nil }
    return answers[slot].value
  }

  /// The text of the answer to `name` (choice name, number as text), or `""`.
  func text(_ name: String) -> String { value(name)?.stringValue ?? "" }
}
