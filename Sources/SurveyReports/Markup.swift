/// Builds XHTML-compatible markup: every attribute quoted, every text escaped,
/// empty elements self-closed, so the page parses as XML as well as HTML.
struct Markup {
  private(set) var text = ""

  /// Escapes the five XML special characters.
  static func escape(_ raw: String) -> String {
    var out = ""
    out.reserveCapacity(raw.utf8.count)
    for character in raw {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }

  private static func attributes(_ attributes: KeyValuePairs<String, String>) -> String {
    attributes.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
  }

  /// Opens `<tag …>`.
  mutating func open(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:]) {
    text += "<\(tag)\(Self.attributes(attributes))>"
  }

  /// Closes `</tag>` and ends the line (keeps diffs of the output readable).
  mutating func close(_ tag: String) {
    text += "</\(tag)>\n"
  }

  /// `<tag …>escaped text</tag>`.
  mutating func element(
    _ tag: String, _ attributes: KeyValuePairs<String, String> = [:], _ content: String
  ) {
    text += "<\(tag)\(Self.attributes(attributes))>\(Self.escape(content))</\(tag)>"
  }

  /// A self-closed empty element, `<tag …/>`.
  mutating func empty(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:]) {
    text += "<\(tag)\(Self.attributes(attributes))/>"
  }

  /// Escaped text.
  mutating func write(_ content: String) {
    text += Self.escape(content)
  }

  /// Markup produced elsewhere by a `Markup` value (already escaped).
  mutating func append(_ other: Markup) {
    text += other.text
  }

  /// Raw text the caller guarantees is well-formed and XML-safe (the style sheet).
  mutating func raw(_ content: String) {
    text += content
  }
}

/// Estimated text widths for laying out SVG labels without a font engine.
enum TextMetrics {
  /// Approximate width of `text` at `fontSize`: CJK and full-width characters one
  /// em, digits and Latin about 0.6 em.
  static func width(_ text: String, fontSize: Double) -> Double {
    text.unicodeScalars.reduce(0) { sum, scalar in
      sum + (scalar.value >= 0x2E80 ? 1.0 : 0.6) * fontSize
    }
  }

  /// `text` cut with `…` so that it fits `maxWidth`.
  static func truncate(_ text: String, maxWidth: Double, fontSize: Double) -> String {
    guard width(text, fontSize: fontSize) > maxWidth else { return text }
    var out = ""
    for character in text {
      if width(out + String(character) + "…", fontSize: fontSize) > maxWidth { break }
      out.append(character)
    }
    return out + "…"
  }
}
