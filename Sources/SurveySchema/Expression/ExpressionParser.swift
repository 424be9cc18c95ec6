/// Parses expression text into an ``Expression``.
///
/// Operators follow XPath 1.0 precedence, loosest first: `or`, `and`, `= !=`,
/// `< <= > >=`, `+ -`, `* div mod`, then unary minus; all binary operators are
/// left-associative. The parser never recurses more than
/// ``maximumNesting`` levels and rejects text longer than ``maximumLength``,
/// so no input can exhaust the stack.
public enum ExpressionParser {
  /// The longest expression accepted, in characters.
  public static let maximumLength = 10_000
  /// How deeply parentheses, function calls and minus signs may nest.
  public static let maximumNesting = 100
  /// How deep the syntax tree may grow (a chain `a + b + c …` adds a level per operator).
  public static let maximumDepth = 256

  /// Parses `text`.
  ///
  /// - Parameter text: The expression, as written in a spreadsheet cell.
  /// - Returns: The syntax tree.
  /// - Throws: ``ExpressionError`` with the 1-based character offset of the first problem.
  public static func parse(_ text: String) throws(ExpressionError) -> Expression {
    let chars = Array(text)
    guard chars.count <= maximumLength else {
      throw ExpressionError(
        "expression is \(chars.count) characters long; the limit is \(maximumLength)",
        at: maximumLength + 1)
    }
    let tokens = try ExpressionTokenizer.tokens(in: chars)
    if tokens.count == 1 { throw ExpressionError("expression is empty", at: 1) }
    var parser = Parser(tokens: tokens)
    let result = try parser.binary(minimumPrecedence: 1)
    let rest = parser.current
    if case .end = rest.kind { return result.expression }
    throw ExpressionError("expected an operator, found \(rest.quoted)", at: rest.offset)
  }
}

extension ExpressionParser {
  /// Parses a bind cell (`relevant`, `required`, `constraint`, `read_only`) as
  /// pyxform does: a whole cell `yes`, `Yes`, `YES`, `true`, `True` or `TRUE` means
  /// `true()`, and `no`, `No`, `NO`, `false`, `False` or `FALSE` means `false()`
  /// (spreadsheets store ticked boolean cells as `TRUE`/`FALSE`); anything else is
  /// parsed as an expression.
  ///
  /// - Throws: ``ExpressionError`` as ``parse(_:)``.
  public static func parseBinding(_ text: String) throws(ExpressionError) -> Expression {
    let word = text.trimmingXPathSpace
    let start =
      (text.firstIndex(where: { !$0.isWhitespace }).map {
        text.distance(from: text.startIndex, to: $0)
      } ?? 0) + 1
    if yes.contains(word) { return .call("true", [], offset: start) }
    if no.contains(word) { return .call("false", [], offset: start) }
    return try parse(text)
  }

  private static let yes: Set<String> = ["yes", "Yes", "YES", "true", "True", "TRUE"]
  private static let no: Set<String> = ["no", "No", "NO", "false", "False", "FALSE"]
}

/// A parsed subtree and the depth of its tree.
private struct Parsed {
  var expression: Expression
  var depth: Int
}

/// Precedence-climbing parser over a token array: three stack frames per
/// nesting level whatever the operator mix.
private struct Parser {
  let tokens: [ExpressionToken]
  var position = 0
  var nesting = 0

  init(tokens: [ExpressionToken]) { self.tokens = tokens }

  var current: ExpressionToken { tokens[position] }

  mutating func advance() { if position < tokens.count - 1 { position += 1 } }

  func node(_ expression: Expression, children: [Parsed]) throws(ExpressionError) -> Parsed {
    let depth = 1 + (children.map(\.depth).max() ?? 0)
    guard depth <= ExpressionParser.maximumDepth else {
      throw ExpressionError(
        "too many nested operations (more than \(ExpressionParser.maximumDepth)); "
          + "split the expression into calculate questions", at: expression.offset)
    }
    return Parsed(expression: expression, depth: depth)
  }

