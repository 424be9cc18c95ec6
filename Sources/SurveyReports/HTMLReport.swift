import SurveyScoring

extension GapReport {
  /// The report as one self-contained HTML page: inline CSS and SVG, no script,
  /// no font or image from the network. The markup is also well-formed XML.
  public func html() -> String {
    var page = HTMLPage(report: self)
    return page.render()
  }
}

/// One cell of an HTML table.
struct TableCell {
  var text: String
  var cssClass: String = ""

  static func number(_ text: String) -> TableCell { TableCell(text: text, cssClass: "num") }

  static func status(_ status: ShortfallStatus, _ language: ReportLanguage) -> TableCell {
    TableCell(text: status.symbol + " " + status.label(language), cssClass: StatusStyle.cssClass(status))
  }
}

/// Renders a ``GapReport`` section by section into one page.
struct HTMLPage {
  let report: GapReport
  let language: ReportLanguage
  let kinds: [String: IndicatorKind]
  let labels: [String: String]
  var out = Markup()

  init(report: GapReport) {
    self.report = report
    self.language = report.language
    let lookup = IndicatorLookup(report)
    self.kinds = lookup.kinds
    self.labels = lookup.labels
  }

  func t(_ phrase: Phrase) -> String { phrase.text(language) }
  var k: Int { report.methods.minimumCount }

  mutating func render() -> String {
    out.raw("<!DOCTYPE html>\n")
    out.open("html", ["lang": language == .zh ? "zh-CN" : "en"])
    out.open("head")
    out.empty("meta", ["charset": "utf-8"])
    out.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
    out.element("title", [:], report.title)
    out.open("style")
    out.raw("\n" + HTMLStyle.sheet)
    out.close("style")
    out.close("head")
    out.open("body")
    out.open("header")
    out.element("h1", [:], report.title)
    out.element("p", ["class": "sub"], report.subtitle)
    out.close("header")
    out.open("main")
    contents()
    overview()
    statusMap()
    shortfallList()
    areas()
    leagueTables()
    drillDown()
    breakdowns()
    quality()
    methods()
    out.close("main")
    out.open("footer")
    out.element("p", [:], t(.generatedBy) + " · " + report.methods.kitName + " " + report.methods.kitVersion + " · " + t(.printNote))
    out.close("footer")
    out.close("body")
    out.close("html")
    return out.text
  }

  private var sections: [(id: String, title: String)] {
    var list = [("overview", t(.overview)), ("status-map", t(.statusMap)), ("shortfalls", t(.shortfallList)), ("areas", t(.areas)), ("league", t(.leagueTables)), ("drill-down", t(.drillDown))]
    if !report.breakdowns.isEmpty { list.append(("breakdowns", t(.breakdowns))) }
    list += [("quality", t(.quality)), ("methods", t(.methods))]
    return list
  }

  private mutating func contents() {
    out.open("nav", ["aria-label": t(.contents)])
    out.open("ol")
    for section in sections {
      out.open("li")
      out.element("a", ["href": "#" + section.id], section.title)
      out.close("li")
    }
    out.close("ol")
    out.close("nav")
  }

  /// A table inside a horizontally scrolling box.
  mutating func table(_ headers: [TableCell], _ rows: [[TableCell]], caption: String? = nil) {
    out.open("div", ["class": "scroll"])
    out.open("table")
    if let caption { out.element("caption", ["class": "note"], caption) }
    out.open("thead")
    out.open("tr")
    for header in headers {
      if header.cssClass.isEmpty { out.element("th", [:], header.text) } else { out.element("th", ["class": header.cssClass], header.text) }
    }
    out.close("tr")
    out.close("thead")
    out.open("tbody")
    for row in rows {
      out.open("tr")
      for cell in row {
        if cell.cssClass.isEmpty { out.element("td", [:], cell.text) } else { out.element("td", ["class": cell.cssClass], cell.text) }
      }
      out.close("tr")
    }
    out.close("tbody")
    out.close("table")
    out.close("div")
  }

  /// The colour key: swatch with symbol, and the status's name.
  mutating func legend() {
    out.open("ul", ["class": "legend", "aria-label": t(.legend)])
    for status in StatusStyle.legendOrder {
      out.open("li")
      out.element("span", ["class": "sw " + StatusStyle.cssClass(status)], status.symbol)
      out.write(status.label(language))
      out.close("li")
    }
    out.close("ul")
  }

