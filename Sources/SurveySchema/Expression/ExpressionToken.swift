/// One lexical token of an expression, with the 1-based character offset where it starts.
struct ExpressionToken: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    case number(Double)
    case string(String)
    case reference(Reference)
    case dot
    /// An XPath name: a function name or an operator word (`and or div mod`).
    case name(String)
    case leftParen, rightParen, comma
    /// `= != < <= > >= + - *`
    case symbol(String)
    case end
  }

  var kind: Kind
  var offset: Int
  /// The token as written, for messages.
  var text: String

  /// How a message names the token: `'x'`, or "the end of the expression".
  var quoted: String {
    switch kind {
    case .end: return "the end of the expression"
    case .string: return text  // already in quotes
    default: break
    }
    return "'\(text)'"
  }
}

/// Splits expression text into tokens (iteratively, so no input can exhaust the stack).
struct ExpressionTokenizer {
  let chars: [Character]
  var index = 0
  private var tokens: [ExpressionToken] = []

  private init(_ chars: [Character]) { self.chars = chars }

  /// The tokens of `chars`, ending with an `.end` token placed after the last character.
  static func tokens(in chars: [Character]) throws(ExpressionError) -> [ExpressionToken] {
    var tokenizer = ExpressionTokenizer(chars)
    try tokenizer.run()
    return tokenizer.tokens
  }

  func peek(_ ahead: Int = 0) -> Character? {
    index + ahead < chars.count ? chars[index + ahead] : nil
  }

  mutating func add(_ kind: ExpressionToken.Kind, from start: Int) {
    tokens.append(
      ExpressionToken(kind: kind, offset: start + 1, text: String(chars[start..<index])))
  }

  private mutating func run() throws(ExpressionError) {
    while let c = peek() {
      let start = index
      if c.isWhitespace {
        index += 1
      } else if c.isASCII, c.isNumber {
        try number(from: start)
      } else if c == "." {
        if peek(1) == "." {
          throw ExpressionError(
            "'..' (the parent group) is not supported; refer to questions as ${name}", at: start + 1
          )
        } else if let next = peek(1), next.isASCII, next.isNumber {
          try number(from: start)
        } else {
          index += 1
          add(.dot, from: start)
        }
      } else if c == "'" || c == "\"" {
        try string(quote: c, from: start)
      } else if c == "$" {
        try reference(from: start)
      } else if Self.isNameStart(c) {
        name(from: start)
      } else {
        try punctuation(c, from: start)
      }
    }
    tokens.append(ExpressionToken(kind: .end, offset: chars.count + 1, text: ""))
  }

  private mutating func number(from start: Int) throws(ExpressionError) {
    while let c = peek(), c.isASCII, c.isNumber { index += 1 }
    if peek() == ".", peek(1) != "." {
      index += 1
      while let c = peek(), c.isASCII, c.isNumber { index += 1 }
    }
    let text = String(chars[start..<index])
    // Digits with at most one '.', so the conversion cannot fail; guard anyway.
    guard let value = Double(text.hasSuffix(".") ? text + "0" : text) else {
      throw ExpressionError("'\(text)' is not a number", at: start + 1)
    }
    add(.number(value), from: start)
  }

  private mutating func string(quote: Character, from start: Int) throws(ExpressionError) {
    index += 1
    while let c = peek(), c != quote { index += 1 }
    guard peek() == quote else {
      throw ExpressionError(
        "unclosed text: the \(quote) here has no matching \(quote)", at: start + 1)
    }
    let content = String(chars[(start + 1)..<index])
    index += 1
    add(.string(content), from: start)
  }

  private mutating func name(from start: Int) {
    index += 1
    while let c = peek(), Self.isNameCharacter(c) { index += 1 }
    // A prefixed name such as jr:choice-name.
    if peek() == ":", let next = peek(1), Self.isNameStart(next) {
      index += 2
      while let c = peek(), Self.isNameCharacter(c) { index += 1 }
    }
    add(.name(String(chars[start..<index])), from: start)
  }

  static func isNameStart(_ c: Character) -> Bool { c.isLetter || c == "_" }

  static func isNameCharacter(_ c: Character) -> Bool {
    c.isLetter || c.isNumber || c == "_" || c == "-" || c == "."
  }
}
