extension KitLint {
  /// Every expression of the kit: parsed, names resolved, and checked statically
  /// (functions, argument counts, `selected()` on selects, choice names; a proportion
  /// indicator's value must be true/false; an indicator's references must belong
  /// to its unit). Errors point at sheet, row, column and the character offset.
  static func checkExpressions(_ kit: Kit) -> [Diagnostic] {
    let symbols = KitSymbols(kit: kit)
    var diagnostics: [Diagnostic] = []
    for instrument in kit.instruments {
      diagnostics += checkInstrumentExpressions(instrument, symbols: symbols)
    }
    for indicator in kit.indicators {
      diagnostics += checkIndicator(indicator, kit: kit, symbols: symbols)
    }
    for pair in kit.agreements {
      for source in [pair.left, pair.right] {
        diagnostics += check(source, symbols: symbols, from: nil, currentValue: nil).diagnostics
      }
    }
    return diagnostics
  }

  /// Parses and checks one expression; returns the parsed expression (`nil` when it
  /// does not parse) and the diagnostics.
  static func check(
    _ source: ExpressionSource, symbols: KitSymbols, from form: String?, currentValue: SymbolKind?
  ) -> (expression: Expression?, diagnostics: [Diagnostic]) {
    let expression: Expression
    do {
      expression = try ExpressionParser.parse(source.text)
    } catch {
      return (nil, [Diagnostic(.error, at: source.location(atOffset: error.offset), error.message)])
    }
    let issues = expression.check(
      symbols: { symbols.lookup($0, from: form) }, currentValue: currentValue)
    let diagnostics = issues.map {
      Diagnostic($0.severity, at: source.location(atOffset: $0.offset), $0.message)
    }
    return (expression, diagnostics)
  }

  private static func checkInstrumentExpressions(_ instrument: Instrument, symbols: KitSymbols)
    -> [Diagnostic]
  {
    var diagnostics: [Diagnostic] = []
    var loopChoice: Choice?
    func run(_ source: ExpressionSource?, currentValue: SymbolKind? = nil) {
      guard var source else { return }
      if let loopChoice {
        // A legacy loop repeats its questions once per choice, writing the choice in place of
        // %(name)s and %(label)s; check the first repetition.
        source.text = source.text.replacing("%(name)s", with: loopChoice.name)
          .replacing("%(label)s", with: loopChoice.labels.text(for: "") ?? loopChoice.name)
      }
      diagnostics +=
        check(source, symbols: symbols, from: instrument.formID, currentValue: currentValue)
        .diagnostics
    }
    for group in instrument.groups {
      loopChoice = firstLoopChoice(enclosing: group.path, in: instrument)
      run(group.relevant)
    }
    for question in instrument.questions + instrument.metadata + instrument.unanalysed {
      loopChoice = firstLoopChoice(enclosing: question.path, in: instrument)
      run(question.relevant)
      run(question.constraint, currentValue: KitSymbols.kind(of: question, in: instrument))
      run(question.calculation)
      if case .when(let source) = question.required { run(source) }
    }
    return diagnostics
  }

  /// The first choice of the innermost legacy loop around `path`, if any.
  private static func firstLoopChoice(enclosing path: [String], in instrument: Instrument)
    -> Choice?
  {
    let loops = instrument.groups.filter { group in
      group.loopList != nil && path.starts(with: group.path + [group.name])
    }
    guard let list = loops.max(by: { $0.path.count < $1.path.count })?.loopList else { return nil }
    return instrument.choiceList(named: list)?.choices.first
  }

  private static func checkIndicator(_ indicator: Indicator, kit: Kit, symbols: KitSymbols)
    -> [Diagnostic]
  {
    let owner = "indicator '\(indicator.name)'"
    var diagnostics: [Diagnostic] = []
    let (value, valueProblems) = check(
      indicator.value, symbols: symbols, from: nil, currentValue: nil)
    diagnostics += valueProblems
    var parsed = value.map { [($0, indicator.value)] } ?? []
    if let population = indicator.population {
      let (expression, problems) = check(population, symbols: symbols, from: nil, currentValue: nil)
      diagnostics += problems
      if let expression { parsed.append((expression, population)) }
      if let expression, problems.isEmpty {
        let type = expression.inferredType(symbols: { symbols.lookup($0) })
        if type != .boolean, type != .unknown {
          diagnostics.append(
            Diagnostic(
              .error, at: population.location(atOffset: 1),
              "the population of \(owner) is \(type), not true/false; write a condition such as ${age} >= 6"
            ))
        }
      }
    }
    if let value, valueProblems.allSatisfy({ $0.severity != .error }) {
      let type = value.inferredType(symbols: { symbols.lookup($0) })
      switch (indicator.kind, type) {
      case (_, .unknown), (.proportion, .boolean), (.mean, .number), (.mean, .boolean):
        break
      case (.proportion, _):
        diagnostics.append(
          Diagnostic(
            .error, at: indicator.value.location(atOffset: 1),
            "\(owner) is a proportion, so its value must be true/false, but it is \(type); write a condition such as ${contact} = 'weekly'"
          ))
      case (.mean, _):
        diagnostics.append(
          Diagnostic(
            .error, at: indicator.value.location(atOffset: 1),
            "\(owner) is a mean, so its value must be a number, but it is \(type)"))
      }
    }
    for (expression, source) in parsed {
      diagnostics += unitProblems(
        expression, source: source, indicator: indicator, kit: kit, symbols: symbols)
    }
    return diagnostics
  }

  /// A child indicator reads child-level answers (roster, child, guardian, teacher);
  /// a volunteer indicator reads the volunteer register.
  private static func unitProblems(
    _ expression: Expression, source: ExpressionSource, indicator: Indicator, kit: Kit,
    symbols: KitSymbols
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for reference in expression.references {
      guard case .success(let target) = symbols.resolve(reference) else { continue }
      let form: String
      switch target {
      case .question(let f, _): form = f
      case .scale(let name): form = kit.scale(named: name)?.form ?? ""
      }
      guard let respondent = kit.instrument(formID: form)?.respondent else { continue }
      let isVolunteerForm = respondent == .volunteer
      if isVolunteerForm != (indicator.unit == .volunteer) {
        let unit = indicator.unit == .volunteer ? "volunteers" : "children"
        diagnostics.append(
          Diagnostic(
            .error, at: source.location(atOffset: reference.offset),
            "indicator '\(indicator.name)' counts \(unit) (unit \(indicator.unit.rawValue)), but \(reference) is from form \(form), answered about \(isVolunteerForm ? "volunteers" : "children")"
          ))
      }
    }
    return diagnostics
  }
}
