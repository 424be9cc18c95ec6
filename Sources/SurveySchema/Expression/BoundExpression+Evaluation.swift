import Foundation

extension BoundExpression {
  /// Evaluates the expression over one set of answers.
  ///
  /// - Parameters:
  ///   - semantics: `.xlsform` (blank is `''`) or `.indicator` (blank is missing).
  ///   - context: Where the answers for the bound slots, `.` and `today()` come from.
  /// - Returns: The value, or `nil` when it is missing (only under `.indicator`:
  ///   a blank answer the expression does not handle, or a non-finite number).
  public func evaluate(semantics: BlankSemantics, in context: some ExpressionContext) -> Value? {
    let evaluator = Evaluator(semantics: semantics, context: context)
    let value = evaluator.value(root)
    if semantics == .indicator, case .number(let x)? = value, !x.isFinite { return nil }
    return value
  }

  /// Evaluates the expression and converts the result with XPath `boolean()`
  /// (a number is true unless 0 or NaN, text unless empty).
  ///
  /// - Returns: `nil` when the result is missing (only under `.indicator`).
  public func isTrue(semantics: BlankSemantics, in context: some ExpressionContext) -> Bool? {
    evaluate(semantics: semantics, in: context)?.booleanValue
  }
}

/// Walks a bound tree. `nil` means missing, which only `.indicator` produces.
private struct Evaluator<Context: ExpressionContext> {
  let semantics: BlankSemantics
  let context: Context

  func answer(_ answer: Answer) -> Value? {
    switch answer {
    case .value(let v): v
    case .blank, .notAsked: semantics == .xlsform ? .string("") : nil
    }
  }

  func value(_ node: BoundNode) -> Value? {
    switch node {
    case .constant(let v): return v
    case .slot(let slot): return answer(context.answer(slot: slot))
    case .current: return answer(context.current)
    case .negate(let operand):
      return value(operand).map { .number(-$0.numberValue) }
    case .logical(let isAnd, let left, let right):
      return logical(isAnd: isAnd, left, right)
    case .compare(let op, let left, let right, let blankTest):
      var (l, r) = (value(left), value(right))
      if blankTest {
        l = l ?? .string("")
        r = r ?? .string("")
      }
      guard let l, let r else { return nil }
      return .bool(Value.compare(op, l, r))
    case .arithmetic(let op, let left, let right):
      guard let l = value(left), let r = value(right) else { return nil }
      return .number(Self.arithmetic(op, l.numberValue, r.numberValue))
    case .regex(let operand, let pattern):
      return value(operand).map { .bool(Self.matches($0.stringValue, pattern)) }
    case .call(let function, let arguments):
      return call(function, arguments)
    }
  }

  /// `and`/`or` with three-valued logic under `.indicator`: `false and missing` is
  /// false, `true or missing` is true, otherwise missing makes the result missing.
  func logical(isAnd: Bool, _ left: BoundNode, _ right: BoundNode) -> Value? {
    // The value that decides the result on its own: false for `and`, true for `or`.
    let decisive = !isAnd
    let l = value(left)?.booleanValue
    if l == decisive { return .bool(decisive) }
    let r = value(right)?.booleanValue
    if r == decisive { return .bool(decisive) }
    guard l != nil, r != nil else { return nil }
    return .bool(!decisive)
  }

  static func arithmetic(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Double {
    switch op {
    case .plus: x + y
    case .minus: x - y
    case .times: x * y
    case .divide: x / y
    default: x.truncatingRemainder(dividingBy: y)  // mod: the sign of the dividend, as XPath
    }
  }

  static func matches(_ text: String, _ pattern: TextPattern) -> Bool {
    pattern.matches(text)
  }

  func call(_ function: ExpressionFunction, _ arguments: [BoundNode]) -> Value? {
    switch function {
    case .if:
      guard let condition = value(arguments[0]) else { return nil }
      return value(arguments[condition.booleanValue ? 1 : 2])
    case .coalesce:
      if let first = value(arguments[0]), !first.stringValue.isEmpty { return first }
      return value(arguments[1])
    case .stringLength:
      let text = value(arguments[0])?.stringValue ?? ""
      return .number(Double(text.count))
    default:
      var values: [Value] = []
      values.reserveCapacity(arguments.count)
      for argument in arguments {
        guard let v = value(argument) else { return nil }
        values.append(v)
      }
      return function.apply(values, today: context.today)
    }
  }
}
