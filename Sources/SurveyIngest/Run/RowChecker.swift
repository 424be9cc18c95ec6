import CSVStream
import SurveySchema

/// A problem in one cell of a row (or with one question of it).
struct CellIssue: Sendable {
  var rule: IngestRule
  /// The 0-based column, or `nil` when the question has no column.
  var column: Int?
  var message: String
  /// The slot of the question, if the issue is about one.
  var slot: Int?
}

/// The decoded and checked answers of one row.
struct CheckedRow: Sendable {
  var answers: [Answer]
  var metadata: [Answer]
  var issues: [CellIssue]

  /// Whether any issue is a cell error (not a warning).
  var hasCellErrors: Bool { issues.contains { !$0.rule.isWarning } }
}

/// Decodes the cells of a row against its file plan and checks them against the
/// instrument's rules: type and choice, relevant (XLSForm: a question that is not
/// relevant is not asked), calculations, required, constraint.
struct RowChecker {
  let plan: FilePlan
  let rules: InstrumentRules
  let today: String
  private let questions: [Question]

  init(plan: FilePlan, rules: InstrumentRules, today: String) {
    self.plan = plan
    self.rules = rules
    self.today = today
    questions = rules.instrument.questions
  }

  private struct Fault {
    var slot: Int
    var fault: CellFault
    var column: Int
    var value: String
  }

  func check(_ record: CSVRawRecord) -> CheckedRow {
    let count = questions.count
    var answers = [Answer](repeating: .blank, count: count)
    var faults: [Fault] = []
    var others: [(slot: Int, text: String)] = []
    for slot in 0..<count {
      let decoder = plan.decoders[slot]
      if case .computed = decoder.kind { continue }
      let feeds = plan.feeds[slot]
      var cell = DecodedCell.blank
      var other: String?
      var column = feeds.answer ?? -1
      if let answerColumn = feeds.answer {
        cell = decoder.decode(record.bytes(at: answerColumn), other: &other)
      }
      if cell == .blank, !feeds.options.isEmpty {
        (cell, column) = ticks(record, slot: slot, feeds: feeds)
      }
      if let otherColumn = feeds.other, !record.isEmpty(at: otherColumn),
        SpecialCell.classify(record.bytes(at: otherColumn), layout: plan.map.layout) == nil
      {
        other = record.string(at: otherColumn)
      }
      if let other, let target = plan.otherSlot[slot] { others.append((target, other)) }
      if case .invalid(let fault) = cell {
        let value = column >= 0 ? (record.string(at: column) ?? "") : ""
        faults.append(Fault(slot: slot, fault: fault, column: column, value: value))
      } else if let answer = cell.answer {
        answers[slot] = answer
      }
    }
    for (slot, text) in others where answers[slot] == .blank && plan.feeds[slot].answer == nil {
      answers[slot] = .value(.string(text))
    }
    var metadata = [Answer](repeating: .blank, count: plan.metadataColumns.count)
    for (position, column) in plan.metadataColumns.enumerated() {
      if let column, !record.isEmpty(at: column), let text = record.string(at: column) {
        metadata[position] = .value(.string(text))
      }
    }
    var issues: [CellIssue] = []
    apply(&answers, metadata: metadata, faults: faults, record: record, issues: &issues)
    return CheckedRow(answers: answers, metadata: metadata, issues: issues)
  }

