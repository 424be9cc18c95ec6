extension Expression {
  /// The type of the expression's value, as far as it can be known statically.
  ///
  /// Comparisons, `and`/`or`, `not()`, `selected()`, `regex()` and the other
  /// predicates are boolean; arithmetic and numeric functions are numbers;
  /// `if()` and `coalesce()` take the type their branches share. The number
  /// literals 0 and 1 count as booleans inside `if()`/`coalesce()`, so
  /// `if(${a} = 'yes', 1, 0)` is boolean (a valid proportion indicator value),
  /// while a bare `1` or `coalesce(${n}, 0)` with a numeric `${n}` is a number.
  ///
  /// - Parameters:
  ///   - symbols: Looks up a reference in the kit; anything but `.found` is `.unknown`.
  ///   - currentValue: The kind of the question `.` stands for, if any.
  public func inferredType(
    symbols: (Reference) -> SymbolLookup, currentValue: SymbolKind? = nil
  ) -> SymbolKind {
    switch inferred(symbols, currentValue) {
    case .kind(let kind): kind
    case .zeroOrOne:
      // A bare literal 0 or 1 is a number; if()/coalesce() of 0/1 literals is a boolean.
      if case .number = self { .number } else { .boolean }
    }
  }

  private enum Inferred: Equatable {
    case kind(SymbolKind)
    /// The literal 0 or 1: a number, or a boolean next to booleans.
    case zeroOrOne
  }

  private func inferred(_ symbols: (Reference) -> SymbolLookup, _ current: SymbolKind?) -> Inferred
  {
    switch self {
    case .number(let x, _): return x == 0 || x == 1 ? .zeroOrOne : .kind(.number)
    case .string: return .kind(.text)
    case .reference(let r):
      if case .found(let kind) = symbols(r) { return .kind(kind) }
      return .kind(.unknown)
    case .currentValue: return .kind(current ?? .unknown)
    case .negate: return .kind(.number)
    case .binary(let op, _, _, _):
      switch op {
      case .plus, .minus, .times, .divide, .modulo: return .kind(.number)
      default: return .kind(.boolean)
      }
    case .call(let name, let arguments, _):
      guard let function = ExpressionFunction(name: name),
        function.arityProblem(given: arguments.count) == nil
      else { return .kind(.unknown) }
      if let kind = function.resultKind { return .kind(kind) }
      let branches = function == .if ? [arguments[1], arguments[2]] : [arguments[0], arguments[1]]
      return Self.join(
        branches[0].inferred(symbols, current), branches[1].inferred(symbols, current))
    }
  }

  /// The type two branches share.
  private static func join(_ a: Inferred, _ b: Inferred) -> Inferred {
    if a == b { return a }
    switch (a, b) {
    case (.zeroOrOne, .kind(.boolean)), (.kind(.boolean), .zeroOrOne): return .kind(.boolean)
    case (.zeroOrOne, .kind(.number)), (.kind(.number), .zeroOrOne): return .kind(.number)
    case (.kind(let x), .kind(let y)):
      if x == .unknown || y == .unknown { return .kind(.unknown) }
      if x.isText && y.isText { return .kind(.text) }
      return .kind(.unknown)
    default: return .kind(.unknown)
    }
  }
}

extension SymbolKind {
  /// Text-like kinds: text, dates and select answers (all held as text).
  fileprivate var isText: Bool {
    switch self {
    case .text, .date, .selectOne, .selectMultiple: true
    default: false
    }
  }
}
