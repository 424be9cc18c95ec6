import SurveySchema

/// A constraint on `.` alone made of comparisons with number literals, joined by
/// `and` / `or` (`. > 0`, `. >= 6 and . <= 18`), checked against a number answer
/// without walking the expression tree.
///
/// For a number answer the result is the one the expression language gives under
/// XLSForm semantics: comparing two numbers compares them numerically (`=` is
/// `==`, `!=` its negation, NaN orders with nothing), and `and` / `or` combine
/// booleans. Other answers (text, choices) go through the general evaluation.
indirect enum NumberConstraint: Sendable {
  /// `. op constant` (or `constant op .` with `currentOnLeft` false).
  case compare(BinaryOperator, constant: Double, currentOnLeft: Bool)
  case and(NumberConstraint, NumberConstraint)
  case or(NumberConstraint, NumberConstraint)

  /// The constraint, or `nil` when the expression is of another shape.
  init?(_ expression: Expression) {
    guard case .binary(let op, let left, let right, _) = expression else { return nil }
    switch op {
    case .and, .or:
      guard let l = NumberConstraint(left), let r = NumberConstraint(right) else { return nil }
      self = op == .and ? .and(l, r) : .or(l, r)
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
      if case .currentValue = left, let constant = Self.constant(right) {
        self = .compare(op, constant: constant, currentOnLeft: true)
      } else if case .currentValue = right, let constant = Self.constant(left) {
        self = .compare(op, constant: constant, currentOnLeft: false)
      } else {
        return nil
      }
    default:
      return nil
    }
  }

  /// A number literal, possibly negated (`-1`).
  private static func constant(_ expression: Expression) -> Double? {
    switch expression {
    case .number(let x, _): x
    case .negate(let operand, _): constant(operand).map { -$0 }
    default: nil
    }
  }

  /// Whether a number answer `x` satisfies the constraint.
  func holds(_ x: Double) -> Bool {
    switch self {
    case .compare(let op, let constant, let currentOnLeft):
      let (a, b) = currentOnLeft ? (x, constant) : (constant, x)
      switch op {
      case .equal: return a == b
      case .notEqual: return !(a == b)
      case .less: return a < b
      case .lessOrEqual: return a <= b
      case .greater: return a > b
      default: return a >= b
      }
    case .and(let l, let r): return l.holds(x) && r.holds(x)
    case .or(let l, let r): return l.holds(x) || r.holds(x)
    }
  }
}