  /// Combines the tick-box columns of a select_multiple question.
  private func ticks(_ record: CSVRawRecord, slot: Int, feeds: FilePlan.Feeds) -> (DecodedCell, Int) {
    var names: [String] = []
    var sawAnswer = false
    var notAsked = false
    for option in feeds.options {
      switch QuestionDecoder.tick(record.bytes(at: option.column), layout: plan.map.layout) {
      case .value(.bool(true)):
        sawAnswer = true
        guard option.known else { return (.invalid(.notChoice(token: option.choice)), option.column) }
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

  /// Relevance, calculations, required and constraints in form order, as an
  /// XLSForm client evaluates them.
  private func apply(
    _ answers: inout [Answer], metadata: [Answer], faults: [Fault], record: CSVRawRecord,
    issues: inout [CellIssue]
  ) {
    var groupRelevant = [Bool?](repeating: nil, count: rules.groupRelevant.count)
    var faultBySlot: [Int: Fault] = [:]
    for fault in faults { faultBySlot[fault.slot] = fault }
    for slot in questions.indices {
      let questionRules = rules.questions[slot]
      let question = questions[slot]
      var failed: String?
      for group in questionRules.groups where failed == nil {
        if groupRelevant[group] == nil, let rule = rules.groupRelevant[group] {
          groupRelevant[group] = holds(rule, answers, metadata, current: .blank)
        }
        if groupRelevant[group] == false, let rule = rules.groupRelevant[group] {
          failed = "\(rule.text) (of group '\(rules.instrument.groups[group].name)')"
        }
      }
      if failed == nil, let rule = questionRules.relevant, !holds(rule, answers, metadata, current: .blank) {
        failed = rule.text
      }
      if let relevant = failed {
        let fault = faultBySlot[slot]
        if fault != nil || isAnswered(answers[slot]), !(plan.decoders[slot].kind.isComputed) {
          let column = fault?.column ?? columnOf(slot)
          let value = fault?.value ?? column.flatMap { record.string(at: $0) } ?? answers[slot].value?.stringValue ?? ""
          let words = CellWords(value: value, column: column.map(plan.name(ofColumn:)) ?? question.name, question: question.name)
          issues.append(CellIssue(rule: .notRelevant, column: column, message: IngestMessages.notRelevant(words, relevant: relevant), slot: slot))
        }
        answers[slot] = .notAsked
        continue
      }
      if let calculation = questionRules.calculation {
        answers[slot] = calculated(calculation, answers, metadata)
        continue
      }
      if let fault = faultBySlot[slot] {
        let words = CellWords(value: fault.value, column: plan.name(ofColumn: fault.column), question: question.name)
        let message = IngestMessages.fault(fault.fault, words, choices: plan.decoders[slot].choices)
        issues.append(CellIssue(rule: fault.fault.rule, column: fault.column, message: message, slot: slot))
        continue
      }
      let answer = answers[slot]
      if isBlank(answer) {
        guard let column = columnOf(slot) else { continue }
        var condition: String?
        var required = questionRules.isAlwaysRequired
        if !required, let rule = questionRules.requiredWhen, holds(rule, answers, metadata, current: .blank) {
          required = true
          condition = rule.text
        }
        if required {
          let message = IngestMessages.required(column: plan.name(ofColumn: column), question: question.name, condition: condition)
          issues.append(CellIssue(rule: .required, column: column, message: message, slot: slot))
        }
        continue
      }
      if case .value = answer, let rule = questionRules.constraint, !holds(rule, answers, metadata, current: answer) {
        let column = columnOf(slot)
        let value = column.flatMap { record.string(at: $0) } ?? answer.value?.stringValue ?? ""
        let words = CellWords(value: value, column: column.map(plan.name(ofColumn:)) ?? question.name, question: question.name)
        let message = IngestMessages.constraint(words, rule: rule.text, explanation: questionRules.constraintExplanation)
        issues.append(CellIssue(rule: .constraint, column: column, message: message, slot: slot))
      }
    }
  }

  /// The column that feeds a question: its answer column, else its first tick box.
  func columnOf(_ slot: Int) -> Int? {
    plan.feeds[slot].answer ?? plan.feeds[slot].options.first?.column
  }

  private func holds(_ rule: InstrumentRules.Rule, _ answers: [Answer], _ metadata: [Answer], current: Answer) -> Bool {
    let context = RowContext(answers: answers, metadata: metadata, current: current, today: today)
    return rule.bound.isTrue(semantics: .xlsform, in: context) ?? false
  }

  private func calculated(_ rule: InstrumentRules.Rule, _ answers: [Answer], _ metadata: [Answer]) -> Answer {
    let context = RowContext(answers: answers, metadata: metadata, current: .blank, today: today)
    switch rule.bound.evaluate(semantics: .xlsform, in: context) {
    case nil, .string("")?: return .blank
    case .number(let x)? where !x.isFinite: return .blank
    case let value?: return .value(value)
    }
  }

  private func isBlank(_ answer: Answer) -> Bool {
    switch answer {
    case .blank: true
    case .value(.choices(let names)): names.isEmpty
    case .value(.string(let text)): text.isEmpty
    default: false
    }
  }

  private func isAnswered(_ answer: Answer) -> Bool {
    if case .value = answer { return !isBlank(answer) }
    return false
  }
}

extension QuestionDecoder.Kind {
  var isComputed: Bool {
    if case .computed = self { return true }
    return false
  }
}
