/// A parsed expression of the careeval expression language (the XLSForm/XPath 1.0
/// subset of DESIGN.md §4), as a syntax tree.
///
/// Every node keeps `offset`, the 1-based character position in the expression
/// text where it starts (for an operator: where the operator is written), so a
/// diagnostic can point at it. Offsets count Swift `Character`s (user-perceived
/// characters), so `'爱心'` is two characters wide whatever its UTF-8 length.
///
/// Parse text with ``ExpressionParser/parse(_:)``; evaluate it after
/// ``bind(_:)`` has resolved its references to answer slots.
public indirect enum Expression: Sendable, Hashable {
  /// A number literal such as `3` or `0.5`.
  case number(Double, offset: Int)
  /// A string literal written in `'…'` or `"…"` (without the quotes).
  case string(String, offset: Int)
  /// `${name}` or `${form.name}`.
  case reference(Reference)
  /// `.`: the answer of the question whose constraint is being checked.
  case currentValue(offset: Int)
  /// Unary minus: `-x`.
  case negate(Expression, offset: Int)
  /// A binary operator; `offset` is where the operator is written.
  case binary(BinaryOperator, Expression, Expression, offset: Int)
  /// A function call `name(arguments…)`; `offset` is where the name starts.
  /// The parser accepts any name; ``check(symbols:currentValue:)`` and
  /// ``bind(_:)`` reject functions careeval does not know.
  case call(String, [Expression], offset: Int)

  /// The 1-based character offset where this node starts or its operator is written.
  public var offset: Int {
    switch self {
    case .number(_, let offset), .string(_, let offset), .currentValue(let offset),
      .negate(_, let offset), .binary(_, _, _, let offset), .call(_, _, let offset):
      offset
    case .reference(let reference): reference.offset
    }
  }
}

/// A reference to a question or scale: `${name}` or `${form.name}`.
///
/// XLSForm names may themselves contain `.`, so `${a.b}` is read as form `a`,
/// name `b`; a resolver that finds no form `a` can try ``text`` (`a.b`) as a
/// plain name.
public struct Reference: Sendable, Hashable, CustomStringConvertible {
  /// The form (instrument form_id) written before the first `.`, if any.
  public var form: String?
  /// The question or scale name.
  public var name: String
  /// 1-based character offset of the `$` in the expression text.
  public var offset: Int

  /// Creates a reference.
  public init(form: String?, name: String, offset: Int) {
    self.form = form
    self.name = name
    self.offset = offset
  }

  /// The name as written between the braces: `name` or `form.name`.
  public var text: String {
    if let form { return "\(form).\(name)" }
    return name
  }

  /// The reference as written: `${form.name}`.
  public var description: String { "${\(text)}" }
}

/// The binary operators, in XPath 1.0 precedence groups.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
  /// `or`: true if either side is true.
  case or
  /// `and`: true if both sides are true.
  case and
  /// `=`
  case equal = "="
  /// `!=`
  case notEqual = "!="
  /// `<`
  case less = "<"
  /// `<=`
  case lessOrEqual = "<="
  /// `>`
  case greater = ">"
  /// `>=`
  case greaterOrEqual = ">="
  /// `+`
  case plus = "+"
  /// `-` between two operands.
  case minus = "-"
  /// `*`
  case times = "*"
  /// `div`: division (`/` is not an XPath operator).
  case divide = "div"
  /// `mod`: the remainder, with the sign of the left operand.
  case modulo = "mod"

  /// Binding strength: `or` 1 < `and` 2 < `= !=` 3 < `< <= > >=` 4 < `+ -` 5 <
  /// `* div mod` 6. Unary minus binds tighter than all of them.
  public var precedence: Int {
    switch self {
    case .or: 1
    case .and: 2
    case .equal, .notEqual: 3
    case .less, .lessOrEqual, .greater, .greaterOrEqual: 4
    case .plus, .minus: 5
    case .times, .divide, .modulo: 6
    }
  }

  /// Whether the operator compares its operands (`= != < <= > >=`).
  public var isComparison: Bool { (3...4).contains(precedence) }
}
