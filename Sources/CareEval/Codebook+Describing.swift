import SurveySchema

/// Finds, for each `scores.csv` column, what the kit says about it.
struct CodebookDescriber {
  static let registerColumns = ["child_key", "region", "categories"]
  static let bandSuffix = "_band"

  let kit: Kit

  /// Whether scores of this form are per child (every form but the volunteer register).
  static func isChildForm(_ form: String, in kit: Kit) -> Bool {
    guard let instrument = kit.instrument(formID: form) else { return false }
    return instrument.respondent != .volunteer
  }

  func variable(_ column: String) -> Codebook.Variable {
    switch column {
    case "child_key": return childKey
    case "region": return region
    case "categories": return categories
    default: break
    }
    if let scale = kit.scale(named: column), Self.isChildForm(scale.form, in: kit) {
      return score(scale)
    }
    if column.hasSuffix(Self.bandSuffix),
      let scale = kit.scale(named: String(column.dropLast(Self.bandSuffix.count))),
      !scale.bands.isEmpty
    {
      return band(scale)
    }
    if let indicator = kit.indicator(named: column), indicator.unit == .child {
      return value(indicator)
    }
    return Codebook.Variable(name: column, labelZH: "", labelEN: "", type: .text)
  }

  private var childKey: Codebook.Variable {
    Codebook.Variable(
      name: "child_key", labelZH: "儿童编号（化名）", labelEN: "Child key (pseudonymised child id)",
      type: .text)
  }

  private var region: Codebook.Variable {
    let roster = kit.roster
    let question = roster?.regionField.flatMap { roster?.question(named: $0) }
    let (zh, en) = Self.labels(question?.labels, zh: "所在地区代码", en: "Region code")
    let entries = kit.regions.nodes.map { ValueLabel(code: $0.code, labels: $0.names) }
    return Codebook.Variable(
      name: "region", labelZH: zh, labelEN: en, type: .selectOne, values: ValueLabel.joined(entries)
    )
  }

  private var categories: Codebook.Variable {
    let roster = kit.roster
    let question = roster?.questions.first { question in
      if question.name == "categories" { return true }
      if case .selectMultiple(let list, _) = question.type { return list == "category" }
      return false
    }
    let (zh, en) = Self.labels(question?.labels, zh: "儿童类别", en: "Child categories")
    let list = question.flatMap { roster?.choiceList(for: $0) }
    let entries = list?.choices.map { ValueLabel(code: $0.name, labels: $0.labels) } ?? []
    return Codebook.Variable(
      name: "categories", labelZH: zh, labelEN: en, type: .selectMultiple,
      values: ValueLabel.joined(entries))
  }

  private func score(_ scale: Scale) -> Codebook.Variable {
    let (zh, en) = Self.labels(scale.labels, zh: scale.name, en: scale.name)
    let range = ScoreRange(scale: scale, kit: kit)
    return Codebook.Variable(
      name: scale.name, labelZH: zh, labelEN: en, type: .decimal, values: range?.text ?? "")
  }

  private func band(_ scale: Scale) -> Codebook.Variable {
    let (zh, en) = Self.labels(scale.labels, zh: scale.name, en: scale.name)
    let cuts = scale.bands.sorted()
    var entries: [ValueLabel] = []
    for band in 0...cuts.count {
      let low = band > 0 ? ScoreRange.format(cuts[band - 1]) : nil
      let high = band < cuts.count ? ScoreRange.format(cuts[band]) : nil
      let text: (zh: String, en: String)
      switch (low, high) {
      case (nil, let high?): text = ("低于\(high)", "below \(high)")
      case (let low?, nil): text = ("\(low)及以上", "\(low) or above")
      case (let low?, let high?): text = ("\(low)至\(high)以下", "\(low) to below \(high)")
      case (nil, nil): text = ("", "")
      }
      entries.append(ValueLabel(code: String(band + 1), zh: text.zh, en: text.en))
    }
    return Codebook.Variable(
      name: scale.name + Self.bandSuffix, labelZH: zh + "（分段）", labelEN: en + " (band)",
      type: .integer,
      values: ValueLabel.joined(entries))
  }

  private func value(_ indicator: Indicator) -> Codebook.Variable {
    let (zh, en) = Self.labels(indicator.labels, zh: indicator.name, en: indicator.name)
    switch indicator.kind {
    case .proportion:
      let entries = [
        ValueLabel(code: "1", zh: "是", en: "yes"), ValueLabel(code: "0", zh: "否", en: "no"),
      ]
      return Codebook.Variable(
        name: indicator.name, labelZH: zh, labelEN: en, type: .integer,
        values: ValueLabel.joined(entries))
    case .mean:
      return Codebook.Variable(
        name: indicator.name, labelZH: zh, labelEN: en, type: .decimal,
        values: meanRange(indicator)?.text ?? "")
    }
  }

  /// The range of a mean indicator whose value is exactly one scale (`${wellbeing}`).
  private func meanRange(_ indicator: Indicator) -> ScoreRange? {
    let text = indicator.value.text  // trimmed by the loader
    guard text.hasPrefix("${"), text.hasSuffix("}") else { return nil }
    let name = String(text.dropFirst(2).dropLast())
    return kit.scale(named: name).flatMap { ScoreRange(scale: $0, kit: kit) }
  }

  /// A label pair from localised text, each side falling back to the other
  /// languages, and to the given defaults when the kit has no text at all.
  static func labels(_ text: LocalizedText?, zh: String, en: String) -> (String, String) {
    (text?.text(for: "zh") ?? zh, text?.text(for: "en") ?? en)
  }
}
