import SurveySchema

/// Results remembered across rows: constraints that read only `.`, and the
/// messages of invalid cells. Both depend only on the cell's value, and a file
/// repeats the same few values (region codes, the same wrong code) many times.
struct ConstraintMemo {
  /// Results for text answers, by the text's bytes (exactly the text evaluated;
  /// a `String` key would also match another spelling of the same accented letter).
  private var texts = IDTable<Bool>()
  /// Results for other answers.
  private var others: [Value: Bool] = [:]
  /// At most this many values are remembered.
  let limit: Int

  init(limit: Int) {
    self.limit = limit
  }

  private var count: Int { texts.count + others.count }

  func result(for value: Value) -> Bool? {
    if case .string(let text) = value { return texts.entry(of: text).map { texts[$0] } }
    return others[value]
  }

  mutating func remember(_ result: Bool, for value: Value) {
    guard count < limit else { return }
    if case .string(let text) = value {
      _ = texts.entry(of: text, inserting: result)
    } else {
      others[value] = result
    }
  }
}

/// The message of an invalid cell, by what it depends on. The value is kept as
/// bytes: `String` equality would take two spellings of one accented letter
/// (composed and decomposed) for the same value, and the message quotes the value
/// as written.
struct FaultKey: Hashable {
  var slot: Int
  var column: Int
  var value: [UInt8]
  var fault: CellFault
}

extension RowChecker {
  /// A constraint's result for an answer, remembered for constraints that read only `.`.
  mutating func constraintHolds(
    slot: Int, value: Value, _ answers: [Answer], _ metadata: [Answer]
  ) -> Bool {
    if case .number(let x) = value, let constraint = numberConstraint(slot) {
      return constraint.holds(x)
    }
    let remembers = remembersConstraint[slot]
    if remembers, let known = constraintMemo[slot].result(for: value) { return known }
    guard let rule = rules.questions[slot].constraint else { return true }
    let result = holds(rule, answers, metadata, current: .value(value))
    if remembers { constraintMemo[slot].remember(result, for: value) }
    return result
  }

  /// The message of an invalid cell (made once per slot, column, value and fault).
  mutating func faultMessage(slot: Int, column: Int, value: String, fault: CellFault) -> String {
    let key = FaultKey(slot: slot, column: column, value: Array(value.utf8), fault: fault)
    if let known = faultMessages[key] { return known }
    let words = CellWords(
      value: value, column: plan.name(ofColumn: column), question: questions[slot].name)
    let message = IngestMessages.fault(fault, words, choices: plan.decoders[slot].choices)
    if faultMessages.count < memoLimit { faultMessages[key] = message }
    return message
  }
}

/// Which rules a question has.
struct SlotRules: OptionSet {
  let rawValue: UInt8

  static let groups = SlotRules(rawValue: 1)
  static let relevant = SlotRules(rawValue: 2)
  static let calculation = SlotRules(rawValue: 4)
  static let alwaysRequired = SlotRules(rawValue: 8)
  static let requiredWhen = SlotRules(rawValue: 16)
  static let constraint = SlotRules(rawValue: 32)

  init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  init(_ rules: InstrumentRules.QuestionRules) {
    var has: SlotRules = []
    if !rules.groups.isEmpty { has.insert(.groups) }
    if rules.relevant != nil { has.insert(.relevant) }
    if rules.calculation != nil { has.insert(.calculation) }
    if rules.isAlwaysRequired { has.insert(.alwaysRequired) }
    if rules.requiredWhen != nil { has.insert(.requiredWhen) }
    if rules.constraint != nil { has.insert(.constraint) }
    self = has
  }
}
