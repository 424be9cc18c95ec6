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
  /// Whether every code fits in 64 bits; otherwise results are not remembered.
  let fits: Bool

  init(columns: [Int], store: UnitStore) {
    self.columns = columns
    var shifts: [UInt64] = []
    var used = 0
    for column in columns {
      shifts.append(UInt64(used))
      used += store.columns[column].codeBits
    }
    self.shifts = shifts
    fits = used <= 64
  }

  func key(unit: Int, store: UnitStore) -> UInt64 {
    var key: UInt64 = 0
    for (column, shift) in zip(columns, shifts) {
      key |= UInt64(store.code(column: column, unit: unit)) << shift
    }
    return key
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
  private let key: CodeKey
  private var memo: [UInt64: IndicatorOutcome] = [:]

  init(_ bound: BoundIndicator, store: UnitStore, today: String) {
    self.bound = bound
    self.today = today
    key = CodeKey(columns: bound.columns, store: store)
  }

  /// The indicator's outcome for one unit.
  mutating func outcome(unit: Int, store: UnitStore) -> IndicatorOutcome {
    guard key.fits else { return evaluate(unit: unit, store: store) }
    let k = key.key(unit: unit, store: store)
    if let known = memo[k] { return known }
    let result = evaluate(unit: unit, store: store)
    memo[k] = result
    return result
  }

  private func evaluate(unit: Int, store: UnitStore) -> IndicatorOutcome {
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
  private var memo: [UInt64: (String?, String?)] = [:]

  init(_ bound: BoundAgreement, store: UnitStore, today: String) {
    self.bound = bound
    self.today = today
    key = CodeKey(columns: bound.columns, store: store)
  }

  /// The two informants' answers as labels (`nil` = missing); booleans are
  /// `true`/`false`, numbers as XPath writes them.
  mutating func labels(unit: Int, store: UnitStore) -> (String?, String?) {
    guard key.fits else { return evaluate(unit: unit, store: store) }
    let k = key.key(unit: unit, store: store)
    if let known = memo[k] { return known }
    let result = evaluate(unit: unit, store: store)
    memo[k] = result
    return result
  }

  private func evaluate(unit: Int, store: UnitStore) -> (String?, String?) {
    let context = UnitContext(store: store, unit: unit, today: today)
    func label(_ e: BoundExpression) -> String? {
      guard let v = e.evaluate(semantics: .indicator, in: context) else { return nil }
      let text = v.stringValue
      return text.isEmpty ? nil : text
    }
    return (label(bound.left), label(bound.right))
  }
}
