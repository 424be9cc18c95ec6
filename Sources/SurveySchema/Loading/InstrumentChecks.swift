/// Checks inside one instrument that need the whole form (after loading its sheets).
enum InstrumentChecks {
  /// Select questions whose list is missing; select_multiple choices with spaces.
  static func checkChoices(_ instrument: Instrument) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var checked: Set<String> = []
    for question in instrument.questions + instrument.unanalysed {
      guard case .selectMultiple(let listName, _) = question.type, !checked.contains(listName),
        let list = instrument.choiceList(named: listName)
      else { continue }
      checked.insert(listName)
      for choice in list.choices where choice.name.contains(where: \.isWhitespace) {
        diagnostics.append(
          Diagnostic(
            .error, at: choice.location,
            "choice '\(choice.name)' of list \(listName) contains a space; select_multiple answers are space-separated, so its names must not"
          ))
      }
    }
    return diagnostics
  }

  /// Settings that only registers use: the region of each child (or volunteer) and
  /// the survey design of the roster.
  static let registerOnly: [String: Set<Respondent>] = [
    "region": [.roster, .volunteer], "weight": [.roster], "strata": [.roster], "psu": [.roster],
  ]

  /// Resolves the careeval field settings (`subject`, `region`…) against the form and
  /// checks the respondent's needs.
  static func applyFieldSettings(
    _ settings: SettingsValues, to instrument: inout Instrument, inKit: Bool
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var resolved: [String: String] = [:]
    for setting in SettingsValues.fieldSettings {
      guard let (name, location) = settings.fields[setting] else { continue }
      guard instrument.question(named: name) != nil else {
        var message = "settings \(setting) '\(name)' is not a question of form \(instrument.formID)"
        let names = (instrument.questions + instrument.metadata).map(\.name)
        if let near = Suggestion.closest(to: name, among: names) {
          message += "; did you mean '\(near)'?"
        }
        diagnostics.append(Diagnostic(.error, at: location, message))
        continue
      }
      if let respondent = instrument.respondent, let allowed = Self.registerOnly[setting],
        !allowed.contains(respondent)
      {
        let places = allowed.count == 1 ? "the roster" : "the roster and the volunteer register"
        diagnostics.append(
          Diagnostic(
            .warning, at: location,
            "settings \(setting) is only used on \(places); respondent here is \(respondent.rawValue)"
          ))
        continue
      }
      if setting == "weight", let question = instrument.question(named: name),
        !(question.type.isNumeric || question.type == .calculate)
      {
        diagnostics.append(
          Diagnostic(
            .error, at: location,
            "settings weight '\(name)' is \(question.typeText), not a number question"))
      }
      resolved[setting] = name
    }
    instrument.subjectField = resolved["subject"]
    instrument.responseIDField = resolved["response_id"]
    instrument.submittedAtField = resolved["submitted_at"]
    instrument.regionField = resolved["region"]
    instrument.weightField = resolved["weight"]
    instrument.strataField = resolved["strata"]
    instrument.psuField = resolved["psu"]

    guard inKit else { return diagnostics }
    let at = instrument.location
    guard let respondent = instrument.respondent else {
      let allowed = Respondent.allCases.map(\.rawValue).joined(separator: ", ")
      diagnostics.append(
        Diagnostic(
          .error, at: at, "settings has no respondent; a kit instrument needs one of \(allowed)"))
      return diagnostics
    }
    if respondent == .roster {
      if settings.fields["region"] == nil {
        diagnostics.append(
          Diagnostic(
            .error, at: at,
            "the roster needs a region setting: the field holding each child's region code"))
      }
      if settings.fields["subject"] == nil {
        diagnostics.append(
          Diagnostic(
            .error, at: at, "the roster needs a subject setting: the field holding each child's id")
        )
      }
    } else if respondent != .volunteer, settings.fields["subject"] == nil {
      diagnostics.append(
        Diagnostic(
          .error, at: at,
          "respondent \(respondent.rawValue) needs a subject setting: the field holding the id of the child the response is about"
        ))
    }
    return diagnostics
  }
}
