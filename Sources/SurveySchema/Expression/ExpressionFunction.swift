/// The functions careeval evaluates, with their arity and result type.
enum ExpressionFunction: String, CaseIterable, Sendable {
  // Selects
  case selected
  case countSelected = "count-selected"
  // Logic
  case `if`, coalesce, `true`, `false`, not, boolean
  // Text
  case string, concat
  case stringLength = "string-length"
  case regex, contains
  case startsWith = "starts-with"
  case endsWith = "ends-with"
  case substr
  // Numbers
  case number, int, round, abs, floor, ceiling, pow, sqrt, min, max
  // Dates
  case today

  /// The function written `name`, or `nil` if careeval does not evaluate it.
  init?(name: String) { self.init(rawValue: name) }

  /// How many arguments the function takes.
  var arity: ClosedRange<Int> {
    switch self {
    case .true, .false, .today: 0...0
    case .countSelected, .not, .boolean, .string, .stringLength, .number, .int, .abs, .floor,
      .ceiling, .sqrt:
      1...1
    case .selected, .coalesce, .regex, .contains, .startsWith, .endsWith, .pow: 2...2
    case .if: 3...3
    case .round: 1...2
    case .substr: 2...3
    case .concat, .min, .max: 1...Int.max
    }
  }

  /// "takes 2 arguments", "takes 1 or 2 arguments", "takes at least 1 argument".
  var arityText: String {
    let range = arity
    func count(_ n: Int) -> String { n == 1 ? "1 argument" : "\(n) arguments" }
    if range.upperBound == Int.max { return "takes at least \(count(range.lowerBound))" }
    if range.lowerBound == range.upperBound {
      return range.lowerBound == 0 ? "takes no arguments" : "takes \(count(range.lowerBound))"
    }
    let between = range.upperBound - range.lowerBound == 1 ? "or" : "to"
    return "takes \(range.lowerBound) \(between) \(range.upperBound) arguments"
  }

  /// The message for a call with `given` arguments, or `nil` when the count is right.
  func arityProblem(given: Int) -> String? {
    if arity.contains(given) { return nil }
    return "\(rawValue)() \(arityText), not \(given)"
  }

  /// What the function returns; `nil` for `if` and `coalesce`, whose type is their branches'.
  var resultKind: SymbolKind? {
    switch self {
    case .if, .coalesce: nil
    case .selected, .true, .false, .not, .boolean, .regex, .contains, .startsWith, .endsWith:
      .boolean
    case .countSelected, .stringLength, .number, .int, .round, .abs, .floor, .ceiling, .pow, .sqrt,
      .min, .max:
      .number
    case .string, .concat, .substr: .text
    case .today: .date
    }
  }

  /// XLSForm/ODK functions that forms may use but careeval does not evaluate.
  /// Lint reports them as warnings; binding an expression that uses one fails.
  static let xlsformOnly: Set<String> = [
    "once", "selected-at", "jr:choice-name", "choice-name", "substring", "substring-before",
    "substring-after", "normalize-space", "join", "translate", "sum", "count", "count-non-empty",
    "now", "date", "date-time", "format-date", "format-date-time", "decimal-date-time",
    "decimal-time", "position", "indexed-repeat", "checklist", "weighted-checklist", "log",
    "log10", "exp", "exp10", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "pi", "uuid",
    "random", "digest", "base64-decode", "boolean-from-string", "area", "distance", "pulldata",
    "jr:itext", "current", "instance", "last", "version", "property",
  ]

  /// The message for a name that is not a careeval function, with its severity:
  /// a warning for XLSForm functions careeval skips, an error otherwise.
  static func unknown(_ name: String) -> (Diagnostic.Severity, String) {
    if xlsformOnly.contains(name) {
      return (.warning, "careeval does not evaluate the XLSForm function \(name)()")
    }
    let suggestion = Suggestion.closest(to: name, among: allCases.map(\.rawValue))
    return (.error, "unknown function '\(name)'" + Suggestion.clause(suggestion))
  }
}
