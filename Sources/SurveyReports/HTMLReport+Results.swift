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
      shortfallTable(head.worstShortfalls)
      out.element("p", ["class": "note"], t(.rankNote))
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
      var cells: [String: ReportCell] = [:]
      for node in nodes {
        for cell in node.cells { cells[node.regionCode + "\u{1F}" + cell.indicator] = cell }
      }
      let title = t(.statusMap) + " · " + levelName(level, language)
      out.open("figure")
      out.element("h3", [:], levelName(level, language))
      out.open("div", ["class": "scroll"])
      out.append(
        Charts.heatMap(
          regions: nodes.map { ($0.regionCode, $0.regionName) }, indicators: indicatorsByArea,
          cell: { cells[$0 + "\u{1F}" + $1] }, title: title, k: k, language: language))
      out.close("div")
      out.close("figure")
    }
    out.close("section")
  }

  mutating func shortfallList() {
    out.open("section", ["id": "shortfalls"])
    out.element("h2", [:], t(.shortfallList))
    out.element("p", ["class": "note"], t(.shortfallNote))
    if report.shortfalls.isEmpty {
      out.element("p", [:], t(.noShortfalls))
    } else {
      shortfallTable(report.shortfalls)
    }
    out.close("section")
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
      out.open("figure")
      out.element("figcaption", [:], byLevel(level.level))
      out.append(Charts.dotWhisker(level.cells, kind: info.kind, title: title, k: k, language: language))
      out.close("figure")
    }
    out.close("div")
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
