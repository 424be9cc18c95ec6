import SurveySchema

/// Scores one scale from a response of its instrument (issue 6 §1).
///
/// An item's number is its choice's value (the `value` column, else the choice name
/// read as a number) for select_one items, and the answer itself for integer,
/// decimal and calculate items. A reversed item scores `item_min + item_max − x`,
/// with the range from scales.csv or, when those cells are blank, from the lowest and
/// highest choice values of the item's list. Items that are blank, not asked or not a
/// number are invalid. With at least `min_valid` valid items (all items when blank),
/// the score is their mean or their sum; otherwise it is missing. A `sum` adds only
/// the valid items: when `min_valid` is below the item count, prefer `mean`.
struct ScaleScorer: Sendable {
  /// One item: where its answer is and how to turn it into a number.
  struct Item: Sendable {
    var slot: Int
    /// Choice names and numbers, for select_one items (searched in order: lists are
    /// short); `nil` reads the value as a number.
    var choiceValues: [(name: String, value: Double)]?
    /// `lo + hi` for a reversed item, else `nil`.
    var reverseSum: Double?
  }

  /// The scale's name and form.
  let name: String
  let form: String
  let items: [Item]
  /// Fewest valid items for a score.
  let minValid: Int
  /// Mean (else sum) of the valid items.
  let isMean: Bool
  /// The band cut-offs, ascending.
  let bands: [Double]

  /// Prepares a scale for its instrument.
  /// - Throws: `ScoringError` when an item is not a question of the form, or a
  ///   reversed item has no range (no item_min/item_max and no numeric choices).
  init(scale: Scale, instrument: Instrument) throws(ScoringError) {
    var problems: [Diagnostic] = []
    var items: [Item] = []
    for name in scale.items {
      guard let slot = instrument.index(ofQuestion: name) else {
        problems.append(
          Diagnostic(.error, at: scale.itemsLocation, "scale \(scale.name): item '\(name)' is not a question of form \(instrument.formID)"))
        continue
      }
      let question = instrument.questions[slot]
      var choiceValues: [(name: String, value: Double)]?
      var range: (Double, Double)?
      if case .selectOne = question.type, let list = instrument.choiceList(for: question) {
        let values = list.choices.compactMap { choice in choice.numericValue.map { (choice.name, $0) } }
        choiceValues = values
        if let lo = values.map(\.1).min(), let hi = values.map(\.1).max() { range = (lo, hi) }
      }
      if let lo = scale.itemMin, let hi = scale.itemMax { range = (lo, hi) }
      var reverseSum: Double?
      if scale.reverse.contains(name) {
        guard let (lo, hi) = range else {
          problems.append(
            Diagnostic(
              .error, at: scale.reverseLocation,
              "scale \(scale.name): item '\(name)' is reversed but has no range; fill item_min and item_max, or give its choices numeric values"
            ))
          continue
        }
        reverseSum = lo + hi
      }
      items.append(Item(slot: slot, choiceValues: choiceValues, reverseSum: reverseSum))
    }
    if !problems.isEmpty { throw ScoringError(problems) }
    self.name = scale.name
    self.form = scale.form
    self.items = items
    self.minValid = min(scale.minValid ?? items.count, items.count)
    self.isMean = scale.method == .mean
    self.bands = scale.bands
  }

  /// The scored value of one item (reversed where needed), or `nil` when invalid.
  func itemScore(_ item: Item, in answers: [Answer]) -> Double? {
    guard item.slot < answers.count, let value = answers[item.slot].value else { return nil }
    let x: Double?
    if let choiceValues = item.choiceValues {
      if case .string(let name) = value {
        x = choiceValues.first { $0.name == name }?.value
      } else {
        x = finite(value.numberValue)
      }
    } else {
      x = finite(value.numberValue)
    }
    guard let x else { return nil }
    return item.reverseSum.map { $0 - x } ?? x
  }

  /// The score from the answers, or `nil` when fewer than `minValid` items are
  /// valid. `itemScore` receives each item's scored value (or `nil`) in item order.
  func score(_ answers: [Answer], itemScore each: (Int, Double?) -> Void) -> Double? {
    var sum = 0.0
    var valid = 0
    for (i, item) in items.enumerated() {
      let x = itemScore(item, in: answers)
      each(i, x)
      if let x {
        sum += x
        valid += 1
      }
    }
    guard valid >= max(minValid, 1) else { return nil }
    return isMean ? sum / Double(valid) : sum
  }

  /// The band of a score: 1 below the first cut-off, 2 from the first to below the
  /// second, …; `nil` when the scale has no bands or the score is missing.
  func band(of score: Double?) -> Int? {
    guard let score, !bands.isEmpty else { return nil }
    var band = 1
    for cut in bands where score >= cut { band += 1 }
    return band
  }

  private func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
}
