import SurveySchema

/// An indicator whose expressions are bound to store columns, ready to evaluate per unit.
struct BoundIndicator: Sendable {
  let indicator: Indicator
  let unit: UnitKind
  let value: BoundExpression
  let population: BoundExpression?
  /// Every column either expression reads, sorted, without repeats.
  let columns: [Int]
}

/// An agreement pair bound to the child store.
struct BoundAgreement: Sendable {
  let pair: AgreementPair
  let left: BoundExpression
  let right: BoundExpression
  let columns: [Int]
}

/// A scale prepared for its form, with the columns its score and items go to.
struct ScalePlan: Sendable {
  let index: Int
  let scorer: ScaleScorer
  let scoreColumn: Int
  /// One column per item (the scored item, for alpha), in item order.
  let itemColumns: [Int]
}

/// What to keep from each response of one form.
struct FormPlan: Sendable {
  let form: String
  let unit: UnitKind
  /// The form's position in the kit, and its bit in a unit's form mask.
  let index: Int
  var bit: UInt32 { 1 << UInt32(min(index, 31)) }
  /// Answer slot -> column, for every referenced question of the form.
  var copies: [(slot: Int, column: Int)] = []
  var scales: [ScalePlan] = []
  /// The roster's weight question slot (kept as a number, not as a code).
  var weightSlot: Int?
}

/// A breakdown of estimates by a register field (`--by`).
struct Breakdown: Sendable {
  enum Source: Sendable {
    /// The field's own values: choice names (several for select_multiple) or text.
    case values
    /// Age bands from a year of birth (integer) or date of birth (ISO date).
    case ageBand(referenceYear: Int)
  }
  /// The name as the user wrote it, used in group labels (`category=orphan`).
  let label: String
  let column: Int
  let source: Source
  /// Group order: the choice list's order for select questions.
  let order: [String]
}
