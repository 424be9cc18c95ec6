import SurveyScoring

extension HTMLPage {
  mutating func overview() {
    let head = report.headline
    out.open("section", ["id": "overview"])
    out.element("h2", [:], t(.overview))
    out.element("h3", [:], t(.headlineFigures))
    out.open("div", ["class": "figures"])
    figure(ReportFormat.count(head.childrenInRegister), t(.childrenInRegister))
    if let paired = head.childrenPaired {
      let share = head.pairedShare.map { ReportFormat.parenthesised(ReportFormat.percent($0), language) } ?? ""
      figure(ReportFormat.count(paired), t(.childrenPaired) + share)
    }
    if let volunteers = head.volunteersInRegister {
      figure(ReportFormat.count(volunteers), t(.volunteersInRegister))
    }
    for line in head.instruments {
      var key = line.label
      if let rate = line.responseRate { key += " · " + t(.responseRate) + " " + ReportFormat.percent(rate) }
      figure(ReportFormat.count(line.received), key)
    }
    out.close("div")
    out.open("div", ["class": "figures"])
    let counts = head.statusCounts
    statusFigure(.shortfall, counts.shortfall)
    statusFigure(.possibleShortfall, counts.possibleShortfall)
    statusFigure(.meets, counts.meets)
    statusFigure(.indeterminate, counts.indeterminate)
    statusFigure(.suppressed, counts.suppressed)
    out.close("div")
    out.element("p", ["class": "note"], t(.statusCountsCaption))
    out.element("h3", [:], t(.worstShortfalls))
    if head.worstShortfalls.isEmpty {
      out.element("p", [:], t(.noShortfalls))
    } else {
      shortfallCards(head.worstShortfalls)
      out.open("div", ["class": "wide"])
      shortfallTable(head.worstShortfalls)
      out.close("div")
    }
    out.close("section")
  }

  private mutating func figure(_ value: String, _ key: String, cssClass: String = "fig") {
    out.open("div", ["class": cssClass])
    out.element("span", ["class": "v"], value)
    out.element("span", ["class": "k"], key)
    out.close("div")
  }

  private mutating func statusFigure(_ status: ShortfallStatus, _ count: Int) {
    out.open("div", ["class": "fig"])
    out.open("span", ["class": "v"])
    out.element("span", ["class": "sw " + StatusStyle.cssClass(status)], status.symbol)
    out.write(" " + ReportFormat.count(count))
    out.close("span")
    out.element("span", ["class": "k"], status.label(language))
    out.close("div")
  }

  /// Shown drill-down nodes of one level, in tree order.
  func nodes(at level: String) -> [DrillNode] {
    var result: [DrillNode] = []
    var stack = Array(report.drillDown.reversed())
    while let node = stack.popLast() {
      if node.isShown && node.level == level { result.append(node) }
      stack.append(contentsOf: node.children.reversed())
    }
    return result
  }

  /// Levels below the report's root, top first.
  var regionLevels: [String] {
    report.scope.levels.filter { $0 != report.scope.rootLevel }
  }

  /// Indicators ordered by area (the order of the area sections), then kit order.
  var indicatorsByArea: [IndicatorInfo] {
    IndicatorArea.allCases.flatMap { area in report.indicators.filter { $0.area == area } }
  }

  mutating func statusMap() {
    out.open("section", ["id": "status-map"])
    out.element("h2", [:], t(.statusMap))
    out.element("p", ["class": "note"], t(.statusMapNote))
    legend()
    for level in regionLevels {
      let nodes = nodes(at: level)
      guard !nodes.isEmpty else { continue }
      let title = t(.statusMap) + " · " + levelName(level, language)
      guard nodes.count > Self.crowdedMap, report.drillDown.count > 1 else {
        out.open("figure")
        out.element("h3", [:], heading(levelName(level, language)))
        heatMap(nodes, title: title)
        out.close("figure")
        continue
      }
      // Hundreds of rows: one map per top-level region, each opened on a click.
      out.element("h3", [:], heading(levelName(level, language)))
      for top in report.drillDown {
        let part = levelNodes(level, under: top)
        guard !part.isEmpty else { continue }
        collapsed(top.regionName + ReportFormat.colon(language) + regionCount(part.count) + statusMarks(part.flatMap(\.cells))) {
          page in
          page.out.open("figure")
          page.heatMap(part, title: title + " · " + top.regionName)
          page.out.close("figure")
        }
      }
    }
    out.close("section")
  }

