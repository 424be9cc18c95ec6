import SurveySchema

/// Everything scoring needs from a kit, prepared once: which fields to keep, the
/// scales of each form, the indicators and agreement pairs bound to store columns,
/// and the register's design, region and breakdown fields.
struct ScoringPlan: Sendable {
  let kit: Kit
  let options: ScoringOptions
  let fields: [StoredField]
  let forms: [String: FormPlan]
  /// The same plans by kit position (`FormPlan.index`).
  let formList: [FormPlan]
  let indicators: [BoundIndicator]
  let agreements: [BoundAgreement]
  let childColumns: Int
  let volunteerColumns: Int
  /// The roster's region column, and the volunteer register's.
  let childRegionColumn: Int?
  let volunteerRegionColumn: Int?
  let strataColumn: Int?
  let psuColumn: Int?
  let hasWeightField: Bool
  /// The roster's categories field (for scores.csv), if the roster has one.
  let categoriesColumn: Int?
  let breakdown: Breakdown?
  let today: String

  /// Prepares a kit.
  /// - Throws: `ScoringError` listing every expression, scale or option problem.
  init(kit: Kit, options: ScoringOptions) throws(ScoringError) {
    var resolver = FieldResolver(kit: kit)
    var problems: [Diagnostic] = []
    var forms: [String: FormPlan] = [:]
    for (index, instrument) in kit.instruments.enumerated() {
      forms[instrument.formID] = FormPlan(form: instrument.formID, unit: UnitKind(instrument), index: index)
    }

    for (i, scale) in kit.scales.enumerated() {
      guard let instrument = kit.instrument(formID: scale.form) else {
        problems.append(Diagnostic(.error, at: scale.formLocation, "scale \(scale.name): the kit has no form '\(scale.form)'"))
        continue
      }
      do {
        let scorer = try ScaleScorer(scale: scale, instrument: instrument)
        let score = resolver.field(.scale(i)).column
        let items = scale.items.indices.map { resolver.field(.scaleItem(i, $0)).column }
        forms[scale.form]?.scales.append(ScalePlan(index: i, scorer: scorer, scoreColumn: score, itemColumns: items))
      } catch {
        problems += error.diagnostics
      }
    }

    var indicators: [BoundIndicator] = []
    for indicator in kit.indicators {
      let unit = UnitKind(indicator.unit)
      var columns: Set<Int> = []
      let value = Self.bind(indicator.value, for: unit, &resolver, &columns, &problems)
      var population: BoundExpression?
      var populationBound = true
      if let source = indicator.population {
        population = Self.bind(source, for: unit, &resolver, &columns, &problems)
        populationBound = population != nil
      }
      if let value, populationBound {
        indicators.append(
          BoundIndicator(indicator: indicator, unit: unit, value: value, population: population, columns: columns.sorted()))
      }
    }
    var agreements: [BoundAgreement] = []
    for pair in kit.agreements {
      var columns: Set<Int> = []
      let left = Self.bind(pair.left, for: .child, &resolver, &columns, &problems)
      let right = Self.bind(pair.right, for: .child, &resolver, &columns, &problems)
      if let left, let right {
        agreements.append(BoundAgreement(pair: pair, left: left, right: right, columns: columns.sorted()))
      }
    }

    func column(_ instrument: Instrument?, _ name: String?) -> Int? {
      guard let instrument, let name, let slot = instrument.index(ofQuestion: name) else { return nil }
      return resolver.field(.question(form: instrument.formID, slot: slot)).column
    }
    let roster = kit.roster
    childRegionColumn = column(roster, roster?.regionField)
    let volunteerForm = kit.instruments.first { $0.respondent == .volunteer }
    volunteerRegionColumn = column(volunteerForm, volunteerForm?.regionField)
    strataColumn = column(roster, roster?.strataField)
    psuColumn = column(roster, roster?.psuField)
    hasWeightField = roster?.weightField.flatMap { roster?.index(ofQuestion: $0) } != nil
    let categories = roster?.questions.first { question in
      if question.name == "categories" { return true }
      if case .selectMultiple(let list, _) = question.type { return list == "category" }
      return false
    }
    categoriesColumn = column(roster, categories?.name)

    if !problems.isEmpty { throw ScoringError(problems) }
    guard options.confidenceLevel > 0 && options.confidenceLevel < 1 else {
      throw ScoringError(
        [Diagnostic(.error, at: SourceLocation(file: "--level-confidence", row: 1, column: 1), "the confidence level must lie between 0 and 1, such as 0.95")],
        isUsage: true)
    }
    var breakdown: Breakdown?
    if let by = options.by {
      do {
        breakdown = try Self.breakdown(by, roster: roster, options: options) { column(roster, $0) }
      } catch {
        throw ScoringError(error.diagnostics, isUsage: true)
      }
    }

    for field in resolver.fields {
      guard case .question(let form, let slot) = field.source else { continue }
      forms[form]?.copies.append((slot: slot, column: field.column))
    }
    if let roster, let weight = roster.weightField, let slot = roster.index(ofQuestion: weight) {
      forms[roster.formID]?.weightSlot = slot
    }
    self.kit = kit
    self.options = options
    self.fields = resolver.fields
    self.forms = forms
    self.formList = forms.values.sorted { $0.index < $1.index }
    self.indicators = indicators
    self.agreements = agreements
    self.childColumns = resolver.columnCounts[.child, default: 0]
    self.volunteerColumns = resolver.columnCounts[.volunteer, default: 0]
    self.breakdown = breakdown
    self.today = options.today ?? AnswerContext(answers: []).today
  }

