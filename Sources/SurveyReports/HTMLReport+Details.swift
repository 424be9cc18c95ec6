import SurveyScoring

extension HTMLPage {
  mutating func leagueTables() {
    out.open("section", ["id": "league"])
    out.element("h2", [:], t(.leagueTables))
    out.element("p", ["class": "note"], t(.leagueNote))
    for league in report.leagueTables {
      out.element("h3", [:], heading(levelName(league.level, language)))
      let statuses = StatusStyle.legendOrder
      let headers = [TableCell.number(t(.rank)), TableCell(text: t(.region))] + statuses.map { TableCell.number($0.symbol + " " + $0.label(language)) }
      let rows = league.rows.map { row in
        [TableCell.number("\(row.rank)"), TableCell(text: row.regionName)] + statuses.map { TableCell.number("\(row.counts[$0])") }
      }
      table(headers, Array(rows.prefix(Self.openRows)))
      if rows.count > Self.openRows {
        let rest = Array(rows.dropFirst(Self.openRows))
        collapsed(language == .zh ? "其余 \(rest.count) 个地区" : "\(rest.count) more regions") { $0.table(headers, rest) }
      }
    }
    out.close("section")
  }

  mutating func drillDown() {
    out.open("section", ["id": "drill-down"])
    out.element("h2", [:], t(.drillDown))
    out.element("p", ["class": "note"], t(.drillDownNote))
    // A big tree opens its top level only; each region below opens on a click.
    let openAll = Self.count(report.drillDown) <= Self.crowdedLevel
    for node in report.drillDown { drill(node, open: true, openAll: openAll) }
    out.close("section")
  }

  private static func count(_ nodes: [DrillNode]) -> Int {
    nodes.reduce(0) { $0 + 1 + count($1.children) }
  }

  private mutating func drill(_ node: DrillNode, open: Bool, openAll: Bool) {
    out.open("details", open || openAll ? ["open": "open"] : [:])
    out.open("summary")
    out.write(node.regionName + " · " + levelName(node.level, language))
    if node.isShown {
      let counts = StatusStyle.legendOrder.filter { node.counts[$0] > 0 }.map { "\($0.symbol)\(node.counts[$0])" }
      out.element("span", ["class": "counts"], counts.joined(separator: " "))
    }
    out.close("summary")
    if node.isShown && !node.cells.isEmpty {
      let headers = [TableCell(text: t(.indicator))] + valueHeaders
      let rows = node.cells.map { [TableCell(text: labels[$0.indicator] ?? $0.indicator)] + valueCells($0) }
      table(headers, rows)
    }
    for child in node.children { drill(child, open: false, openAll: openAll) }
    out.close("details")
  }

  mutating func breakdowns() {
    guard !report.breakdowns.isEmpty else { return }
    out.open("section", ["id": "breakdowns"])
    out.element("h2", [:], t(.breakdowns))
    out.element("p", ["class": "note"], report.scope.rootName + " · " + t(.breakdownNote))
    legend()
    for breakdown in report.breakdowns {
      let kind = kinds[breakdown.indicator] ?? .proportion
      let title = (labels[breakdown.indicator] ?? breakdown.indicator) + " · " + breakdown.fieldLabel
      out.open("figure")
      out.element("h4", [:], title)
      out.append(Charts.bars(breakdown.rows, kind: kind, title: title, k: k, language: language))
      out.close("figure")
    }
    out.close("section")
  }