  private mutating func heatMap(_ nodes: [DrillNode], title: String) {
    var cells: [String: ReportCell] = [:]
    for node in nodes {
      for cell in node.cells { cells[node.regionCode + "\u{1F}" + cell.indicator] = cell }
    }
    out.open("div", ["class": "scroll"])
    out.append(
      Charts.heatMap(
        regions: nodes.map { ($0.regionCode, $0.regionName) }, indicators: indicatorsByArea,
        cell: { cells[$0 + "\u{1F}" + $1] }, title: title, k: k, language: language))
    out.close("div")
  }

  /// Shown nodes of one level inside one subtree, in tree order.
  private func levelNodes(_ level: String, under top: DrillNode) -> [DrillNode] {
    var result: [DrillNode] = []
    var stack = [top]
    while let node = stack.popLast() {
      if node.isShown && node.level == level { result.append(node) }
      stack.append(contentsOf: node.children.reversed())
    }
    return result
  }

  /// A heading's text: English starts with a capital (`County`).
  func heading(_ text: String) -> String {
    guard language == .en, let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }

  /// `419 个地区` / `419 regions`.
  func regionCount(_ count: Int) -> String {
    language == .zh ? "\(ReportFormat.count(count)) 个地区" : "\(ReportFormat.count(count)) regions"
  }

  /// ` · ✗12 △40`: the shortfalls and possible shortfalls among cells, or nothing.
  func statusMarks(_ cells: [ReportCell]) -> String {
    var counts = StatusCounts()
    for cell in cells { counts[cell.status] += 1 }
    let marks = [ShortfallStatus.shortfall, .possibleShortfall].filter { counts[$0] > 0 }
      .map { "\($0.symbol)\(counts[$0])" }.joined(separator: " ")
    return marks.isEmpty ? "" : " · " + marks
  }

  mutating func shortfallList() {
    out.open("section", ["id": "shortfalls"])
    out.element("h2", [:], t(.shortfallList))
    out.element("p", ["class": "note"], t(.shortfallNote))
    let regions = report.shortfalls.filter { $0.cell.group.isEmpty }
    let groups = report.shortfalls.filter { !$0.cell.group.isEmpty }
    if regions.isEmpty && groups.isEmpty { out.element("p", [:], t(.noShortfalls)) }
    if !regions.isEmpty {
      shortfallTable(Array(regions.prefix(Self.openRows)))
      if regions.count > Self.openRows {
        collapsed(moreText(regions.count - Self.openRows, from: Self.openRows + 1)) {
          $0.shortfallTable(Array(regions.dropFirst(Self.openRows)))
        }
        out.element("p", ["class": "note"], t(.fullListElsewhere))
      }
    }
    if !groups.isEmpty {
      out.element("h3", [:], t(.groupShortfalls))
      out.element("p", ["class": "note"], t(.groupShortfallsNote))
      if groups.count > Self.openRows {
        collapsed(countText(groups.count)) { $0.shortfallTable(groups) }
      } else {
        shortfallTable(groups)
      }
    }
    out.close("section")
  }

  /// Rows of a long list shown open; the rest waits in a collapsed block (not printed).
  static let openRows = 50
  /// Regions of a level beyond which its charts and drill-down wait collapsed.
  static let crowdedLevel = 40
  /// Rows of a status map beyond which it is split by top-level region and collapsed
  /// (a map row is one line high, so it takes more rows than a chart).
  static let crowdedMap = 100

