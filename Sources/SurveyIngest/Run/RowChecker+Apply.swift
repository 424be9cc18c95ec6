import CSVStream
import SurveySchema

/// The form's rules over a decoded row.
extension RowChecker {
  /// Relevance, calculations, required and constraints in form order, as an
  /// XLSForm client evaluates them.
  mutating func apply(
    _ answers: inout [Answer], metadata: [Answer], faults: [Fault], record: CSVRawRecord,
    issues: inout [CellIssue]
  ) {
    // Each group's relevant, evaluated when its first question is reached.
    var groupRelevant: [Bool?] = []
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
      let has = slotRules[slot]
      var failed: String?
      if has.contains(.groups) {
        if groupRelevant.isEmpty {
          groupRelevant = [Bool?](repeating: nil, count: rules.groupRelevant.count)
        }
        for group in rules.questions[slot].groups where failed == nil {
          if groupRelevant[group] == nil, let rule = rules.groupRelevant[group] {
            groupRelevant[group] = holds(rule, answers, metadata, current: .blank)
          }
          if groupRelevant[group] == false, let rule = rules.groupRelevant[group] {
            failed = "\(rule.text) (of group '\(rules.instrument.groups[group].name)')"
          }
        }
      }
      if failed == nil, has.contains(.relevant), let rule = rules.questions[slot].relevant,
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
      if has.contains(.calculation), let calculation = rules.questions[slot].calculation {
        answers[slot] = calculated(calculation, answers, metadata)
        continue
      }
      if let fault {
        let message = faultMessage(
          slot: slot, column: fault.column, value: fault.value, fault: fault.fault)
        issues.append(
          CellIssue(rule: fault.fault.rule, column: fault.column, message: message, slot: slot))
        continue
      }
      if isBlank(answers[slot]) {
        guard let column = columnOf(slot) else { continue }
        var condition: String?
        var required = has.contains(.alwaysRequired)
        if !required, has.contains(.requiredWhen), let rule = rules.questions[slot].requiredWhen,
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
      if has.contains(.constraint), case .value(let answer) = answers[slot],
        !constraintHolds(slot: slot, value: answer, answers, metadata),
        let rule = rules.questions[slot].constraint
      {
        let column = columnOf(slot)
        let value = column.flatMap { record.string(at: $0) } ?? answer.stringValue
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
