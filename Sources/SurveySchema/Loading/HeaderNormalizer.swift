/// What a header cell means after pyxform's header rules.
enum HeaderMeaning: Hashable, Sendable {
  /// A column careeval reads: canonical name and language code (`nil` = no language).
  case column(String, language: String?)
  /// An XLSForm column careeval accepts but does not use.
  case ignored(String)
  /// A column no XLSForm tool defines (ignored with a lint note).
  case unknown
  /// An empty header cell.
  case empty
}

/// pyxform's header rules, applied to one sheet.
///
/// A header is trimmed, inner runs of whitespace become `_` and it is lower-cased
/// (`List Name` -> `list_name`); aliases are resolved (`bind:relevant`, `relevance`
/// -> `relevant`). If any header of the sheet contains `::`, `::` separates the
/// language (`label::English (en)`); otherwise a single `:` does (`label:English`),
/// keeping `jr:` prefixes together.
enum HeaderNormalizer {
  /// Lower-cases and replaces runs of whitespace by `_`, trimming the ends.
  static func snakeCase(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: "_").lowercased()
  }

  /// Whether a sheet uses `::` as its language separator.
  static func usesDoubleColon(_ headers: [String]) -> Bool {
    headers.contains { $0.contains("::") }
  }

  /// The meaning of one header cell.
  static func meaning(of header: String, kind: SheetKind, doubleColon: Bool) -> HeaderMeaning {
    let trimmed = header.trimmingWhitespace
    if trimmed.isEmpty { return .empty }
    let whole = snakeCase(trimmed)
    if let known = resolve(whole, kind: kind) { return known(nil) }

    var tokens = split(trimmed, doubleColon: doubleColon || trimmed.contains("::"))
    guard let head = tokens.first else { return .unknown }
    var name = snakeCase(head)
    tokens.removeFirst()
    if SheetKind.structuredPrefixes.contains(name), let inner = tokens.first {
      // `bind::relevant`, `bind:jr:constraintMsg`, `media::image::en`: the next token is the column.
      name = name == "media" ? snakeCase(inner) : "\(name):\(snakeCase(inner))"
      tokens.removeFirst()
      if let aliased = kind.aliases[name] { name = aliased }
      if name.hasPrefix("bind:") || name.hasPrefix("control:") || name.hasPrefix("instance:")
        || name.hasPrefix("body:")
      {
        return .ignored(name)
      }
    }
    guard let column = resolve(name, kind: kind) else { return .unknown }
    if tokens.isEmpty { return column(nil) }
    let canonical = kind.aliases[name] ?? name
    guard kind.translatable.contains(canonical) else { return .unknown }
    return column(languageCode(tokens.joined(separator: "::")))
  }

  /// The canonical column for a snake-cased name, as a function of the language.
  private static func resolve(_ name: String, kind: SheetKind) -> ((String?) -> HeaderMeaning)? {
    let canonical = kind.aliases[name] ?? name
    if kind.columns.contains(canonical) { return { .column(canonical, language: $0) } }
    if kind.ignored.contains(canonical) { return { _ in .ignored(canonical) } }
    return nil
  }

  /// Splits a header into tokens at `::`, or at single `:` keeping `jr:x` together.
  static func split(_ header: String, doubleColon: Bool) -> [String] {
    if doubleColon {
      var tokens: [String] = []
      var rest = Substring(header)
      while let range = rest.firstRange(of: "::") {
        tokens.append(String(rest[..<range.lowerBound]).trimmingWhitespace)
        rest = rest[range.upperBound...]
      }
      tokens.append(String(rest).trimmingWhitespace)
      return tokens
    }
    var tokens: [String] = []
    var parts = header.split(separator: ":", omittingEmptySubsequences: false).map {
      String($0).trimmingWhitespace
    }[...]
    while let part = parts.popFirst() {
      if part.lowercased() == "jr", let next = parts.popFirst() {
        tokens.append("jr:\(next)")
      } else {
        tokens.append(part)
      }
    }
    return tokens
  }

  /// The language code for a language as written in a header or `default_language`:
  /// the code in parentheses (`English (en)` -> `en`, `中文 (zh)` -> `zh`, full-width
  /// parentheses too), a few common names (`English`, `Chinese`, `中文`), else the
  /// text itself lower-cased (`zh`, `EN` -> `en`). `default` means no language (`""`).
  static func languageCode(_ language: String) -> String {
    let text = language.trimmingWhitespace
    if let open = text.lastIndex(where: { $0 == "(" || $0 == "（" }),
      let close = text.lastIndex(where: { $0 == ")" || $0 == "）" }), open < close
    {
      let code = String(text[text.index(after: open)..<close]).trimmingWhitespace
      if !code.isEmpty { return code.lowercased() }
    }
    let lowered = text.lowercased()
    return knownLanguageNames[lowered] ?? lowered
  }

  private static let knownLanguageNames: [String: String] = [
    "english": "en", "英文": "en", "英语": "en",
    "chinese": "zh", "中文": "zh", "汉语": "zh", "简体中文": "zh", "普通话": "zh",
    "default": "",
  ]
}
