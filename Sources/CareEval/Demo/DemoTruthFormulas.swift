import SurveySchema

/// The exact expected value of each default-kit indicator in a county, computed from the
/// county's parameters with the same tables the generator draws from: the "generating
/// parameter" of truth.csv.
///
/// Each formula is written for one indicator definition of surveys/aixin. The definition
/// is part of the formula: when a kit's indicator of that name has another value or
/// population expression, its parameter is left blank (`nil`) rather than guessed.
/// Informant non-response is at random within a county, so it cancels from every ratio.
struct TruthFormulas: Sendable {
  /// How the value of an indicator is expected to be computed.
  enum Formula: Sendable {
    /// Written out for this definition (value and population texts as in the kit).
    case closed(value: String, population: String?, @Sendable (CountyModel) -> Double)
    /// The kit's value expression evaluated on the distribution of one scale's score.
    case scale(String, population: String?, ScalePopulation)
    /// The kit's value expression evaluated on the distribution of one select_one answer.
    case answer(form: String, question: String, population: String?, AnswerPopulation)
  }

  enum ScalePopulation: Sendable { case all, paired }
  enum AnswerPopulation: Sendable { case all, academicLag }

  private let catalog: ItemCatalog
  private let entries: [(indicator: Indicator, formula: Formula, bound: BoundExpression?)]

  init(kit: Kit, catalog: ItemCatalog) {
    self.catalog = catalog
    let table = Self.table
    entries = kit.indicators.compactMap { indicator in
      guard let formula = table[indicator.name] else { return nil }
      switch formula {
      case .closed(let value, let population, _):
        guard Self.same(indicator.value.text, value),
          Self.same(indicator.population?.text, population)
        else {
          return nil
        }
        return (indicator, formula, nil)
      case .scale(_, let population, _), .answer(_, _, let population, _):
        guard Self.same(indicator.population?.text, population),
          let bound = try? ExpressionParser.parse(indicator.value.text).bind({
            _ throws(ExpressionError) in 0
          }),
          Set((try? ExpressionParser.parse(indicator.value.text).references.map(\.text)) ?? [])
            .count == 1
        else { return nil }
        return (indicator, formula, bound)
      }
    }
  }

  private static func same(_ a: String?, _ b: String?) -> Bool {
    a.map { $0.filter { !$0.isWhitespace } } == b.map { $0.filter { !$0.isWhitespace } }
  }

  /// The names of the indicators this kit's formulas cover.
  var covered: Set<String> { Set(entries.map(\.indicator.name)) }

  /// The generating parameter of an indicator in a county, or nil when not covered.
  func parameter(_ name: String, model: CountyModel) -> Double? {
    var cache: [String: [(score: Double, probability: Double)]] = [:]
    return parameter(name, model: model, cache: &cache)
  }

  /// The generating parameters of every covered indicator in a county, by name.
  func parameters(model: CountyModel) -> [String: Double] {
    var cache: [String: [(score: Double, probability: Double)]] = [:]
    var result: [String: Double] = [:]
    for entry in entries {
      result[entry.indicator.name] = parameter(entry.indicator.name, model: model, cache: &cache)
    }
    return result
  }

  private func parameter(
    _ name: String, model: CountyModel,
    cache: inout [String: [(score: Double, probability: Double)]]
  ) -> Double? {
    guard let entry = entries.first(where: { $0.indicator.name == name }) else { return nil }
    switch entry.formula {
    case .closed(_, _, let compute):
      return compute(model)
    case .scale(let scale, _, let population):
      guard let bound = entry.bound, let scaleModel = catalog.scales[scale] else { return nil }
      return Self.expectation(
        components: ScaleComponents.components(scale, population: population, model: model),
        scale: scaleModel,
        value: bound
      ) { mean in
        let key = "\(scale)|\(mean)"
        if let known = cache[key] { return known }
        let scores = scaleModel.distribution(mean: mean).scores
        cache[key] = scores
        return scores
      }
    case .answer(let form, let question, _, let population):
      guard let bound = entry.bound else { return nil }
      let distribution = AnswerComponents.distribution(
        form: form, question: question, population: population, model: model, catalog: catalog)
      var num = 0.0
      var den = 0.0
      for (choice, p) in distribution where p > 0 {
        let context = AnswerContext(answers: [.value(.string(choice))], today: "2026-05-15")
        guard let value = bound.evaluate(semantics: .indicator, in: context) else { continue }
        den += p
        num +=
          p
          * (entry.indicator.kind == .proportion ? (value.booleanValue ? 1 : 0) : value.numberValue)
      }
      return den > 0 ? num / den : nil
    }
  }

  /// Σ weight · E[value(score)] over Σ weight · P(value present), the scale score
  /// distributed as `ScaleModel.distribution` for each component's latent mean.
  static func expectation(
    components: [(weight: Double, mean: Double)], scale: ScaleModel, value: BoundExpression,
    distribution: (Double) -> [(score: Double, probability: Double)]
  ) -> Double? {
    // Components with the same latent mean share one score distribution.
    var merged: [Double: Double] = [:]
    for (weight, mean) in components where weight > 0 { merged[mean, default: 0] += weight }
    var num = 0.0
    var den = 0.0
    for mean in merged.keys.sorted() {
      let weight = merged[mean] ?? 0
      let scores = distribution(mean)
      for (score, p) in scores {
        let context = AnswerContext(answers: [.value(.number(score))], today: "2026-05-15")
        guard let value = value.evaluate(semantics: .indicator, in: context) else { continue }
        den += weight * p
        num += weight * p * (value.isBoolean ? (value.booleanValue ? 1 : 0) : value.numberValue)
      }
    }
    return den > 0 ? num / den : nil
  }
}

extension Value {
  /// Whether the value is true/false (a proportion's value) rather than a number.
  var isBoolean: Bool {
    if case .bool = self { return true }
    return false
  }
}
