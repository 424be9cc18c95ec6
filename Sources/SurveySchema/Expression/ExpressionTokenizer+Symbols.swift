extension ExpressionTokenizer {
  /// Look-alikes typed with a Chinese input method, and what to write instead.
  private static let fullWidth: [Character: String] = [
    "（": "(", "）": ")", "，": ",", "＝": "=", "＜": "<", "＞": ">", "！": "!",
    "＋": "+", "－": "-", "＊": "*", "＄": "$", "｛": "{", "｝": "}", "＇": "'", "＂": "\"",
  ]

  /// Operators and punctuation, with targeted messages for common slips
  /// (`==`, `/`, `&&`, full-width and curly quote characters).
  mutating func punctuation(_ c: Character, from start: Int) throws(ExpressionError) {
    let at = start + 1
    let next = peek(1)
    switch c {
    case "(":
      index += 1
      add(.leftParen, from: start)
    case ")":
      index += 1
      add(.rightParen, from: start)
    case ",":
      index += 1
      add(.comma, from: start)
    case "+", "-", "*":
      index += 1
      add(.symbol(String(c)), from: start)
    case "=":
      if next == "=" { throw ExpressionError("'==' is not an operator; use '='", at: at) }
      index += 1
      add(.symbol("="), from: start)
    case "<", ">":
      index += next == "=" ? 2 : 1
      add(.symbol(String(chars[start..<index])), from: start)
    case "!":
      guard next == "=" else {
        throw ExpressionError("'!' on its own is not an operator; use '!=' or not()", at: at)
      }
      index += 2
      add(.symbol("!="), from: start)
    case "/": throw ExpressionError("'/' is not an operator; use 'div' to divide", at: at)
    case "%": throw ExpressionError("'%' is not an operator; use 'mod' for the remainder", at: at)
    case "&": throw ExpressionError("'&' is not an operator; use 'and'", at: at)
    case "|": throw ExpressionError("'|' is not an operator; use 'or'", at: at)
    case "‘", "’", "“", "”":
      throw ExpressionError("curly quote '\(c)' cannot enclose text; use ' or \"", at: at)
    default:
      if let ascii = Self.fullWidth[c] {
        throw ExpressionError("full-width '\(c)' is not allowed; use '\(ascii)'", at: at)
      }
      throw ExpressionError("unexpected character '\(c)'", at: at)
    }
  }

  /// `${name}` or `${form.name}`, starting at the `$`.
  mutating func reference(from start: Int) throws(ExpressionError) {
    let at = start + 1
    guard peek(1) == "{" else {
      throw ExpressionError("'$' must be followed by '{', as in ${name}", at: at)
    }
    index += 2
    let nameStart = index
    while let c = peek(), c != "}" { index += 1 }
    guard peek() == "}" else { throw ExpressionError("'${' has no closing '}'", at: at) }
    let nameEnd = index
    index += 1
    guard nameEnd > nameStart else {
      throw ExpressionError(
        "empty reference '${}': write a question name between the braces", at: at)
    }
    // Split at the first '.': ${form.name}.
    let dot = chars[nameStart..<nameEnd].firstIndex(of: ".")
    var parts = [(nameStart, dot ?? nameEnd)]
    if let dot { parts.append((dot + 1, nameEnd)) }
    for (from, to) in parts {
      guard from < to else {
        throw ExpressionError(
          "'\(String(chars[start..<index]))' needs a name on both sides of '.'",
          at: (dot ?? from) + 1)
      }
      guard Self.isNameStart(chars[from]) else {
        throw ExpressionError(
          "a name must start with a letter or '_', not \(Self.describe(chars[from]))", at: from + 1)
      }
      for i in from..<to where !Self.isNameCharacter(chars[i]) {
        throw ExpressionError(
          "\(Self.describe(chars[i])) cannot appear in a name; names use letters, digits, '-', '_' and '.'",
          at: i + 1)
      }
    }
    let form = dot.map { String(chars[nameStart..<$0]) }
    let name = String(chars[(dot.map { $0 + 1 } ?? nameStart)..<nameEnd])
    add(.reference(Reference(form: form, name: name, offset: at)), from: start)
  }

  private static func describe(_ c: Character) -> String {
    c.isWhitespace ? "a space" : "'\(c)'"
  }
}
