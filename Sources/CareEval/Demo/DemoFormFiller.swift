import SurveySchema

/// Fills in one response the way the form would let a respondent: questions in form
/// order, skipped when the kit's `relevant` (with the enclosing groups') is false,
/// computed from `calculation`, answered by the model, and checked against the kit's
/// `constraint` and `required`. A question the model does not know gets a generic answer
/// (a choice, a small number, a date), and `notes` says so.
struct FormFiller {
  /// Questions answered generically, or whose rules the model could not meet, deduplicated.
  private(set) var notes: Set<String> = []

  /// The filled-in answers. `answer` gives the model's answer to a question (nil = unknown).
  mutating func fill(
    _ plan: FormPlan, random: inout DemoRandom,
    answer: (FormPlan.Entry, FormAnswers, inout DemoRandom) -> Answer?
  ) -> FormAnswers {
    var form = FormAnswers(plan: plan)
    var groups = [Bool?](repeating: nil, count: plan.groupRelevance.count)
    for entry in plan.entries {
      guard plan.isAsked(entry, in: form, groupCache: &groups) else { continue }
      if let calculation = entry.calculation {
        form.answers[entry.slot] = Self.calculated(
          calculation.evaluate(semantics: .xlsform, in: form))
        continue
      }
      var result: Answer = .blank
      var attempts = 0
      while attempts < 25 {
        attempts += 1
        if let modelled = answer(entry, form, &random) {
          result = modelled
        } else {
          notes.insert(
            "\(plan.instrument.formID).\(entry.question.name): no model for this question; answered generically"
          )
          result = Self.generic(entry, random: &random)
        }
        if meetsConstraint(entry, result, form) { break }
        if attempts == 25 {
          notes.insert(
            "\(plan.instrument.formID).\(entry.question.name): could not meet the constraint; left blank"
          )
          result = .blank
        }
      }
      if result == .blank, isRequired(entry, form) {
        notes.insert(
          "\(plan.instrument.formID).\(entry.question.name): required but the model left it blank")
      }
      form.answers[entry.slot] = result
    }
    return form
  }

  private func meetsConstraint(_ entry: FormPlan.Entry, _ answer: Answer, _ form: FormAnswers)
    -> Bool
  {
    guard let constraint = entry.constraint, answer != .blank else { return true }
    var checking = form
    checking.current = answer
    return constraint.isTrue(semantics: .xlsform, in: checking) == true
  }

  private func isRequired(_ entry: FormPlan.Entry, _ form: FormAnswers) -> Bool {
    if entry.isRequired { return true }
    return entry.requiredWhen?.isTrue(semantics: .xlsform, in: form) == true
  }

  /// A calculation's result as it reads back from its column: `''` is blank, anything
  /// else the text the cell holds.
  static func calculated(_ value: Value?) -> Answer {
    guard let value else { return .blank }
    let text = value.stringValue
    return text.isEmpty ? .blank : .value(.string(text))
  }

  /// A plausible answer to a question the model knows nothing about.
  static func generic(_ entry: FormPlan.Entry, random: inout DemoRandom) -> Answer {
    let required = entry.isRequired
    switch entry.question.type {
    case .selectOne:
      guard !entry.choices.isEmpty else { return .blank }
      return .value(.string(random.pick(entry.choices)))
    case .selectMultiple:
      let exclusive: Set<String> = ["none", "none_solved", "dont_know"]
      let options = entry.choices.filter { !exclusive.contains($0) }
      var chosen = options.filter { _ in random.bernoulli(0.3) }
      if chosen.isEmpty, let first = entry.choices.first {
        chosen = [options.isEmpty ? first : random.pick(options)]
      }
      return .value(.choices(chosen))
    case .integer:
      return .value(.number(Double(random.int(in: 0...10))))
    case .decimal:
      return .value(.number(Double(random.int(in: 0...100)) / 10))
    case .date:
      return .value(
        .string(DemoDates.day(DemoDates.dayNumber(2024, 1, 1) + random.int(below: 800))))
    case .datetime:
      return .value(
        .string(DemoDates.Moment(seconds: (DemoCalendar.fieldworkStart + 10) * 86_400).isoLocal))
    case .text:
      return required || random.bernoulli(0.2) ? .value(.string("示例")) : .blank
    default:
      return .blank
    }
  }
}