  /// A collapsed block: the summary line, then whatever `body` writes. A reader on
  /// screen opens it; a printout shows the summary line only.
  mutating func collapsed(_ summary: String, _ body: (inout HTMLPage) -> Void) {
    out.open("details", ["class": "more"])
    out.open("summary")
    out.write(summary)
    out.element("span", ["class": "hint"], ReportFormat.parenthesised(t(.clickToOpen), language))
    out.close("summary")
    body(&self)
    out.close("details")
  }

  /// `其余 1,103 项（第 51 名起）` / `1,103 more (from rank 51)`.
  private func moreText(_ count: Int, from rank: Int) -> String {
    language == .zh
      ? "其余 \(ReportFormat.count(count)) 项（第 \(rank) 名起）"
      : "\(ReportFormat.count(count)) more (from rank \(rank))"
  }

  /// `2,564 项` / `2,564 entries`.
  private func countText(_ count: Int) -> String {
    language == .zh ? "共 \(ReportFormat.count(count)) 项" : "\(ReportFormat.count(count)) entries"
  }

  mutating func areas() {
    out.open("section", ["id": "areas"])
    out.element("h2", [:], t(.areas))
    out.element("p", ["class": "note"], t(.dotNote))
    legend()
    let infos = Dictionary(report.indicators.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    for area in report.areas {
      out.element("h3", ["id": "area-" + area.area.rawValue], area.title)
      for section in area.indicators {
        guard let info = infos[section.indicator] else { continue }
        indicator(info, section)
      }
    }
    out.close("section")
  }

  private mutating func indicator(_ info: IndicatorInfo, _ section: IndicatorSection) {
    out.open("div", ["class": "indicator"])
    out.element("h4", [:], info.label)
    out.open("dl", ["class": "meta"])
    if !info.description.isEmpty { definition(t(.whatItCounts), info.description) }
    definition(t(.target), ReportFormat.targets(info.targets, info.kind, language) + " · " + info.directionText(language))
    if let overall = section.overall {
      definition(t(.overall), overallText(overall, info.kind))
    }
    out.close("dl")
    for level in section.levels where !level.cells.isEmpty {
      let title = info.label + " · " + levelName(level.level, language)
      let chart = Charts.dotWhisker(level.cells, kind: info.kind, title: title, k: k, language: language)
      guard level.cells.count > Self.crowdedLevel else {
        out.open("figure")
        out.element("figcaption", [:], byLevel(level.level))
        out.append(chart)
        out.close("figure")
        continue
      }
      collapsed(crowdedSummary(level)) { page in
        page.out.open("figure")
        page.out.append(chart)
        page.out.close("figure")
      }
    }
    out.close("div")
  }

  /// `按县（区）：419 个地区 · ✗12 △40`: a crowded level's chart, collapsed.
  private func crowdedSummary(_ level: LevelCells) -> String {
    byLevel(level.level) + ReportFormat.colon(language) + regionCount(level.cells.count) + statusMarks(level.cells)
  }

  /// `按市` / `By city`.
  func byLevel(_ level: String) -> String {
    language == .zh ? "按" + levelName(level, language) : "By " + levelName(level, language)
  }

  mutating func definition(_ term: String, _ text: String) {
    out.element("dt", [:], term)
    out.element("dd", [:], text)
  }

  /// `72.5%（65.1–79.0%）· ✗ 未达标 · n = 500`; suppressed: the suppression text.
  func overallText(_ cell: ReportCell, _ kind: IndicatorKind) -> String {
    var parts: [String] = []
    if cell.status == .suppressed {
      parts.append(ReportFormat.suppressed(k: k, language))
    } else {
      var value = ReportFormat.value(cell.estimate, kind)
      let interval = ReportFormat.interval(cell.ciLow, cell.ciHigh, kind)
      if !interval.isEmpty { value += ReportFormat.parenthesised(interval, language) }
      parts.append(value)
    }
    parts.append(cell.status.symbol + " " + cell.status.label(language))
    parts.append("n = " + ReportFormat.count(cell.n))
    return parts.joined(separator: " · ")
  }
}
