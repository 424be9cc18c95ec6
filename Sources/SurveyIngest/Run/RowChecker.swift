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

  /// The plan's decoders, held here so a row never copies the plan.
  private let decoders: [QuestionDecoder]
  /// The plan's `otherSlot`.
  private let otherSlot: [Int?]
  /// Per slot: the answer column, or -1 (none, or a calculation).
  private let answerColumns: [Int]
  /// Per slot: whether tick-box or other-text columns feed the question too.
  private let hasExtraColumns: [Bool]
  /// The slots to which any rule (relevant, required, constraint, calculation)
  /// applies, in form order.
  private let ruleSlots: [Int]
  /// Per slot: a constraint on `.` alone that a number answer can be checked
  /// against directly (`. > 0`, `. >= 6 and . <= 18`).
  private let numberConstraints: [NumberConstraint?]

  func numberConstraint(_ slot: Int) -> NumberConstraint? { numberConstraints[slot] }
  /// Per slot: remembered results of a constraint that reads only `.` (no other
  /// answer, no clock), so that a code seen many times (a region, a school) runs
  /// its regular expression once. At most `memoLimit` values per question.
  var constraintMemo: [[Value: Bool]?]
  let memoLimit = 4096

  init(plan: FilePlan, rules: InstrumentRules, today: String) {
    self.plan = plan
    self.rules = rules
    self.today = today
    questions = rules.instrument.questions
    decoders = plan.decoders
    otherSlot = plan.otherSlot
    answerColumns = plan.decoders.indices.map { slot in
      plan.decoders[slot].kind.isComputed ? -1 : (plan.feeds[slot].answer ?? -1)
    }
    hasExtraColumns = plan.feeds.map { !$0.options.isEmpty || $0.other != nil }
    constraintMemo = rules.questions.map { rules in
      guard let constraint = rules.constraint, constraint.bound.expression.references.isEmpty,
        !Self.readsClock(constraint.bound.expression)
      else { return nil }
      return [:]
    }
    ruleSlots = rules.questions.indices.filter {
      let rules = rules.questions[$0]
      return !rules.groups.isEmpty || rules.relevant != nil || rules.requiredWhen != nil
        || rules.isAlwaysRequired || rules.constraint != nil || rules.calculation != nil
    }
    numberConstraints = rules.questions.map { rules in
      rules.constraint.flatMap { NumberConstraint($0.bound.expression) }
    }
  }

  private struct Fault {
    var slot: Int
    var fault: CellFault
    var column: Int
    var value: String
  }

  mutating func check(_ record: CSVRawRecord) -> CheckedRow {
    let count = questions.count
    var faults: [Fault] = []
    var others: [(slot: Int, text: String)] = []
    // Every slot is written once, in slot order, into fresh storage. The decoders
    // are read through an unsafe buffer so that each call borrows its decoder;
    // through the array, every call copied it (a retain and release per list).
    var answers = decoders.withUnsafeBufferPointer { decoders in
      [Answer](unsafeUninitializedCapacity: count) { buffer, initialized in
        for slot in 0..<count {
          let column = answerColumns[slot]
          if hasExtraColumns[slot] {
            buffer.initializeElement(
              at: slot,
              to: extraColumnsAnswer(
                record, slot: slot, decoder: decoders[slot], faults: &faults, others: &others))
            continue
          }
          guard column >= 0 else {
            buffer.initializeElement(at: slot, to: .blank)
            continue
          }
          let bytes = record.bytes(at: column)
          if let answer = decoders[slot].fastAnswer(bytes) {
            buffer.initializeElement(at: slot, to: answer)
            continue
          }
          var other: String?
          var answer = Answer.blank
          switch decoders[slot].decode(bytes, other: &other) {
          case .value(let value): answer = .value(value)
          case .blank: break
          case .notAsked: answer = .notAsked
          case .invalid(let fault):
            faults.append(
              Fault(
                slot: slot, fault: fault, column: column, value: record.string(at: column) ?? ""))
          }
          buffer.initializeElement(at: slot, to: answer)
          if let other, let target = otherSlot[slot] { others.append((target, other)) }
        }
        initialized = count
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

  /// The answer of a question fed by tick-box or other-text columns too.
  private func extraColumnsAnswer(
    _ record: CSVRawRecord, slot: Int, decoder: QuestionDecoder, faults: inout [Fault],
    others: inout [(slot: Int, text: String)]
  ) -> Answer {
    let column = answerColumns[slot]
    if decoder.kind.isComputed { return .blank }
    let feeds = plan.feeds[slot]
    var cell = DecodedCell.blank
    var other: String?
    var cellColumn = column
    if column >= 0 {
      cell = decoder.decode(record.bytes(at: column), other: &other)
    }
    if cell == .blank, !feeds.options.isEmpty {
      (cell, cellColumn) = ticks(record, slot: slot, feeds: feeds)
    }
    if let otherColumn = feeds.other, !record.isEmpty(at: otherColumn),
      SpecialCell.classify(record.bytes(at: otherColumn), layout: plan.map.layout) == nil
    {
      other = record.string(at: otherColumn)
    }
    if let other, let target = plan.otherSlot[slot] { others.append((target, other)) }
    if case .invalid(let fault) = cell {
      let value = cellColumn >= 0 ? (record.string(at: cellColumn) ?? "") : ""
      faults.append(Fault(slot: slot, fault: fault, column: cellColumn, value: value))
      return .blank
    }
    return cell.answer ?? .blank
  }

  /// Relevance, calculations, required and constraints in form order, as an
  /// XLSForm client evaluates them.
  private mutating func apply(
    _ answers: inout [Answer], metadata: [Answer], faults: [Fault], record: CSVRawRecord,
    issues: inout [CellIssue]
  ) {
    var groupRelevant = [Bool?](repeating: nil, count: rules.groupRelevant.count)
    // The slots with rules and the slots with faults, merged in form order (faults
    // are found in slot order); the other slots have nothing to check.
    var nextRule = 0
    var nextFault = 0
    while nextRule < ruleSlots.count || nextFault < faults.count {
      let ruleSlot = nextRule < ruleSlots.count ? ruleSlots[nextRule] : Int.max
      let faultSlot = nextFault < faults.count ? faults[nextFault].slot : Int.max
      let slot = min(ruleSlot, faultSlot)
      if ruleSlot == slot { nextRule += 1 }
      var fault: Fault?
      if faultSlot == slot {
        fault = faults[nextFault]
        nextFault += 1
      }
      var failed: String?
      for group in rules.questions[slot].groups where failed == nil {
        if groupRelevant[group] == nil, let rule = rules.groupRelevant[group] {
          groupRelevant[group] = holds(rule, answers, metadata, current: .blank)
        }
        if groupRelevant[group] == false, let rule = rules.groupRelevant[group] {
          failed = "\(rule.text) (of group '\(rules.instrument.groups[group].name)')"
        }
      }
      if failed == nil, let rule = rules.questions[slot].relevant,
        !holds(rule, answers, metadata, current: .blank)
      {
        failed = rule.text
      }
      if let relevant = failed {
        if fault != nil || isAnswered(answers[slot]), !(plan.decoders[slot].kind.isComputed) {
          let column = fault?.column ?? columnOf(slot)
          let value =
            fault?.value ?? column.flatMap { record.string(at: $0) } ?? answers[slot].value?
            .stringValue ?? ""
          let name = questions[slot].name
          let words = CellWords(
            value: value, column: column.map(plan.name(ofColumn:)) ?? name, question: name)
          issues.append(
            CellIssue(
              rule: .notRelevant, column: column,
              message: IngestMessages.notRelevant(words, relevant: relevant), slot: slot))
        }
        answers[slot] = .notAsked
        continue
      }
      if let calculation = rules.questions[slot].calculation {
        answers[slot] = calculated(calculation, answers, metadata)
        continue
      }
      if let fault {
        let words = CellWords(
          value: fault.value, column: plan.name(ofColumn: fault.column),
          question: questions[slot].name)
        let message = IngestMessages.fault(fault.fault, words, choices: plan.decoders[slot].choices)
        issues.append(
          CellIssue(rule: fault.fault.rule, column: fault.column, message: message, slot: slot))
        continue
      }
      if isBlank(answers[slot]) {
        guard let column = columnOf(slot) else { continue }
        var condition: String?
        var required = rules.questions[slot].isAlwaysRequired
        if !required, let rule = rules.questions[slot].requiredWhen,
          holds(rule, answers, metadata, current: .blank)
        {
          required = true
          condition = rule.text
        }
        if required {
          let message = IngestMessages.required(
            column: plan.name(ofColumn: column), question: questions[slot].name,
            condition: condition)
          issues.append(CellIssue(rule: .required, column: column, message: message, slot: slot))
        }
        continue
      }
      let answer = answers[slot]
      if case .value(let value) = answer, let rule = rules.questions[slot].constraint,
        !constraintHolds(rule, slot: slot, value: value, answers, metadata)
      {
        let column = columnOf(slot)
        let value = column.flatMap { record.string(at: $0) } ?? answer.value?.stringValue ?? ""
        let name = questions[slot].name
        let words = CellWords(
          value: value, column: column.map(plan.name(ofColumn:)) ?? name, question: name)
        let message = IngestMessages.constraint(
          words, rule: rule.text, explanation: rules.questions[slot].constraintExplanation)
        issues.append(CellIssue(rule: .constraint, column: column, message: message, slot: slot))
      }
    }
  }
}
