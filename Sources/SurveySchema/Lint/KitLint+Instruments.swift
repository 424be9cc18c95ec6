extension KitLint {
  /// Instruments against each other: unique form_ids, one instrument per respondent.
  static func checkInstruments(_ kit: Kit) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var byFormID: [String: Instrument] = [:]
    var byRespondent: [Respondent: Instrument] = [:]
    for instrument in kit.instruments {
      if let first = byFormID[instrument.formID] {
        diagnostics.append(
          Diagnostic(
            .error, at: instrument.location,
            "duplicate form_id '\(instrument.formID)' (also the form_id of \(first.folder)); form_ids must differ"
          ))
      } else {
        byFormID[instrument.formID] = instrument
      }
      guard let respondent = instrument.respondent else { continue }
      if let first = byRespondent[respondent] {
        diagnostics.append(
          Diagnostic(
            .error, at: instrument.location,
            "form \(instrument.formID) and form \(first.formID) both have respondent \(respondent.rawValue); a kit has one instrument per respondent, so whose answers these are would be ambiguous"
          ))
      } else {
        byRespondent[respondent] = instrument
      }
    }
    return diagnostics
  }

  /// Scales against the instruments: the form exists, the items are numeric
  /// questions of it, reversed items are items and can be reversed.
  static func checkScales(_ kit: Kit) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for scale in kit.scales {
      let owner = "scale '\(scale.name)'"
      for instrument in kit.instruments where instrument.question(named: scale.name) != nil {
        diagnostics.append(
          Diagnostic(
            .error, at: scale.location,
            "\(owner) has the same name as a question of form \(instrument.formID); ${\(scale.name)} would be ambiguous"
          ))
      }
      guard let instrument = kit.instrument(formID: scale.form) else {
        let forms = kit.instruments.map(\.formID)
        var message = "\(owner) names form '\(scale.form)', which is not in this kit"
        message +=
          Suggestion.closest(to: scale.form, among: forms).map { "; did you mean '\($0)'?" } ?? ""
        diagnostics.append(Diagnostic(.error, at: scale.formLocation, message))
        continue
      }
      for item in scale.items {
        if let problem = itemProblem(item, in: instrument) {
          diagnostics.append(Diagnostic(.error, at: scale.itemsLocation, "\(owner): \(problem)"))
        }
      }
      for item in scale.reverse where !scale.items.contains(item) {
        diagnostics.append(
          Diagnostic(
            .error, at: scale.reverseLocation,
            "\(owner) reverses '\(item)', which is not one of its items"))
      }
      if !scale.reverse.isEmpty, scale.itemMin == nil || scale.itemMax == nil {
        for item in scale.reverse
        where scale.items.contains(item) && choiceRange(item, in: instrument) == nil {
          diagnostics.append(
            Diagnostic(
              .error, at: scale.reverseLocation,
              "\(owner) reverses '\(item)' but has no item_min and item_max, and '\(item)' has no numeric choices to take them from"
            ))
        }
      }
    }
    return diagnostics
  }

  /// Why an item cannot be scored, or `nil` when it can.
  private static func itemProblem(_ item: String, in instrument: Instrument) -> String? {
    guard let question = instrument.question(named: item) else {
      var message = "item '\(item)' is not a question of form \(instrument.formID)"
      let names = instrument.questions.map(\.name)
      message += Suggestion.closest(to: item, among: names).map { "; did you mean '\($0)'?" } ?? ""
      return message
    }
    if question.isInRepeat {
      return "item '\(item)' is inside a repeat, whose answers are not analysed"
    }
    switch question.type {
    case .integer, .decimal, .calculate:
      return nil
    case .selectOne(let listName):
      // A missing list is reported on the survey sheet.
      guard let list = instrument.choiceList(named: listName) else { return nil }
      if let bad = list.choices.first(where: { $0.numericValue == nil }) {
        return
          "item '\(item)' has choice '\(bad.name)' (list \(listName)) with no numeric value; add a value column to choices.csv"
      }
      return nil
    default:
      return
        "item '\(item)' is \(question.typeText), not a number; scale items are integer, decimal, calculate or select_one with numeric choices"
    }
  }

  /// The lowest and highest choice values of a select_one item, or `nil`.
  static func choiceRange(_ item: String, in instrument: Instrument) -> ClosedRange<Double>? {
    guard let question = instrument.question(named: item), case .selectOne = question.type,
      let list = instrument.choiceList(for: question)
    else { return nil }
    let values = list.choices.compactMap(\.numericValue)
    guard values.count == list.choices.count, let low = values.min(), let high = values.max() else {
      return nil
    }
    return low...high
  }
}