  /// Estimate, interval, target, gap, status and q-value cells of one estimate;
  /// a suppressed estimate shows the suppression text, never a number.
  func valueCells(_ cell: ReportCell) -> [TableCell] {
    let kind = kinds[cell.indicator] ?? .proportion
    let estimate: TableCell =
      cell.status == .suppressed
      ? TableCell(text: ReportFormat.suppressed(k: k, language), cssClass: "sup")
      : .number(ReportFormat.value(cell.estimate, kind))
    return [
      .number(ReportFormat.count(cell.n)), estimate,
      .number(ReportFormat.interval(cell.ciLow, cell.ciHigh, kind)),
      .number(ReportFormat.target(cell.target, kind)),
      .number(cell.gap.map { $0 > 0 ? ReportFormat.gap($0, kind, language) : "" } ?? ""),
      .status(cell.status, language), .number(ReportFormat.probability(cell.qValue)),
    ]
  }

  var valueHeaders: [TableCell] {
    let level = ReportFormat.percent(report.methods.confidenceLevel, decimals: 0)
    return [
      .number(t(.n)), .number(t(.estimate)), .number(t(.ci) + " " + level), .number(t(.target)),
      .number(t(.gap)), TableCell(text: t(.status)), .number(t(.qValue)),
    ]
  }

  /// Region name, with the breakdown group when there is one.
  func regionText(_ cell: ReportCell) -> String {
    cell.group.isEmpty ? cell.regionName : cell.regionName + " · " + cell.groupLabel
  }

  /// The worst shortfalls as cards, for phones (the table is shown on wider screens
  /// and in print): status, region, indicator, then the figures.
  mutating func shortfallCards(_ entries: [ShortfallEntry]) {
    let level = ReportFormat.percent(report.methods.confidenceLevel, decimals: 0)
    out.open("ol", ["class": "cards"])
    for entry in entries {
      let cell = entry.cell
      out.open("li")
      out.open("p", ["class": "ct"])
      out.element("span", ["class": "rk"], "\(entry.rank)")
      out.element("span", ["class": "sw " + StatusStyle.cssClass(cell.status)], cell.status.symbol)
      out.write(" " + cell.status.label(language) + " · ")
      out.element("strong", [:], regionText(cell))
      out.write(ReportFormat.parenthesised(Self.cardLevel(cell.level, language), language))
      out.close("p")
      out.element("p", [:], entry.indicatorLabel)
      var figures = ReportFormat.value(cell.estimate, entry.kind)
      let interval = ReportFormat.interval(cell.ciLow, cell.ciHigh, entry.kind)
      let zh = language == .zh
      if !interval.isEmpty {
        figures += ReportFormat.parenthesised(level + (zh ? " 置信区间 " : " CI ") + interval, language)
      }
      var parts = [figures, (zh ? "目标 " : "target ") + ReportFormat.target(cell.target, entry.kind)]
      if let gap = cell.gap, gap > 0 { parts.append((zh ? "差距 " : "gap ") + ReportFormat.gap(gap, entry.kind, language)) }
      parts.append("n = " + ReportFormat.count(cell.n))
      let q = ReportFormat.probability(cell.qValue)
      if !q.isEmpty { parts.append("q " + (q.hasPrefix("<") ? "< " + q.dropFirst() : "= " + q)) }
      out.element("p", ["class": "cv"], parts.joined(separator: " · "))
      out.close("li")
    }
    out.close("ol")
  }

  /// `县级` / `county`: a level after a region's name (`临海市（县级）`).
  static func cardLevel(_ level: String, _ language: ReportLanguage) -> String {
    guard language == .zh else { return levelName(level, language) }
    switch level {
    case "province": return "省级"
    case "city": return "市级"
    case "county": return "县级"
    default: return levelName(level, language)
    }
  }

  mutating func shortfallTable(_ entries: [ShortfallEntry]) {
    let headers = [TableCell.number(t(.rank)), TableCell(text: t(.indicator)), TableCell(text: t(.region)), TableCell(text: t(.level))] + valueHeaders
    let rows = entries.map { entry in
      [TableCell.number("\(entry.rank)"), TableCell(text: entry.indicatorLabel, cssClass: "lbl"), TableCell(text: regionText(entry.cell), cssClass: "lbl"), TableCell(text: levelName(entry.cell.level, language))] + valueCells(entry.cell)
    }
    table(headers, rows)
  }
}
