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
  let decoders: [QuestionDecoder]
  /// The plan's `otherSlot`.
  let otherSlot: [Int?]
  /// Per slot: the answer column, or -1 (none, or a calculation).
  let answerColumns: [Int]
  /// The common cells' decoding in flat memory.
  let tables: CellTables
  let layout: ExportLayout
  /// Per slot: whether tick-box or other-text columns feed the question too.
  let hasExtraColumns: [Bool]
  /// The slots to which any rule (relevant, required, constraint, calculation)
  /// applies, in form order.
  let ruleSlots: [Int]
  /// Per slot: which rules it has, so that a row reads only the rules that exist.
  let slotRules: [SlotRules]
  /// Per slot: a constraint on `.` alone that a number answer can be checked
  /// against directly (`. > 0`, `. >= 6 and . <= 18`).
  let numberConstraints: [NumberConstraint?]

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
    slowCells = [IDTable<SlowCell>](repeating: IDTable(), count: plan.decoders.count)
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

  /// Per slot: cells that took the decoder's full path, by their bytes.
  var slowCells: [IDTable<SlowCell>]

  /// The slot of the submission-time question, if it is one.
  var timeSlot: Int?
  /// The ISO text of this row's submission time as decoded from its cell, and its
  /// seconds since 1970, so that the time is not parsed again from the text.
  var decodedTime: (text: String, seconds: Double)?

  /// The answers array of an earlier row, to be written over (see ``recycle(_:)``).
  var spareAnswers: [Answer] = []

  /// Takes back a row's answers once nothing else needs them, so that the next row
  /// writes over the same array instead of allocating one.
  mutating func recycle(_ answers: inout [Answer]) {
    swap(&answers, &spareAnswers)
  }

  /// A cell decoded by the decoder's full path, remembered for the next time.
  struct SlowCell {
    /// Cells longer than this are decoded every time.
    static let longest = 64
    /// At most this many cells are remembered per question.
    static let limit = 1024

    var cell: DecodedCell
    var other: String?
    /// The cell as text (for messages).
    var text: String
  }

  /// An invalid cell, before its message is made.
  struct Fault {
    var slot: Int
    var fault: CellFault
    var column: Int
    var value: String
  }
}
