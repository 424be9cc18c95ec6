import SurveyScoring

extension GapReport {
  /// Builds the report model from the pipeline's results.
  ///
  /// The scope is the whole data set, or `options.region` and the regions below it;
  /// `options.levels` limits the levels shown. Building is pure: the same input
  /// always gives the same report.
  /// - Throws: ``ReportError`` when the region or a level of the options is unknown.
  public init(input: ReportInput) throws(ReportError) {
    let language = input.options.language
    let tree = RegionTree(regions: input.regions, estimates: input.estimates, language: language)
    let rootCode = input.options.region ?? "all"
    guard tree.contains(rootCode) else { throw .unknownRegion(rootCode) }
    for level in input.options.levels where !tree.levelOrder.contains(level) {
      throw .unknownLevel(level, known: tree.levelOrder)
    }
    let builder = ReportBuilder(input: input, tree: tree, rootCode: rootCode)
    self = builder.build()
  }
}

/// Assembles the sections of a ``GapReport``; one builder per report.
struct ReportBuilder {
  let input: ReportInput
  let tree: RegionTree
  let rootCode: String
  let language: ReportLanguage
  /// Regions below the root, depth first.
  let subtree: [String]
  /// Levels shown, top first (the root's own level included).
  let levels: [String]
  let indicatorsByName: [String: ReportIndicator]
  /// Estimate rows in scope, in input order.
  let rows: [Estimate]
  private let index: [RowKey: Estimate]

  struct RowKey: Hashable {
    var indicator: String
    var region: String
    var group: String
  }

  init(input: ReportInput, tree: RegionTree, rootCode: String) {
    self.input = input
    self.tree = tree
    self.rootCode = rootCode
    self.language = input.options.language
    self.subtree = tree.descendants(of: rootCode)
    let inScope = Set(subtree + [rootCode])
    let present = Set(subtree.compactMap { tree.level(of: $0) } + [tree.level(of: rootCode) ?? rootCode])
    let wanted = input.options.levels.isEmpty ? present : Set(input.options.levels)
    self.levels = tree.levelOrder.filter { present.contains($0) && wanted.contains($0) }
    var byName: [String: ReportIndicator] = [:]
    for indicator in input.indicators where byName[indicator.name] == nil {
      byName[indicator.name] = indicator
    }
    self.indicatorsByName = byName
    let shownLevels = Set(levels)
    self.rows = input.estimates.filter {
      inScope.contains($0.regionCode) && shownLevels.contains(tree.level(of: $0.regionCode) ?? $0.level)
    }.map(Self.published)
    var index: [RowKey: Estimate] = [:]
    for row in input.estimates {
      let key = RowKey(indicator: row.indicator, region: row.regionCode, group: row.group)
      if index[key] == nil { index[key] = row }
    }
    self.index = index
  }

  /// The row as it may be published: a suppressed row keeps n, target and status only.
  static func published(_ row: Estimate) -> Estimate {
    guard row.status == .suppressed else { return row }
    var kept = row
    kept.estimate = nil
    kept.se = nil
    kept.ciLow = nil
    kept.ciHigh = nil
    kept.df = nil
    kept.pValue = nil
    kept.qValue = nil
    return kept
  }

  /// The estimate of one indicator in one region (and group), as a display cell.
  func cell(_ indicator: String, _ region: String, group: String = "") -> ReportCell? {
    index[RowKey(indicator: indicator, region: region, group: group)].map(cell(from:))
  }

  /// A display cell for a row; suppressed rows lose every published number.
  func cell(from row: Estimate) -> ReportCell {
    let suppressed = row.status == .suppressed
    let estimate = suppressed ? nil : row.estimate
    var gap: Double?
    if let estimate, let target = row.target {
      let lowerIsBetter = indicatorsByName[row.indicator]?.direction == .lower
      gap = max(0, lowerIsBetter ? estimate - target : target - estimate)
    }
    return ReportCell(
      indicator: row.indicator, regionCode: row.regionCode,
      regionName: tree.name(of: row.regionCode, language: language, fallback: row.regionName),
      level: tree.level(of: row.regionCode) ?? row.level, group: row.group,
      groupLabel: row.group.isEmpty ? "" : input.groupLabels[row.group]?.text(language) ?? row.group,
      n: row.n,
      estimate: estimate, ciLow: suppressed ? nil : row.ciLow,
      ciHigh: suppressed ? nil : row.ciHigh, target: row.target, status: row.status,
      pValue: suppressed ? nil : row.pValue, qValue: suppressed ? nil : row.qValue, gap: gap)
  }

