import SurveySchema

/// What one indicator says about one unit.
enum IndicatorOutcome: Sendable, Hashable {
  /// The population expression is false or missing: the unit is not counted.
  case outside
  /// In the population, but the value is missing (item non-response): the unit
  /// leaves the denominator.
  case missing
  /// In the population with this value (0 or 1 for a proportion).
  case value(Double)
  /// In the population, but the value is not usable for the indicator's kind
  /// (a proportion that is not true/false or 0/1, a mean that is not a number).
  case invalid(Value)

  /// The value fed to the estimator: `nil` for missing, outside or invalid.
  var number: Double? {
    if case .value(let y) = self { return y }
    return nil
  }
}

/// Packs the codes a bound expression reads into one 64-bit key, so that results
/// can be remembered per distinct combination of answers instead of per unit.
struct CodeKey: Sendable {
  let columns: [Int]
  private let shifts: [UInt64]
  /// The number of bits the key uses.
  let bits: Int
  /// Whether every code fits in 64 bits; otherwise results are not remembered.
  var fits: Bool { bits <= 64 }

  init(columns: [Int], store: UnitStore) {
    self.columns = columns
    var shifts: [UInt64] = []
    var used = 0
    for column in columns {
      shifts.append(UInt64(used))
      used += store.columns[column].codeBits
    }
    self.shifts = shifts
    bits = used
  }

  func key(unit: Int, store: UnitStore) -> UInt64 {
    var key: UInt64 = 0
    for i in columns.indices {
      key |= UInt64(store.code(column: columns[i], unit: unit)) << shifts[i]
    }
    return key
  }
}

/// Results remembered per key: a flat table when keys are at most 16 bits wide,
/// a dictionary otherwise. Each distinct result gets an index, so callers can keep
/// their own per-result data (such as its text) in step.
struct ResultMemo<Result: Sendable>: Sendable {
  private var table: [UInt32]
  private var dictionary: [UInt64: UInt32] = [:]
  /// The results computed so far, by index.
  private(set) var results: [Result] = []

  init(bits: Int) {
    table = bits <= 16 ? Array(repeating: 0, count: 1 << bits) : []
  }

  /// The index of the result remembered for `key`, if any.
  @inline(__always)
  func index(_ key: UInt64) -> Int? {
    let known = table.isEmpty ? dictionary[key] ?? 0 : table[Int(key)]
    return known == 0 ? nil : Int(known) - 1
  }

  /// Remembers the result for `key` and returns its index.
  mutating func insert(_ key: UInt64, _ result: Result) -> Int {
    results.append(result)
    if table.isEmpty {
      dictionary[key] = UInt32(results.count)
    } else {
      table[Int(key)] = UInt32(results.count)
    }
    return results.count - 1
  }
}

/// Evaluates one indicator per unit with indicator blank semantics, remembering the
/// outcome of each distinct combination of the answers it reads.
///
/// The population expression decides whether a unit counts (false or missing: not
/// counted). Inside it, a missing value is item non-response. A proportion's value
/// must be true/false or 0/1; a mean's value must be a number (true/false count as
/// 1/0).
struct IndicatorEvaluator: Sendable {
  let bound: BoundIndicator
  let today: String
  /// Whether the indicator is a proportion (kept apart so hot loops need not copy `bound`).
  let isProportion: Bool
  private let key: CodeKey
  private var memo: ResultMemo<IndicatorOutcome>

  init(_ bound: BoundIndicator, store: UnitStore, today: String) {
    self.bound = bound
    self.today = today
    isProportion = bound.indicator.kind == .proportion
    key = CodeKey(columns: bound.columns, store: store)
    memo = ResultMemo(bits: key.bits)
  }

  /// The distinct outcomes seen so far; `outcomeIndex` returns indices into it.
  var outcomes: [IndicatorOutcome] { memo.results }

  /// The index in `outcomes` of one unit's outcome, or `nil` when the answers it
  /// reads are too many to remember (call `outcome` then).
  mutating func outcomeIndex(unit: Int, store: UnitStore) -> Int? {
    guard key.fits else { return nil }
    let k = key.key(unit: unit, store: store)
    if let known = memo.index(k) { return known }
    return memo.insert(k, Self.evaluate(bound, today: today, unit: unit, store: store))
  }

  /// The indicator's outcome for one unit.
  mutating func outcome(unit: Int, store: UnitStore) -> IndicatorOutcome {
    if let index = outcomeIndex(unit: unit, store: store) { return memo.results[index] }
    return Self.evaluate(bound, today: today, unit: unit, store: store)
  }

  private static func evaluate(_ bound: BoundIndicator, today: String, unit: Int, store: UnitStore) -> IndicatorOutcome {
    let context = UnitContext(store: store, unit: unit, today: today)
    if let population = bound.population {
      guard population.isTrue(semantics: .indicator, in: context) == true else { return .outside }
    }
    guard let value = bound.value.evaluate(semantics: .indicator, in: context) else { return .missing }
    switch bound.indicator.kind {
    case .proportion:
      switch value {
      case .bool(let b): return .value(b ? 1 : 0)
      case .number, .string:
        let x = value.numberValue
        return x == 0 || x == 1 ? .value(x) : .invalid(value)
      case .choices: return .invalid(value)
      }
    case .mean:
      switch value {
      case .choices: return .invalid(value)
      default:
        let x = value.numberValue
        return x.isFinite ? .value(x) : .invalid(value)
      }
    }
  }
}

/// Evaluates both sides of an agreement pair per child, as category labels.
struct AgreementEvaluator: Sendable {
  let bound: BoundAgreement
  let today: String
  private let key: CodeKey
  private var memo: ResultMemo<Labels>

  /// The two sides' labels.
  struct Labels: Sendable {
    var left: String?
    var right: String?
  }

  init(_ bound: BoundAgreement, store: UnitStore, today: String) {
    self.bound = bound
    self.today = today
    key = CodeKey(columns: bound.columns, store: store)
    memo = ResultMemo(bits: key.bits)
  }

  /// The two informants' answers as labels (`nil` = missing); booleans are
  /// `true`/`false`, numbers as XPath writes them.
  mutating func labels(unit: Int, store: UnitStore) -> (String?, String?) {
    let labels: Labels
    if key.fits {
      let k = key.key(unit: unit, store: store)
      let index = memo.index(k) ?? memo.insert(k, Self.evaluate(bound, today: today, unit: unit, store: store))
      labels = memo.results[index]
    } else {
      labels = Self.evaluate(bound, today: today, unit: unit, store: store)
    }
    return (labels.left, labels.right)
  }

  private static func evaluate(_ bound: BoundAgreement, today: String, unit: Int, store: UnitStore) -> Labels {
    let context = UnitContext(store: store, unit: unit, today: today)
    func label(_ e: BoundExpression) -> String? {
      guard let v = e.evaluate(semantics: .indicator, in: context) else { return nil }
      let text = v.stringValue
      return text.isEmpty ? nil : text
    }
    return Labels(left: label(bound.left), right: label(bound.right))
  }
}
