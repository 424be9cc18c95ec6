import SurveyScoring

extension GapReport {
  /// The report as Markdown (GitHub tables): the same sections as the HTML page,
  /// with the charts given as tables.
  public func markdown() -> String {
    var page = MarkdownPage(report: self)
    return page.render()
  }
}

/// Renders a ``GapReport`` as Markdown.
struct MarkdownPage {
  let report: GapReport
  let language: ReportLanguage
  let kinds: [String: IndicatorKind]
  let labels: [String: String]
  var out = ""

  init(report: GapReport) {
    self.report = report
    self.language = report.language
    let lookup = IndicatorLookup(report)
    self.kinds = lookup.kinds
    self.labels = lookup.labels
  }

  func t(_ phrase: Phrase) -> String { phrase.text(language) }
  var k: Int { report.methods.minimumCount }
  var colon: String { ReportFormat.colon(language) }

  /// Text safe inside a table cell and in running text: Markdown's special
  /// characters are backslash-escaped and line breaks become spaces.
  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "#": out += "\\" + String(character)
      case "\n", "\r": out += " "
      default: out.append(character)
      }
    }
    return out
  }

  mutating func line(_ text: String = "") { out += text + "\n" }

  mutating func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int> = []) {
    line("| " + headers.map(Self.escape).joined(separator: " | ") + " |")
    line("|" + headers.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined())
    for row in rows { line("| " + row.map(Self.escape).joined(separator: " | ") + " |") }
    line()
  }

  mutating func render() -> String {
    line("# " + Self.escape(report.title))
    line()
    line(Self.escape(report.subtitle))
    line()
    overview()
    shortfalls()
    areas()
    leagueTables()
    drillDown()
    breakdowns()
    quality()
    methods()
    line("---")
    line(Self.escape(t(.generatedBy) + " · " + report.methods.kitName + " " + report.methods.kitVersion))
    return out
  }

  var valueHeaders: [String] {
    [t(.n), t(.estimate), t(.ci) + " " + ReportFormat.percent(report.methods.confidenceLevel, decimals: 0), t(.target), t(.gap), t(.status), t(.qValue)]
  }

  /// Cells of one estimate; a suppressed estimate shows the suppression text.
  func values(_ cell: ReportCell) -> [String] {
    let kind = kinds[cell.indicator] ?? .proportion
    return [
      ReportFormat.count(cell.n),
      cell.status == .suppressed ? ReportFormat.suppressed(k: k, language) : ReportFormat.value(cell.estimate, kind),
      ReportFormat.interval(cell.ciLow, cell.ciHigh, kind), ReportFormat.target(cell.target, kind),
      cell.gap.map { $0 > 0 ? ReportFormat.gap($0, kind, language) : "" } ?? "",
      cell.status.symbol + " " + cell.status.label(language), ReportFormat.probability(cell.qValue),
    ]
  }

  private static let valueColumns: Set<Int> = [0, 1, 2, 3, 4, 6]

  mutating func shortfallTable(_ entries: [ShortfallEntry]) {
    let rows = entries.map { entry in
      let region = entry.cell.group.isEmpty ? entry.cell.regionName : entry.cell.regionName + " · " + entry.cell.groupLabel
      return ["\(entry.rank)", entry.indicatorLabel, region, levelName(entry.cell.level, language)] + values(entry.cell)
    }
    table([t(.rank), t(.indicator), t(.region), t(.level)] + valueHeaders, rows, numeric: Set([0] + Self.valueColumns.map { $0 + 4 }))
  }

  mutating func overview() {
    let head = report.headline
    line("## " + t(.overview))
    line()
    line("- " + t(.childrenInRegister) + colon + ReportFormat.count(head.childrenInRegister))
    if let paired = head.childrenPaired {
      line("- " + t(.childrenPaired) + colon + ReportFormat.count(paired) + (head.pairedShare.map { ReportFormat.parenthesised(ReportFormat.percent($0), language) } ?? ""))
    }
    if let volunteers = head.volunteersInRegister {
      line("- " + t(.volunteersInRegister) + colon + ReportFormat.count(volunteers))
    }
    for instrument in head.instruments {
      var text = "- " + t(.questionnaires) + ReportFormat.parenthesised(Self.escape(instrument.label), language) + colon + ReportFormat.count(instrument.received)
      if let expected = instrument.expected { text += " / " + ReportFormat.count(expected) }
      if let rate = instrument.responseRate { text += ReportFormat.comma(language) + t(.responseRate) + " " + ReportFormat.percent(rate) }
      line(text)
    }
    let counts = head.statusCounts
    let parts = StatusStyle.legendOrder.map { "\($0.symbol) \($0.label(language)) \(counts[$0])" }
    line("- " + t(.statusCountsCaption) + colon + parts.joined(separator: ReportFormat.comma(language)))
    line()
    line("### " + t(.worstShortfalls))
    line()
    if head.worstShortfalls.isEmpty {
      line(t(.noShortfalls))
      line()
    } else {
      shortfallTable(head.worstShortfalls)
    }
  }

  mutating func shortfalls() {
    line("## " + t(.shortfallList))
    line()
    line(Self.escape(t(.shortfallNote)))
    line()
    if report.shortfalls.isEmpty { line(t(.noShortfalls)); line() } else { shortfallTable(report.shortfalls) }
  }
}