  /// Regions of one level in scope, in tree order (the root itself for its level).
  func regions(at level: String) -> [String] {
    if tree.level(of: rootCode) == level { return [rootCode] }
    return subtree.filter { tree.level(of: $0) == level }
  }

  /// Region cells (no breakdown group) of one region, in kit order.
  func regionCells(_ region: String) -> [ReportCell] {
    input.indicators.compactMap { cell($0.name, region) }
  }

  func build() -> GapReport {
    let shortfalls = rankedShortfalls()
    let regionRows = rows.filter { $0.group.isEmpty }
    var counts = StatusCounts()
    for row in regionRows { counts[row.status] += 1 }
    let rootName = tree.name(of: rootCode, language: language)
    let title = input.title?.text(language) ?? Phrase.defaultTitle.text(language)
    return GapReport(
      language: language, title: title, subtitle: subtitle(rootName: rootName),
      scope: ReportScope(
        rootCode: rootCode, rootName: rootName, rootLevel: tree.level(of: rootCode) ?? rootCode,
        levels: levels),
      indicators: indicatorInfos(), headline: headline(counts: counts, shortfalls: shortfalls),
      areas: areaSections(), leagueTables: leagueTables(), shortfalls: shortfalls,
      drillDown: drillDown(of: rootCode), breakdowns: breakdowns(), quality: qualitySection(),
      methods: methodsSection(), estimates: rows)
  }

  private func subtitle(rootName: String) -> String {
    let methods = input.methods
    let level = ReportFormat.percent(methods.confidenceLevel, decimals: 0)
    let parts =
      language == .zh
      ? ["\(Phrase.kit.text(language))：\(methods.kitName) \(methods.kitVersion)",
        "置信水平 \(level)", "\(Phrase.regionsShown.text(language))：\(rootName)"]
      : ["\(Phrase.kit.text(language)): \(methods.kitName) \(methods.kitVersion)",
        "confidence level \(level)", "\(Phrase.regionsShown.text(language)): \(rootName)"]
    return parts.joined(separator: " · ")
  }

  private func indicatorInfos() -> [IndicatorInfo] {
    input.indicators.map { indicator in
      let targets = Set(rows.filter { $0.indicator == indicator.name }.compactMap(\.target))
      return IndicatorInfo(
        name: indicator.name, label: indicator.label.text(language), area: indicator.area,
        unit: indicator.unit, kind: indicator.kind, direction: indicator.direction,
        description: indicator.description.text(language), expression: indicator.expression,
        population: indicator.population, targets: targets.sorted())
    }
  }

  private func headline(counts: StatusCounts, shortfalls: [ShortfallEntry]) -> HeadlineSection {
    let head = input.headline
    var share: Double?
    if let paired = head.childrenPaired, head.childrenInRegister > 0 {
      share = Double(paired) / Double(head.childrenInRegister)
    }
    let instruments = head.instruments.map {
      InstrumentLine(
        instrument: $0.instrument, label: $0.label.text(language), expected: $0.expected,
        received: $0.received, responseRate: $0.responseRate)
    }
    let worst = shortfalls.filter { $0.cell.group.isEmpty }.prefix(max(0, input.options.topCount))
    return HeadlineSection(
      childrenInRegister: head.childrenInRegister, childrenPaired: head.childrenPaired,
      pairedShare: share, volunteersInRegister: head.volunteersInRegister,
      instruments: instruments, statusCounts: counts, worstShortfalls: Array(worst))
  }
}
