import SurveyReports
import SurveySchema
import SurveyScoring

/// The parts of a report's input that come from the kit: indicators with their
/// labels and definitions, the region tree, breakdown labels, instrument titles.
extension ReportInput {
  /// The kit's indicators in kit order, with zh/en labels and a definition in words.
  static func indicators(of kit: Kit) -> [ReportIndicator] {
    let zh = ReportWording(kit: kit, language: .zh)
    let en = ReportWording(kit: kit, language: .en)
    return kit.indicators.map { indicator in
      let population = indicator.population?.text ?? ""
      return ReportIndicator(
        name: indicator.name, label: pair(indicator.labels),
        area: SurveyReports.IndicatorArea(rawValue: indicator.area.rawValue) ?? .coverage,
        unit: indicator.unit == .volunteer ? .volunteer : .child,
        kind: indicator.kind == .mean ? .mean : .proportion,
        direction: indicator.direction == .lower ? .lower : .higher,
        description: LocalizedPair(
          zh: definition(indicator, zh), en: definition(indicator, en)),
        expression: indicator.value.text, population: population)
    }
  }

  /// What an indicator counts, in one sentence: the population, the value, and
  /// what happens to missing answers (DESIGN.md §4: left out of the denominator).
  static func definition(_ indicator: Indicator, _ wording: ReportWording) -> String {
    let value = wording.words(indicator.value.text)
    let population = indicator.population.map { wording.words($0.text) }
    let volunteers = indicator.unit == .volunteer
    if wording.language == .zh {
      let units = volunteers ? "志愿者" : "儿童"
      let among = population.map { "在\($0)的\(units)中，" } ?? "在全部\(units)中，"
      let what = indicator.kind == .proportion ? "\(value)的比例" : "\(value)的平均值"
      return among + what + "。相关回答缺失的\(units)不计入。"
    }
    let units = volunteers ? "volunteers" : "children"
    let among = population.map { " among \(units) for whom \($0)" } ?? " among all \(units)"
    let what =
      indicator.kind == .proportion
      ? "The share of \(units) for whom \(value)" : "The mean of \(value)"
    return what + among
      + ". \(units.prefix(1).uppercased() + units.dropFirst()) with a missing answer are left out."
  }

  /// The regions the estimates mention and their ancestors, with zh/en names from
  /// the kit's tree (or the estimate's own name where the tree has none).
  static func regions(of kit: Kit, estimates: [Estimate]) -> [ReportRegion] {
    var names: [String: String] = [:]
    for row in estimates where row.regionCode != "all" && names[row.regionCode] == nil {
      names[row.regionCode] = row.regionName
    }
    var wanted: Set<String> = []
    for code in names.keys {
      wanted.insert(code)
      for ancestor in kit.regions.ancestors(of: code) { wanted.insert(ancestor.code) }
    }
    var regions: [ReportRegion] = []
    for code in wanted.sorted() {
      let node = kit.regions.node(code)
      let fallback = names[code] ?? ""
      var zh = node?.names["zh"] ?? node?.names[""] ?? fallback
      if let parent = node?.parent.flatMap({ kit.regions.node($0) }),
        let parentName = parent.names["zh"]
      {
        zh = qualified(zh, parent: parentName)
      }
      let en = node?.names["en"] ?? ""
      let level =
        node?.level.rawValue ?? estimates.first { $0.regionCode == code }?.level
        ?? RegionCode.level(of: code)?.rawValue ?? ""
      regions.append(
        ReportRegion(
          code: code, name: LocalizedPair(zh: zh.isEmpty ? fallback : zh, en: en), level: level,
          parent: node?.parent ?? RegionCode.parent(of: code)))
    }
    return regions
  }

  /// A grouping row's name made readable on its own: GB/T 2260 names some
  /// city-level rows only `市辖区` or `县` (Chongqing's 500100 and 500200), which
  /// in a list of cities reads `重庆市辖区` and `重庆市辖县`.
  static func qualified(_ name: String, parent: String) -> String {
    switch name {
    case "市辖区": return parent + "辖区"
    case "县": return parent + "辖县"
    case "省直辖县级行政区划", "自治区直辖县级行政区划": return parent + "直辖县级行政区划"
    default: return name
    }
  }

  /// Labels of a breakdown (`--by`): the field under its own name (`category`) and
  /// each group under `field=value` (`category=orphan`), from the register's
  /// question and its choice list; age bands are worded as ages.
  static func groupLabels(of kit: Kit, by field: String?) -> [String: LocalizedPair] {
    guard let field, !field.isEmpty else { return [:] }
    if field == "age_band" {
      var labels = ["age_band": LocalizedPair(zh: "年龄段", en: "Age band")]
      for band in ["0-5", "6-11", "12-14", "15-17"] {
        let text = band.replacingOccurrences(of: "-", with: "–")
        labels["age_band=\(band)"] = LocalizedPair(zh: "\(text) 岁", en: "aged \(text)")
      }
      labels["age_band=18+"] = LocalizedPair(zh: "18 岁及以上", en: "aged 18 and over")
      return labels
    }
    guard let roster = kit.roster,
      let question = roster.questions.first(where: { $0.name == field })
        ?? roster.questions.first(where: { $0.name == field + "s" })
        ?? roster.questions.first(where: { $0.type.choiceList == field })
    else { return [:] }
    var labels = [field: pair(question.labels, fallback: question.name)]
    for choice in roster.choiceList(for: question)?.choices ?? [] {
      labels["\(field)=\(choice.name)"] = pair(choice.labels, fallback: choice.name)
    }
    return labels
  }

  /// An instrument's title in both languages. A `form_title` written as
  /// `儿童问卷 / Child questionnaire` is split at the slash.
  static func title(of instrument: Instrument) -> LocalizedPair {
    let title = instrument.title ?? instrument.formID
    let parts = title.components(separatedBy: " / ")
    if parts.count == 2 {
      return LocalizedPair(zh: parts[0], en: parts[1])
    }
    return LocalizedPair(zh: title, en: title)
  }

  /// The kit's name (its folder) and version (the instruments' `version`s, joined
  /// when they differ).
  static func nameAndVersion(of kit: Kit) -> (name: String, version: String) {
    let folder = kit.root.split(separator: "/").last.map(String.init) ?? kit.root
    var versions: [String] = []
    for version in kit.instruments.compactMap(\.version) where !versions.contains(version) {
      versions.append(version)
    }
    return (folder, versions.joined(separator: ", "))
  }

  /// zh and en texts of a kit label (a column without a language serves both).
  static func pair(_ text: LocalizedText, fallback: String = "") -> LocalizedPair {
    let plain = text[""] ?? fallback
    return LocalizedPair(zh: text["zh"] ?? plain, en: text["en"] ?? plain)
  }
}