  mutating func enter(_ token: ExpressionToken) throws(ExpressionError) {
    nesting += 1
    guard nesting <= ExpressionParser.maximumNesting else {
      throw ExpressionError(
        "nested too deeply: more than \(ExpressionParser.maximumNesting) levels of parentheses, "
          + "function calls or minus signs", at: token.offset)
    }
  }

  var binaryOperator: BinaryOperator? {
    switch current.kind {
    case .symbol(let s), .name(let s): BinaryOperator(rawValue: s)
    default: nil
    }
  }

  mutating func binary(minimumPrecedence: Int) throws(ExpressionError) -> Parsed {
    var left = try unary()
    while let op = binaryOperator, op.precedence >= minimumPrecedence {
      let offset = current.offset
      advance()
      let right = try binary(minimumPrecedence: op.precedence + 1)
      left = try node(
        .binary(op, left.expression, right.expression, offset: offset), children: [left, right])
    }
    return left
  }

  mutating func unary() throws(ExpressionError) -> Parsed {
    let token = current
    guard token.kind == .symbol("-") else { return try primary() }
    try enter(token)
    advance()
    let operand = try unary()
    nesting -= 1
    return try node(.negate(operand.expression, offset: token.offset), children: [operand])
  }

  mutating func primary() throws(ExpressionError) -> Parsed {
    let token = current
    switch token.kind {
    case .number(let value):
      advance()
      return Parsed(expression: .number(value, offset: token.offset), depth: 1)
    case .string(let value):
      advance()
      return Parsed(expression: .string(value, offset: token.offset), depth: 1)
    case .reference(let reference):
      advance()
      return Parsed(expression: .reference(reference), depth: 1)
    case .dot:
      advance()
      return Parsed(expression: .currentValue(offset: token.offset), depth: 1)
    case .leftParen:
      try enter(token)
      advance()
      let inner = try binary(minimumPrecedence: 1)
      try expectClosing(of: token)
      nesting -= 1
      return inner
    case .name(let name):
      advance()
      guard current.kind == .leftParen else { throw Self.bareName(name, at: token.offset) }
      return try call(name, at: token)
    default:
      throw ExpressionError("expected a value, found \(token.quoted)", at: token.offset)
    }
  }

  mutating func call(_ name: String, at token: ExpressionToken) throws(ExpressionError) -> Parsed {
    try enter(token)
    advance()  // '('
    var arguments: [Parsed] = []
    if current.kind == .rightParen {
      advance()
    } else {
      while true {
        arguments.append(try binary(minimumPrecedence: 1))
        if current.kind == .comma {
          advance()
          continue
        }
        guard current.kind == .rightParen else {
          throw ExpressionError(
            "expected ',' or ')' after an argument of \(name)(), found \(current.quoted)",
            at: current.offset)
        }
        advance()
        break
      }
    }
    nesting -= 1
    return try node(
      .call(name, arguments.map(\.expression), offset: token.offset), children: arguments)
  }

  mutating func expectClosing(of open: ExpressionToken) throws(ExpressionError) {
    guard current.kind == .rightParen else {
      throw ExpressionError(
        "expected ')' to close the '(' at \(open.offset), found \(current.quoted)",
        at: current.offset)
    }
    advance()
  }

  static func bareName(_ name: String, at offset: Int) -> ExpressionError {
    if BinaryOperator(rawValue: name) != nil {
      return ExpressionError("expected a value, found '\(name)'", at: offset)
    }
    if let function = ExpressionFunction(name: name) {
      let call = function.arity == 0...0 ? "\(name)()" : "\(name)(…)"
      return ExpressionError("'\(name)' is a function: write \(call)", at: offset)
    }
    return ExpressionError(
      "unknown name '\(name)': write ${\(name)} for a question's answer or '\(name)' for text",
      at: offset)
  }
}
