import SurveySchema

/// Evaluates the kit's indicators on one child's (or volunteer's) generated answers, with
/// the kit's own expressions and indicator blank semantics (docs/expressions.md), so the
/// census values in truth.csv are what the pipeline computes from error-free files.
struct IndicatorEvaluator: Sendable {
  /// Where a bound reference reads: a question of one of `forms`, a scale, or nothing.
  enum Target: Sendable {
    case question(form: Int, slot: Int)
    case scale(Int)
    case none
  }

  /// One indicator bound to slots (a class, so evaluating it per child copies nothing).
  final class Bound: Sendable {
    let indicator: Indicator
    let isProportion: Bool
    let unit: IndicatorUnit
    let value: BoundExpression
    let population: BoundExpression?

    init(indicator: Indicator, value: BoundExpression, population: BoundExpression?) {
      self.indicator = indicator
      isProportion = indicator.kind == .proportion
      unit = indicator.unit
      self.value = value
      self.population = population
    }
  }

  /// The form ids, in the order responses are passed to `evaluate`.
  let forms: [String]
  let indicators: [Bound]
  let targets: [Target]
  let scales: [ScaleScorer]

  /// Binds every indicator of the kit. `forms` lists the instruments whose answers will be
  /// passed, in order.
  init(kit: Kit, forms: [String]) throws(DemoError) {
    self.forms = forms
    let symbols = KitSymbols(kit: kit)
    var targets: [Target] = []
    var slots: [String: Int] = [:]
    var scaleIndex: [String: Int] = [:]
    var scales: [ScaleScorer] = []
    for scale in kit.scales {
      guard let form = forms.firstIndex(of: scale.form),
        let instrument = kit.instrument(formID: scale.form)
      else {
        continue
      }
      scaleIndex[scale.name] = scales.count
      scales.append(ScaleScorer(scale: scale, form: form, instrument: instrument))
    }
    func resolve(_ reference: Reference) throws(ExpressionError) -> Int {
      let target: Target
      let key: String
      switch symbols.resolve(reference) {
      case .success(.question(let form, let name)):
        key = "\(form).\(name)"
        if let formIndex = forms.firstIndex(of: form),
          let instrument = kit.instrument(formID: form),
          let slot = instrument.index(ofQuestion: name)
        {
          target = .question(form: formIndex, slot: slot)
        } else {
          target = .none
        }
      case .success(.scale(let name)):
        key = "scale:\(name)"
        target = scaleIndex[name].map { .scale($0) } ?? .none
      case .failure:
        throw ExpressionError(
          "'\(reference.text)' does not name a question or scale of the kit", at: reference.offset)
      }
      if let slot = slots[key] { return slot }
      slots[key] = targets.count
      targets.append(target)
      return targets.count - 1
    }
    var bound: [Bound] = []
    for indicator in kit.indicators {
      do {
        let value = try ExpressionParser.parse(indicator.value.text).bind(resolve)
        let population = try indicator.population.map { source throws(ExpressionError) in
          try ExpressionParser.parse(source.text).bind(resolve)
        }
        bound.append(Bound(indicator: indicator, value: value, population: population))
      } catch {
        throw DemoError(
          "\(indicator.location): indicator \(indicator.name): \(error.message); run `careeval lint`"
        )
      }
    }
    indicators = bound
    self.targets = targets
    self.scales = scales
  }

  /// Each indicator's value for one unit: `nil` when the unit is outside the population or
  /// the value is missing; 1/0 for a proportion; the number for a mean. `responses[i]` are
  /// the answers to `forms[i]`, or nil when that informant did not answer.
  func evaluate(_ responses: [[Answer]?], unit: IndicatorUnit) -> [Double?] {
    let scores = unit == .child ? scales.map { $0.score(responses[$0.form]) } : []
    let context = Context(responses: responses, scores: scores, targets: targets)
    return indicators.map { bound in
      guard bound.unit == unit else { return nil }
      if let population = bound.population,
        population.isTrue(semantics: .indicator, in: context) != true
      {
        return nil
      }
      guard let value = bound.value.evaluate(semantics: .indicator, in: context) else { return nil }
      if bound.isProportion { return value.booleanValue ? 1 : 0 }
      let x = value.numberValue
      return x.isFinite ? x : nil
    }
  }

  private struct Context: ExpressionContext {
    let responses: [[Answer]?]
    let scores: [Answer]
    let targets: [Target]
    var today: String { "2026-05-15" }

    func answer(slot: Int) -> Answer {
      switch targets[slot] {
      case .question(let form, let index): return responses[form]?[index] ?? .notAsked
      case .scale(let index): return scores.indices.contains(index) ? scores[index] : .notAsked
      case .none: return .notAsked
      }
    }
  }
}

/// A scale score from one response, as scales.csv defines it: items reversed as
/// `item_min + item_max - x`, the mean or sum of the answered items, blank when fewer than
/// `min_valid` items are answered.
struct ScaleScorer: Sendable {
  let form: Int
  private let items: [(slot: Int?, values: [String: Double], reversed: Bool)]
  private let low: Double
  private let high: Double
  private let isSum: Bool
  private let minValid: Int

  init(scale: Scale, form: Int, instrument: Instrument) {
    self.form = form
    var lows: [Double] = []
    var highs: [Double] = []
    items = scale.items.map { name in
      var values: [String: Double] = [:]
      if let question = instrument.question(named: name),
        let list = instrument.choiceList(for: question)
      {
        for choice in list.choices { if let x = choice.numericValue { values[choice.name] = x } }
        if let min = values.values.min(), let max = values.values.max() {
          lows.append(min)
          highs.append(max)
        }
      }
      return (instrument.index(ofQuestion: name), values, scale.reverse.contains(name))
    }
    low = scale.itemMin ?? lows.min() ?? 0
    high = scale.itemMax ?? highs.max() ?? 0
    isSum = scale.method == .sum
    minValid = scale.minValid ?? scale.items.count
  }

  func score(_ answers: [Answer]?) -> Answer {
    guard let answers else { return .notAsked }
    var sum = 0.0
    var count = 0
    for item in items {
      guard let slot = item.slot, let value = answers[slot].value else { continue }
      let x: Double? =
        switch value {
        case .number(let n): n
        case .string(let s): item.values[s] ?? Double(s)
        default: nil
        }
      guard let x, x.isFinite else { continue }
      sum += item.reversed ? low + high - x : x
      count += 1
    }
    guard count >= minValid, count > 0 else { return .blank }
    return .value(.number(isSum ? sum : sum / Double(count)))
  }
}
