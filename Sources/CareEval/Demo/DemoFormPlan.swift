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
    /// The enclosing groups' relevance, as indices into `FormPlan.groupRelevance`.
    let groups: [Int]
    /// The question's own relevance.
    let own: BoundExpression?
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
      question: Question, slot: Int, groups: [Int], groupRelevance: [BoundExpression],
      own: BoundExpression?,
      constraint: BoundExpression?, isRequired: Bool,
      requiredWhen: BoundExpression?, calculation: BoundExpression?, choices: [String],
      isMultiple: Bool,
      item: ItemSpec?
    ) {
      self.question = question
      self.slot = slot
      self.groups = groups
      self.own = own
      relevance = groups.map { groupRelevance[$0] } + (own.map { [$0] } ?? [])
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
  /// The relevance of each group that has one, bound once.
  let groupRelevance: [BoundExpression]
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
        let parsed =
          binding
          ? try ExpressionParser.parseBinding(source.text) : try ExpressionParser.parse(source.text)
        return try parsed.bind { reference throws(ExpressionError) in
          let name = reference.form == formID ? reference.name : reference.text
          if let slot = slots[name] { return slot }
          // A metadata question or a note: never answered.
          if instrument.question(named: name) != nil { return missing }
          throw ExpressionError(
            "no question named '\(reference.text)' in \(formID)", at: reference.offset)
        }
      } catch {
        throw DemoError("\(source.location): \(error.message); run `careeval lint` on the kit")
      }
    }
    var groupSources: [String: ExpressionSource] = [:]
    for group in instrument.groups where group.relevant != nil {
      groupSources[(group.path + [group.name]).joined(separator: "/")] = group.relevant
    }
    var groupIndex: [String: Int] = [:]
    var groupRelevance: [BoundExpression] = []
    var entries: [Entry] = []
    for (slot, question) in instrument.questions.enumerated() {
      var groups: [Int] = []
      for depth in question.path.indices {
        let key = question.path[0...depth].joined(separator: "/")
        if let known = groupIndex[key] {
          groups.append(known)
        } else if let bound = try bind(groupSources[key], binding: true) {
          groupIndex[key] = groupRelevance.count
          groups.append(groupRelevance.count)
          groupRelevance.append(bound)
        }
      }
      let own = try bind(question.relevant, binding: true)
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
          question: question, slot: slot, groups: groups, groupRelevance: groupRelevance, own: own,
          constraint: try bind(question.constraint, binding: true),
          isRequired: isRequired, requiredWhen: requiredWhen,
          calculation: try bind(question.calculation, binding: false),
          choices: list?.names ?? [], isMultiple: isMultiple,
          item: catalog.spec(form: formID, question: question.name)))
    }
    self.entries = entries
    self.groupRelevance = groupRelevance
  }

  /// Whether `entry` is asked, given the answers so far. A group's relevance is evaluated
  /// once per response (at its first question: it can only refer to earlier answers) and
  /// kept in `groupCache`, which starts as `nil` for every group.
  func isAsked(_ entry: Entry, in form: FormAnswers, groupCache: inout [Bool?]) -> Bool {
    for group in entry.groups {
      let asked: Bool
      if let known = groupCache[group] {
        asked = known
      } else {
        asked = groupRelevance[group].isTrue(semantics: .xlsform, in: form) == true
        groupCache[group] = asked
      }
      if !asked { return false }
    }
    return entry.own.map { $0.isTrue(semantics: .xlsform, in: form) == true } ?? true
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
