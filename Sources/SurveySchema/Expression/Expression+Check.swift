extension Expression {
  /// Static checks against the kit's symbol table, without evaluating anything.
  ///
  /// Reports unknown and ambiguous names, `.` outside a constraint, unknown
  /// functions (a warning for XLSForm functions careeval does not evaluate) and
  /// wrong argument counts, `selected()`/`count-selected()` on a question that is
  /// not a select_multiple (a warning for select_one, where it still works), and a
  /// select compared with a choice name its list does not have.
  ///
  /// - Parameters:
  ///   - symbols: Looks up a reference in the kit.
  ///   - currentValue: The kind of the question `.` stands for, or `nil` where `.`
  ///     is not allowed (anywhere but a constraint).
  /// - Returns: The issues, in the order of the text.
  public func check(
    symbols: (Reference) -> SymbolLookup, currentValue: SymbolKind?
  ) -> [ExpressionIssue] {
    withoutActuallyEscaping(symbols) { symbols in
      var checker = Checker(symbols: symbols, currentValue: currentValue)
      checker.walk(self)
      return checker.issues.enumerated()
        .sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }
        .map(\.element)
    }
  }
}

private struct Checker {
  let symbols: (Reference) -> SymbolLookup
  let currentValue: SymbolKind?
  var issues: [ExpressionIssue] = []

  mutating func error(_ message: String, at offset: Int) {
    issues.append(ExpressionIssue(.error, message, at: offset))
  }

  func kind(of e: Expression) -> SymbolKind {
    switch e {
    case .reference(let r):
      if case .found(let kind) = symbols(r) { return kind }
      return .unknown
    case .currentValue: return currentValue ?? .unknown
    default: return .unknown
    }
  }

  mutating func walk(_ e: Expression) {
    switch e {
    case .number, .string: break
    case .reference(let r): reference(r)
    case .currentValue(let offset):
      if currentValue == nil {
        error("'.' (this question's answer) can only be used in a constraint", at: offset)
      }
    case .negate(let operand, _): walk(operand)
    case .binary(let op, let left, let right, _):
      walk(left)
      walk(right)
      if op == .equal || op == .notEqual {
        choiceComparison(kind(of: left), right)
        choiceComparison(kind(of: right), left)
      }
    case .call(let name, let arguments, let offset):
      for argument in arguments { walk(argument) }
      call(name, arguments, at: offset)
    }
  }

  mutating func reference(_ r: Reference) {
    switch symbols(r) {
    case .found: break
    case .unknown(let suggestion):
      let place = r.form.map { " in form '\($0)'" } ?? ""
      error(
        "no question or scale named '\(r.name)'\(place)" + Suggestion.clause(suggestion),
        at: r.offset)
    case .ambiguous(let forms):
      let listed =
        forms.count <= 1
        ? forms.joined() : forms.dropLast().joined(separator: ", ") + " and " + (forms.last ?? "")
      let first = forms.first ?? "form"
      error("'\(r.name)' is in \(listed); write ${\(first).\(r.name)}", at: r.offset)
    case .unknownForm(let suggestion):
      error("no form '\(r.form ?? "")'" + Suggestion.clause(suggestion), at: r.offset)
    }
  }

  mutating func call(_ name: String, _ arguments: [Expression], at offset: Int) {
    guard let function = ExpressionFunction(name: name) else {
      let (severity, message) = ExpressionFunction.unknown(name)
      issues.append(ExpressionIssue(severity, message, at: offset))
      return
    }
    if let problem = function.arityProblem(given: arguments.count) {
      error(problem, at: offset)
      return
    }
    guard function == .selected || function == .countSelected else { return }
    let subject = arguments[0]
    let kind = kind(of: subject)
    let what: String
    switch subject {
    case .reference(let r): what = "'\(r.name)'"
    case .currentValue: what = "this question"
    default: what = "its first argument"
    }
    switch kind {
    case .selectMultiple, .unknown: break
    case .selectOne:
      issues.append(
        ExpressionIssue(
          .warning, "\(what) is a select_one question; \(name)() is meant for select_multiple",
          at: offset))
    default:
      error("\(name)() needs a select_multiple question; \(what) is \(kind)", at: offset)
    }
    if function == .selected { choiceName(kind, arguments[1], wholeValue: true) }
  }

  /// `select = literal`: the literal must be a choice of the select's list.
  mutating func choiceComparison(_ kind: SymbolKind, _ other: Expression) {
    choiceName(kind, other, wholeValue: false)
  }

  /// Checks a literal against a select's choices. A select_multiple compared with
  /// `=` holds space-separated names, each of which must be a choice.
  mutating func choiceName(_ kind: SymbolKind, _ literal: Expression, wholeValue: Bool) {
    let list: String
    let choices: [String]
    var multiple = false
    switch kind {
    case .selectOne(let l, let c): (list, choices) = (l, c)
    case .selectMultiple(let l, let c): (list, choices, multiple) = (l, c, true)
    default: return
    }
    guard !choices.isEmpty else { return }
    switch literal {
    case .string(let text, let offset):
      let names = multiple && !wholeValue ? text.split(separator: " ").map(String.init) : [text]
      for name in names where !name.isEmpty && !choices.contains(name) {
        error(
          "no choice '\(name)' in list \(list)"
            + Suggestion.clause(Suggestion.closest(to: name, among: choices)), at: offset)
      }
    case .number(let x, let offset):
      if !choices.contains(where: { XPathNumber.parse($0) == x }) {
        error("no choice '\(XPathNumber.format(x))' in list \(list)", at: offset)
      }
    default: return
    }
  }
}
