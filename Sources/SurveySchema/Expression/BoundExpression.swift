import Foundation

/// An expression whose references have been resolved to answer slots, ready to
/// evaluate many times (once per response or per child).
///
/// Create it with ``Expression/bind(_:)``. Functions are resolved and literal
/// regular expressions compiled once, at binding.
public struct BoundExpression: Sendable {
  /// The expression it was bound from.
  public let expression: Expression
  let root: BoundNode
}

/// The evaluable tree: references are slots, functions are enum cases.
indirect enum BoundNode: Sendable {
  case constant(Value)
  case slot(Int)
  case current
  case negate(BoundNode)
  case logical(isAnd: Bool, BoundNode, BoundNode)
  /// `blankTest`: one side is the literal `''`, so a missing other side counts as `''`.
  case compare(BinaryOperator, BoundNode, BoundNode, blankTest: Bool)
  case arithmetic(BinaryOperator, BoundNode, BoundNode)
  case call(ExpressionFunction, [BoundNode])
  /// `regex(value, 'literal pattern')`, compiled once.
  case regex(BoundNode, TextPattern)
}

extension Expression {
  /// Resolves every reference to a slot and every function to its implementation.
  ///
  /// - Parameter resolve: Returns the slot of a reference, or throws (for example
  ///   an unknown or ambiguous name, with the reference's offset).
  /// - Returns: An expression ready for ``BoundExpression/evaluate(semantics:in:)``.
  /// - Throws: The resolver's error; ``ExpressionError`` for a function careeval does
  ///   not know, a wrong number of arguments, or an invalid literal regular expression.
  public func bind(
    _ resolve: (Reference) throws(ExpressionError) -> Int
  ) throws(ExpressionError) -> BoundExpression {
    BoundExpression(expression: self, root: try Self.bound(self, resolve))
  }

  private static func bound(
    _ e: Expression, _ resolve: (Reference) throws(ExpressionError) -> Int
  ) throws(ExpressionError) -> BoundNode {
    switch e {
    case .number(let x, _): return .constant(.number(x))
    case .string(let s, _): return .constant(.string(s))
    case .reference(let reference): return .slot(try resolve(reference))
    case .currentValue: return .current
    case .negate(let operand, _): return .negate(try bound(operand, resolve))
    case .binary(let op, let left, let right, _):
      let (l, r) = (try bound(left, resolve), try bound(right, resolve))
      switch op {
      case .and, .or: return .logical(isAnd: op == .and, l, r)
      case .plus, .minus, .times, .divide, .modulo: return .arithmetic(op, l, r)
      default:
        let blankTest = (op == .equal || op == .notEqual) && (left.isEmptyText || right.isEmptyText)
        return .compare(op, l, r, blankTest: blankTest)
      }
    case .call(let name, let arguments, let offset):
      guard let function = ExpressionFunction(name: name) else {
        let (_, message) = ExpressionFunction.unknown(name)
        throw ExpressionError(message, at: offset)
      }
      if let problem = function.arityProblem(given: arguments.count) {
        throw ExpressionError(problem, at: offset)
      }
      var nodes: [BoundNode] = []
      for argument in arguments { nodes.append(try bound(argument, resolve)) }
      if function == .regex, case .string(let pattern, let patternOffset) = arguments[1] {
        guard let compiled = try? NSRegularExpression(pattern: pattern) else {
          throw ExpressionError("'\(pattern)' is not a valid regular expression", at: patternOffset)
        }
        return .regex(nodes[0], TextPattern(compiled))
      }
      return .call(function, nodes)
    }
  }

  /// Whether this is the literal `''` (or `""`).
  var isEmptyText: Bool {
    if case .string("", _) = self { return true }
    return false
  }
}
