extension Expression {
  /// Every `${…}` reference, in the order written (repeats included).
  public var references: [Reference] {
    var found: [Reference] = []
    visit { if case .reference(let r) = $0 { found.append(r) } }
    return found
  }

  /// Whether the expression uses `.` (the answer being checked in a constraint).
  public var usesCurrentValue: Bool {
    var uses = false
    visit { if case .currentValue = $0 { uses = true } }
    return uses
  }

  /// Calls `body` on this node and every node below it, left to right.
  /// Recursion is bounded by ``ExpressionParser/maximumDepth``.
  func visit(_ body: (Expression) -> Void) {
    body(self)
    switch self {
    case .number, .string, .reference, .currentValue: break
    case .negate(let operand, _): operand.visit(body)
    case .binary(_, let left, let right, _):
      left.visit(body)
      right.visit(body)
    case .call(_, let arguments, _):
      for argument in arguments { argument.visit(body) }
    }
  }
}

extension Expression: CustomStringConvertible {
  /// The expression with every operation in parentheses, so the parse is visible:
  /// `1 + 2 * 3` is `(1 + (2 * 3))`.
  public var description: String {
    switch self {
    case .number(let x, _): XPathNumber.format(x)
    case .string(let s, _): s.contains("'") ? "\"\(s)\"" : "'\(s)'"
    case .reference(let r): r.description
    case .currentValue: "."
    case .negate(let operand, _): "(-\(operand))"
    case .binary(let op, let left, let right, _): "(\(left) \(op.rawValue) \(right))"
    case .call(let name, let arguments, _):
      "\(name)(\(arguments.map(\.description).joined(separator: ", ")))"
    }
  }
}