  /// Parses and binds one expression cell; problems become located diagnostics.
  private static func bind(
    _ source: ExpressionSource, for unit: UnitKind, _ resolver: inout FieldResolver, _ columns: inout Set<Int>,
    _ problems: inout [Diagnostic]
  ) -> BoundExpression? {
    do {
      let expression = try ExpressionParser.parse(source.text)
      return try expression.bind { (reference) throws(ExpressionError) -> Int in
        let field = try resolver.resolve(reference, for: unit)
        columns.insert(field.column)
        return field.column
      }
    } catch {
      problems.append(Diagnostic(.error, at: source.location(atOffset: error.offset), error.message))
      return nil
    }
  }

  /// Resolves `--by`: a roster question of that name (or its plural), a roster select
  /// question whose choice list has that name, or `age_band` from the year or date of birth.
  private static func breakdown(
    _ by: String, roster: Instrument?, options: ScoringOptions, column: (String) -> Int?
  ) throws(ScoringError) -> Breakdown {
    let nowhere = SourceLocation(file: "--by", row: 1, column: 1)
    guard let roster else {
      throw ScoringError([Diagnostic(.error, at: nowhere, "--by \(by) needs a child register (roster) in the kit")])
    }
    let question =
      roster.questions.first { $0.name == by } ?? roster.questions.first { $0.name == by + "s" }
      ?? roster.questions.first { $0.type.choiceList == by }
    if let question, let slot = column(question.name) {
      let order = roster.choiceList(for: question)?.names ?? []
      return Breakdown(label: by, column: slot, source: .values, order: order)
    }
    if by == "age_band" {
      let birth =
        roster.questions.first { $0.name == "birth_year" && $0.type.isNumeric }
        ?? roster.questions.first { ($0.name == "birth_date" || $0.name == "date_of_birth") && $0.type == .date }
      if let birth, let slot = column(birth.name) {
        let year = options.referenceYear ?? Int((options.today ?? AnswerContext(answers: []).today).prefix(4)) ?? 0
        return Breakdown(label: by, column: slot, source: .ageBand(referenceYear: year), order: AgeBand.names)
      }
      throw ScoringError([
        Diagnostic(.error, at: nowhere, "--by age_band needs a birth_year (integer) or birth_date (date) question in the child register")
      ])
    }
    let selects = roster.questions.filter { $0.type.choiceList != nil }.map(\.name)
    throw ScoringError([
      Diagnostic(
        .error, at: nowhere,
        "--by \(by): the child register has no such field; use age_band or one of \(selects.joined(separator: ", "))")
    ])
  }
}

/// The age bands of `--by age_band`, following school stages in China: pre-school,
/// primary, junior secondary, senior secondary, adult.
enum AgeBand {
  static let names = ["0-5", "6-11", "12-14", "15-17", "18+"]

  /// The band of an age in whole years, or `nil` for a negative age.
  static func name(forAge age: Int) -> String? {
    switch age {
    case ..<0: nil
    case 0...5: names[0]
    case 6...11: names[1]
    case 12...14: names[2]
    case 15...17: names[3]
    default: names[4]
    }
  }
}
