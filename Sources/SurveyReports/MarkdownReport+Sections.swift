import SurveyScoring

extension MarkdownPage {
  mutating func areas() {
    line("## " + t(.areas))
    line()
    for area in report.areas {
      line("### " + Self.escape(area.title))
      line()
      for section in area.indicators {
        guard let info = report.indicators.first(where: { $0.name == section.indicator }) else { continue }
        line("#### " + Self.escape(info.label))
        line()
        if !info.description.isEmpty { line("- " + t(.whatItCounts) + colon + Self.escape(info.description)) }
        line("- " + t(.target) + colon + Self.escape(info.targetText(language)))
        if let overall = section.overall {
          let values = self.values(overall)
          let interval = values[2].isEmpty ? "" : ReportFormat.parenthesised(values[2], language)
          line("- " + t(.overall) + colon + Self.escape(values[1] + interval + " · " + values[5] + " · n = " + values[0]))
        }
        line()
        for level in section.levels where !level.cells.isEmpty {
          table(
            [levelName(level.level, language)] + valueHeaders,
            level.cells.map { [$0.regionName] + values($0) }, numeric: Set([1, 2, 3, 4, 5, 7]))
        }
      }
    }
  }

  mutating func leagueTables() {
    line("## " + t(.leagueTables))
    line()
    line(Self.escape(t(.leagueNote)))
    line()
    let statuses = StatusStyle.legendOrder
    for league in report.leagueTables {
      line("### " + levelName(league.level, language))
      line()
      table(
        [t(.rank), t(.region)] + statuses.map { $0.symbol + " " + $0.label(language) },
        league.rows.map { row in ["\(row.rank)", row.regionName] + statuses.map { "\(row.counts[$0])" } },
        numeric: Set([0] + Array(2..<(2 + statuses.count))))
    }
  }

  mutating func drillDown() {
    line("## " + t(.drillDown))
    line()
    for node in report.drillDown { drill(node, depth: 0) }
  }

  private mutating func drill(_ node: DrillNode, depth: Int) {
    let marks = String(repeating: "#", count: min(6, 3 + depth))
    line(marks + " " + Self.escape(node.regionName + " · " + levelName(node.level, language)))
    line()
    if node.isShown && !node.cells.isEmpty {
      table(
        [t(.indicator)] + valueHeaders, node.cells.map { [labels[$0.indicator] ?? $0.indicator] + values($0) },
        numeric: Set([1, 2, 3, 4, 5, 7]))
    }
    for child in node.children { drill(child, depth: depth + 1) }
  }

  mutating func breakdowns() {
    guard !report.breakdowns.isEmpty else { return }
    line("## " + t(.breakdowns))
    line()
    for breakdown in report.breakdowns {
      line("### " + Self.escape((labels[breakdown.indicator] ?? breakdown.indicator) + " · " + breakdown.fieldLabel + " · " + report.scope.rootName))
      line()
      table(
        [t(.group)] + valueHeaders, breakdown.rows.map { [$0.label] + values($0.cell) },
        numeric: Set([1, 2, 3, 4, 5, 7]))
    }
  }

  mutating func quality() {
    let quality = report.quality
    line("## " + t(.quality))
    line()
    line("### " + t(.filesRead))
    line()
    var rows = quality.files.map {
      [$0.file, $0.instrument, $0.layout, $0.encoding, ReportFormat.count($0.read), ReportFormat.count($0.accepted), ReportFormat.count($0.rejected)]
    }
    rows.append([t(.total), "", "", "", ReportFormat.count(quality.read), ReportFormat.count(quality.accepted), ReportFormat.count(quality.rejected)])
    table([t(.file), t(.instrument), t(.layout), t(.encoding), t(.read), t(.accepted), t(.rejected)], rows, numeric: [4, 5, 6])
    if !quality.rejectsByRule.isEmpty {
      line("### " + t(.rejectsByRule))
      line()
      table(
        [t(.rule), t(.file), t(.count), t(.example)],
        quality.rejectsByRule.map { [$0.rule, $0.file, ReportFormat.count($0.count), $0.example] }, numeric: [2])
    }
    if !quality.responseRates.isEmpty {
      line("### " + t(.responseRates))
      line()
      table(
        [t(.instrument), t(.region), t(.level), t(.expected), t(.received), t(.responseRate)],
        quality.responseRates.map { [$0.instrumentLabel, $0.regionName, levelName($0.level, language), ReportFormat.count($0.expected), ReportFormat.count($0.received), ReportFormat.rate($0.rate)] },
        numeric: [3, 4, 5])
    }
    line("### " + t(.suppressedCells))
    line()
    line("\(quality.suppressedCells) / \(quality.cellCount)")
    line()
  }

  mutating func methods() {
    let methods = report.methods
    line("## " + t(.methods))
    line()
    for paragraph in methods.paragraphs {
      line(Self.escape(paragraph))
      line()
    }
    line("### " + t(.statusMeanings))
    line()
    table([t(.status), ""], methods.statuses.map { [$0.symbol + " " + $0.label, $0.meaning] })
    line("### " + t(.indicatorDefinitions))
    line()
    let ordered = IndicatorArea.allCases.flatMap { area in report.indicators.filter { $0.area == area } }
    table(
      [t(.indicator), t(.areas), t(.whatItCounts), t(.expression), t(.population), t(.kind), t(.target)],
      ordered.map {
        [$0.label + " (" + $0.name + ")", $0.area.title(language), $0.description, $0.expression,
         $0.population.isEmpty ? t(.allUnits) : $0.population, $0.kindText(language), $0.targetText(language)]
      })
  }
}
