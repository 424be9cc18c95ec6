import CSVStream
import SurveySchema

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
  let questions: [Question]

  /// The plan's decoders, held here so a row never copies the plan.
  private let decoders: [QuestionDecoder]
  /// The plan's `otherSlot`.
  private let otherSlot: [Int?]
  /// Per slot: the answer column, or -1 (none, or a calculation).
  private let answerColumns: [Int]
  /// The common cells' decoding in flat memory.
  private let tables: CellTables
  private let layout: ExportLayout
  /// Per slot: whether tick-box or other-text columns feed the question too.
  private let hasExtraColumns: [Bool]
  /// The slots to which any rule (relevant, required, constraint, calculation)
  /// applies, in form order.
  private let ruleSlots: [Int]
  /// Per slot: which rules it has, so that a row reads only the rules that exist.
  private let slotRules: [SlotRules]
  /// Per slot: a constraint on `.` alone that a number answer can be checked
  /// against directly (`. > 0`, `. >= 6 and . <= 18`).
  private let numberConstraints: [NumberConstraint?]

  func numberConstraint(_ slot: Int) -> NumberConstraint? { numberConstraints[slot] }
  /// Per slot: remembered results of a constraint that reads only `.` (no other
  /// answer, no clock), so that a code seen many times (a region, a school) runs
  /// its regular expression once. At most `memoLimit` values per question.
  var constraintMemo: [ConstraintMemo]
  /// Per slot: whether `constraintMemo` is used (the constraint reads only `.`).
  let remembersConstraint: [Bool]
  /// The messages of invalid cells made so far (at most `memoLimit`).
  var faultMessages: [FaultKey: String] = [:]
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
    tables = CellTables(plan: plan, hasExtraColumns: hasExtraColumns)
    layout = plan.map.layout
    remembersConstraint = rules.questions.map { rules in
      guard let constraint = rules.constraint else { return false }
      return constraint.bound.expression.references.isEmpty
        && !Self.readsClock(constraint.bound.expression)
    }
    constraintMemo = remembersConstraint.map { ConstraintMemo(limit: $0 ? 4096 : 0) }
    let slotRules = rules.questions.map(SlotRules.init)
    self.slotRules = slotRules
    ruleSlots = slotRules.indices.filter { !slotRules[$0].isEmpty }
    numberConstraints = rules.questions.map { rules in
      rules.constraint.flatMap { NumberConstraint($0.bound.expression) }
    }
  }

  /// The slot of the submission-time question, if it is one.
  var timeSlot: Int?
  /// The ISO text of this row's submission time as decoded from its cell, and its
  /// seconds since 1970, so that the time is not parsed again from the text.
  private(set) var decodedTime: (text: String, seconds: Double)?

  /// The answers array of an earlier row, to be written over (see ``recycle(_:)``).
  private var spareAnswers: [Answer] = []

  /// Takes back a row's answers once nothing else needs them, so that the next row
  /// writes over the same array instead of allocating one.
  mutating func recycle(_ answers: inout [Answer]) {
    swap(&answers, &spareAnswers)
  }

  /// Whether two answers are the same bits: then they hold the same references,
  /// and writing one over the other would only retain and release.
  @inline(__always)
  private static func isSame(_ a: UnsafePointer<Answer>, _ b: UnsafePointer<Answer>) -> Bool {
    memcmp(a, b, MemoryLayout<Answer>.size) == 0
  }

  /// Writes an answer that holds no reference (blank, not asked, a number) unless
  /// the same bits are there already.
  @inline(__always)
  private static func store(_ answer: Answer, at place: UnsafeMutablePointer<Answer>) {
    var answer = answer
    if !isSame(place, &answer) { place.pointee = answer }
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
    // The answers are written over the previous row's array when the sink let go
    // of it (see `recycle`). A cell whose answer is bit for bit the one already in
    // place (the same choice, a blank again) is not written: that skips a retain
    // and a release. Common cells are decoded from the flat tables; the rest
    // (special cells, labels, invalid values, select_multiple) by the slot's
    // decoder, read through an unsafe buffer so that each call borrows it.
    decodedTime = nil
    var answers: [Answer] = []
    swap(&answers, &spareAnswers)
    if answers.count != count { answers = [Answer](repeating: .blank, count: count) }
    let tables = self.tables
    withExtendedLifetime(tables) {
      decoders.withUnsafeBufferPointer { decoders in
        answers.withUnsafeMutableBufferPointer { buffer in
          guard let row = buffer.baseAddress else { return }
          let kinds = tables.kinds
          let columns = tables.columns
          let singleByte = tables.singleByte
          let singleByteRow = tables.singleByteRow
          for slot in 0..<count {
            let kind = kinds[slot]
            switch kind {
            case .blank:
              Self.store(.blank, at: row + slot)
              continue
            case .extra:
              row[slot] = extraColumnsAnswer(
                record, slot: slot, decoder: decoders[slot], faults: &faults, others: &others)
              continue
            default: break
            }
            let column = columns[slot]
            let bytes = record.bytes(at: column)
            guard let base = bytes.baseAddress else {
              Self.store(.blank, at: row + slot)
              continue
            }
            // Every field is followed by a NUL, so an empty cell reads as 0 here.
            let first = base[0]
            if kind == .choice, bytes.count <= 1 {
              // Empty, blank and one-byte cells of a select_one: one table lookup.
              let code = Int(singleByte[singleByteRow[slot] &+ Int(first)])
              if code >= 0 {
                tables.put(code: code, slot: slot, into: row + slot)
                continue
              }
            }
            guard bytes.count > 0 else {
              Self.store(.blank, at: row + slot)
              continue
            }
            // Only cells starting with a space, tab, `n` (`n/a`), `(` or a full-width
            // bracket (`(跳过)`, `（空）`) or `-` (`-3`) can be special.
            let mayBeSpecial =
              first <= 0x20 || first == 0x6E || first == 0x28 || first == 0xEF || first == 0x2D
            if !mayBeSpecial || SpecialCell.classify(bytes, layout: layout) == nil {
              switch kind {
              case .choice:
                let code = bytes.count > 1 ? tables.code(slot, longCell: bytes) : -1
                if code >= 0 {
                  tables.put(code: code, slot: slot, into: row + slot)
                  continue
                }
              case .integer:
                if let x = NumberText.integer(bytes) {
                  Self.store(.value(.number(x)), at: row + slot)
                  continue
                }
              case .decimal:
                if let x = NumberText.decimal(bytes) {
                  Self.store(.value(.number(x)), at: row + slot)
                  continue
                }
              case .text:
                // A text that starts with a visible ASCII character, or with the lead
                // byte of a letter from U+00C0 to U+07FF or U+4000 to U+9FFF (no
                // whitespace there; Chinese is U+4E00 to U+9FFF), is not blank once
                // trimmed.
                if (first > 0x20 && first < 0x80) || (first >= 0xC3 && first <= 0xDF)
                  || (first >= 0xE4 && first <= 0xE9)
                {
                  row[slot] = .value(.string(String(decoding: bytes, as: UTF8.self)))
                  continue
                }
              case .dateTime:
                if let moment = DateText.moment(bytes: bytes) {
                  let text = moment.isoDateTime
                  row[slot] = .value(.string(text))
                  if slot == timeSlot { decodedTime = (text, moment.epochSeconds) }
                  continue
                }
              case .date:
                if let moment = DateText.moment(bytes: bytes) {
                  row[slot] = .value(.string(moment.isoDate))
                  continue
                }
              case .blank, .extra, .general: break
              }
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
                  slot: slot, fault: fault, column: column, value: record.string(at: column) ?? ""
                ))
            }
            row[slot] = answer
            if let other, let target = otherSlot[slot] { others.append((target, other)) }
          }
        }
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
      let has = slotRules[slot]
      var failed: String?
      if has.contains(.groups) {
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
