import CSVStream
import SurveySchema

/// Tick boxes and the evaluation helpers of the row checks.
extension RowChecker {
  /// Combines the tick-box columns of a select_multiple question.
  func ticks(_ record: CSVRawRecord, slot: Int, feeds: FilePlan.Feeds) -> (DecodedCell, Int) {
    var names: [String] = []
    var sawAnswer = false
    var notAsked = false
    for option in feeds.options {
      switch QuestionDecoder.tick(record.bytes(at: option.column), layout: plan.map.layout) {
      case .value(.bool(true)):
        sawAnswer = true
        guard option.known else {
          return (.invalid(.notChoice(token: option.choice)), option.column)
        }
        if !names.contains(option.choice) { names.append(option.choice) }
      case .value: sawAnswer = true
      case .notAsked: notAsked = true
      case .blank: break
      case .invalid(let fault): return (.invalid(fault), option.column)
      }
    }
    let first = feeds.options.first?.column ?? -1
    if sawAnswer { return (.value(.choices(names)), first) }
    return (notAsked ? .notAsked : .blank, first)
  }

  func columnOf(_ slot: Int) -> Int? { plan.columnOf(slot) }

  /// A constraint's result for an answer, remembered for constraints that read only `.`.
  mutating func constraintHolds(
    _ rule: InstrumentRules.Rule, slot: Int, value: Value, _ answers: [Answer], _ metadata: [Answer]
  ) -> Bool {
    if case .number(let x) = value, let constraint = numberConstraint(slot) {
      return constraint.holds(x)
    }
    if let known = constraintMemo[slot]?[value] { return known }
    let result = holds(rule, answers, metadata, current: .value(value))
    if let count = constraintMemo[slot]?.count, count < memoLimit {
      constraintMemo[slot]?[value] = result
    }
    return result
  }

  /// Whether an expression calls `today()` or `now()`, whose results change over time.
  static func readsClock(_ expression: Expression) -> Bool {
    switch expression {
    case .number, .string, .reference, .currentValue: false
    case .negate(let operand, _): readsClock(operand)
    case .binary(_, let left, let right, _): readsClock(left) || readsClock(right)
    case .call(let name, let arguments, _):
      name == "today" || name == "now" || arguments.contains(where: readsClock)
    }
  }

  func holds(
    _ rule: InstrumentRules.Rule, _ answers: [Answer], _ metadata: [Answer], current: Answer
  ) -> Bool {
    let context = RowContext(answers: answers, metadata: metadata, current: current, today: today)
    return rule.bound.isTrue(semantics: .xlsform, in: context) ?? false
  }

  func calculated(_ rule: InstrumentRules.Rule, _ answers: [Answer], _ metadata: [Answer])
    -> Answer
  {
    let context = RowContext(answers: answers, metadata: metadata, current: .blank, today: today)
    switch rule.bound.evaluate(semantics: .xlsform, in: context) {
    case nil, .string("")?: return .blank
    case .number(let x)? where !x.isFinite: return .blank
    case let value?: return .value(value)
    }
  }

  func isBlank(_ answer: Answer) -> Bool {
    switch answer {
    case .blank: true
    case .value(.choices(let names)): names.isEmpty
    case .value(.string(let text)): text.isEmpty
    default: false
    }
  }

  func isAnswered(_ answer: Answer) -> Bool {
    if case .value = answer { return !isBlank(answer) }
    return false
  }
}
