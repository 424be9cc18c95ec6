/// What a name in an expression stands for, as far as static checks care.
public enum SymbolKind: Sendable, Hashable, CustomStringConvertible {
  /// An integer or decimal question, or a scale score.
  case number
  /// A text question.
  case text
  /// An ISO `YYYY-MM-DD` date (held as text).
  case date
  /// A select_one question: its list name and the list's choice names.
  case selectOne(list: String, choices: [String])
  /// A select_multiple question: its list name and the list's choice names.
  case selectMultiple(list: String, choices: [String])
  /// A true/false value (a comparison, `selected()`…).
  case boolean
  /// Not known statically (for example a calculate, or a missing list).
  case unknown

  /// How a message names the kind: "a number", "a select_one question"…
  public var description: String {
    switch self {
    case .number: "a number"
    case .text: "text"
    case .date: "a date"
    case .selectOne: "a select_one question"
    case .selectMultiple: "a select_multiple question"
    case .boolean: "a true/false value"
    case .unknown: "of unknown type"
    }
  }
}

/// What a symbol table says about a reference; supplied by the kit to
/// ``Expression/check(symbols:currentValue:)``.
public enum SymbolLookup: Sendable, Hashable {
  /// The name resolves to one question or scale of this kind.
  case found(SymbolKind)
  /// No question or scale has this name; `suggestion` is a close name, if any.
  case unknown(suggestion: String?)
  /// `${name}` without a form matches questions in several forms.
  case ambiguous(forms: [String])
  /// `${form.name}` names a form the kit does not have; `suggestion` is a close form id.
  case unknownForm(suggestion: String?)
}