  mutating func quality() {
    let quality = report.quality
    out.open("section", ["id": "quality"])
    out.element("h2", [:], t(.quality))
    out.element("h3", [:], t(.filesRead))
    var rows = quality.files.map {
      [TableCell(text: $0.file), TableCell(text: $0.instrument), TableCell(text: $0.layout), TableCell(text: $0.encoding), .number(ReportFormat.count($0.read)), .number(ReportFormat.count($0.accepted)), .number(ReportFormat.count($0.rejected))]
    }
    rows.append([TableCell(text: t(.total)), TableCell(text: ""), TableCell(text: ""), TableCell(text: ""), .number(ReportFormat.count(quality.read)), .number(ReportFormat.count(quality.accepted)), .number(ReportFormat.count(quality.rejected))])
    table([TableCell(text: t(.file)), TableCell(text: t(.instrument)), TableCell(text: t(.layout)), TableCell(text: t(.encoding)), .number(t(.read)), .number(t(.accepted)), .number(t(.rejected))], rows)
    if !quality.rejectsByRule.isEmpty {
      out.element("h3", [:], t(.rejectsByRule))
      table(
        [TableCell(text: t(.rule)), TableCell(text: t(.file)), .number(t(.count)), TableCell(text: t(.example))],
        quality.rejectsByRule.map { [TableCell(text: $0.rule), TableCell(text: $0.file), .number(ReportFormat.count($0.count)), TableCell(text: $0.example, cssClass: "wrap")] })
    }
    if !quality.responseRates.isEmpty {
      out.element("h3", [:], t(.responseRates))
      let headers = [TableCell(text: t(.instrument)), TableCell(text: t(.region)), TableCell(text: t(.level)), .number(t(.expected)), .number(t(.received)), .number(t(.responseRate))]
      func row(_ rate: ResponseRateLine) -> [TableCell] {
        [TableCell(text: rate.instrumentLabel), TableCell(text: rate.regionName), TableCell(text: levelName(rate.level, language)), .number(ReportFormat.count(rate.expected)), .number(ReportFormat.count(rate.received)), .number(ReportFormat.rate(rate.rate))]
      }
      // Many regions: the top two levels open, the rest on a click.
      let top = Set(report.scope.levels.prefix(2))
      let crowded = quality.responseRates.count > Self.openRows
      let open = crowded ? quality.responseRates.filter { top.contains($0.level) } : quality.responseRates
      table(headers, open.map(row))
      if crowded {
        let rest = quality.responseRates.filter { !top.contains($0.level) }.map(row)
        if !rest.isEmpty {
          let levels = report.scope.levels.dropFirst(2).map { levelName($0, language) }.joined(separator: language == .zh ? "、" : ", ")
          collapsed(levels + ReportFormat.colon(language) + (language == .zh ? "\(rest.count) 行" : "\(rest.count) rows")) {
            $0.table(headers, rest)
          }
        }
      }
    }
    out.element("h3", [:], t(.suppressedCells))
    out.element("p", [:], suppressedSentence)
    out.close("section")
  }

  private var suppressedSentence: String {
    let q = report.quality
    return language == .zh
      ? "共 \(ReportFormat.count(q.cellCount)) 个估计单元格，其中 \(ReportFormat.count(q.suppressedCells)) 个因应答者少于 \(k) 人不公布估计值。"
      : "\(ReportFormat.count(q.suppressedCells)) of \(ReportFormat.count(q.cellCount)) estimate cells have fewer than \(k) respondents and publish no estimate."
  }

  mutating func methods() {
    let methods = report.methods
    out.open("section", ["id": "methods"])
    out.element("h2", [:], t(.methods))
    for paragraph in methods.paragraphs { out.element("p", [:], paragraph) }
    out.element("h3", [:], t(.statusMeanings))
    table(
      [TableCell(text: t(.status)), TableCell(text: "")],
      methods.statuses.map { [TableCell.status($0.status, language), TableCell(text: $0.meaning, cssClass: "wrap")] })
    out.element("h3", [:], t(.indicatorDefinitions))
    for info in indicatorsByArea {
      out.open("div", ["class": "indicator"])
      out.element("h4", [:], info.label + " (" + info.name + ")")
      out.open("dl", ["class": "meta"])
      definition(t(.areas), info.area.title(language))
      if !info.description.isEmpty { definition(t(.whatItCounts), info.description) }
      if !info.expression.isEmpty { codeDefinition(t(.expression), info.expression) }
      if info.population.isEmpty { definition(t(.population), t(.allUnits)) } else { codeDefinition(t(.population), info.population) }
      definition(t(.kind), info.kindText(language))
      definition(t(.target), ReportFormat.targets(info.targets, info.kind, language) + " · " + info.directionText(language))
      out.close("dl")
      out.close("div")
    }
    out.close("section")
  }

  private mutating func codeDefinition(_ term: String, _ code: String) {
    out.element("dt", [:], term)
    out.open("dd")
    out.element("code", [:], code)
    out.close("dd")
  }
}
