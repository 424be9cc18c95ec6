/// Text in several languages, keyed by language code (`zh`, `en`, …).
///
/// XLSForm columns such as `label::中文 (zh)`, `label::English (en)` and `label::zh`
/// all map to the code in parentheses or to the bare code; a plain `label` column
/// (no language) is stored under the empty key `""`.
public struct LocalizedText: Sendable, Hashable {
  /// The texts by language code; `""` holds the text of a column without a language.
  public var texts: [String: String]

  /// Creates localised text from texts keyed by language code (`""` = no language).
  public init(_ texts: [String: String] = [:]) {
    self.texts = texts
  }

  /// Whether no language has a non-empty text.
  public var isEmpty: Bool { texts.values.allSatisfy(\.isEmpty) }

  /// The languages that have a text, sorted, the unnamed default (`""`) first.
  public var languages: [String] { texts.keys.sorted() }

  /// The text in `language`, or `nil` when that language has none.
  public subscript(language: String) -> String? {
    get { texts[language].flatMap { $0.isEmpty ? nil : $0 } }
    set { texts[language] = newValue }
  }

  /// The best text for a reader of `language`: that language, then `fallback`
  /// (usually the form's default language), then the text without a language, then
  /// Chinese, then English, then the first language in sorted order.
  /// - Parameters:
  ///   - language: the reader's language code, for example `zh` or `en`.
  ///   - fallback: a second choice, usually `Instrument.defaultLanguage`.
  /// - Returns: the chosen text, or `nil` when there is no text at all.
  public func text(for language: String, fallback: String? = nil) -> String? {
    var order = [language]
    if let fallback { order.append(fallback) }
    order += ["", "zh", "en"]
    for code in order {
      if let text = self[code] { return text }
    }
    for code in languages {
      if let text = self[code] { return text }
    }
    return nil
  }
}
