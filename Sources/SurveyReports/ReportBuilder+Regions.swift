import SurveyScoring

extension ReportBuilder {
  /// One section per area that has indicators, areas in their fixed order.
  func areaSections() -> [AreaSection] {
    let regionLevels = levels.filter { $0 != tree.level(of: rootCode) }
    return IndicatorArea.allCases.compactMap { area in
      let indicators = input.indicators.filter { $0.area == area }
      guard !indicators.isEmpty else { return nil }
      let sections = indicators.map { indicator in
        IndicatorSection(
          indicator: indicator.name,
          overall: levels.contains(tree.level(of: rootCode) ?? "") ? cell(indicator.name, rootCode) : nil,
          levels: regionLevels.map { level in
            LevelCells(level: level, cells: regions(at: level).compactMap { cell(indicator.name, $0) })
          })
      }
      return AreaSection(area: area, title: area.title(language), indicators: sections)
    }
  }

  /// One league table per level below the root: regions worst first.
  func leagueTables() -> [LeagueTable] {
    levels.filter { $0 != tree.level(of: rootCode) }.map { level in
      var rows = regions(at: level).map { code in
        LeagueRow(
          rank: 0, regionCode: code, regionName: tree.name(of: code, language: language),
          counts: counts(of: regionCells(code)))
      }
      rows.sort { a, b in
        let keyA = (-a.counts.shortfall, -a.counts.possibleShortfall, a.counts.meets)
        let keyB = (-b.counts.shortfall, -b.counts.possibleShortfall, b.counts.meets)
        if keyA != keyB { return keyA < keyB }
        return a.regionCode < b.regionCode
      }
      for position in rows.indices {
        let previous = position > 0 ? rows[position - 1] : nil
        if let previous, Self.sameStanding(previous.counts, rows[position].counts) {
          rows[position].rank = previous.rank
        } else {
          rows[position].rank = position + 1
        }
      }
      return LeagueTable(level: level, rows: rows)
    }
  }

  private static func sameStanding(_ a: StatusCounts, _ b: StatusCounts) -> Bool {
    a.shortfall == b.shortfall && a.possibleShortfall == b.possibleShortfall && a.meets == b.meets
  }

  func counts(of cells: [ReportCell]) -> StatusCounts {
    var counts = StatusCounts()
    for cell in cells { counts[cell.status] += 1 }
    return counts
  }

  /// The tree below `code`; a node of a level that is not shown only groups its
  /// children, and a branch with nothing shown is left out.
  func drillDown(of code: String) -> [DrillNode] {
    tree.childCodes(of: code).compactMap { child in
      let children = drillDown(of: child)
      let level = tree.level(of: child) ?? ""
      let shown = levels.contains(level)
      guard shown || !children.isEmpty else { return nil }
      let cells = shown ? regionCells(child) : []
      return DrillNode(
        regionCode: child, regionName: tree.name(of: child, language: language), level: level,
        isShown: shown, counts: counts(of: cells), cells: cells, children: children)
    }
  }

  /// Breakdown rows of the root domain, per field and indicator.
  ///
  /// Fields are ordered by name, indicators by kit order, groups by their first
  /// appearance in the estimates (the pipeline writes them in code-list order).
  func breakdowns() -> [Breakdown] {
    var groupsByField: [String: [String]] = [:]
    for row in input.estimates where row.regionCode == rootCode && !row.group.isEmpty {
      let field = Self.split(row.group).field
      if !(groupsByField[field] ?? []).contains(row.group) {
        groupsByField[field, default: []].append(row.group)
      }
    }
    var result: [Breakdown] = []
    for field in groupsByField.keys.sorted() {
      let fieldLabel = input.groupLabels[field]?.text(language) ?? field
      for indicator in input.indicators {
        let rows = (groupsByField[field] ?? []).compactMap { group -> BreakdownRow? in
          guard let cell = cell(indicator.name, rootCode, group: group) else { return nil }
          let value = Self.split(group).value
          return BreakdownRow(
            value: value, label: input.groupLabels[group]?.text(language) ?? value, cell: cell)
        }
        if !rows.isEmpty {
          result.append(
            Breakdown(field: field, fieldLabel: fieldLabel, indicator: indicator.name, rows: rows))
        }
      }
    }
    return result
  }

  /// `category=orphan` -> (`category`, `orphan`); a group without `=` has no field.
  static func split(_ group: String) -> (field: String, value: String) {
    guard let equals = group.firstIndex(of: "=") else { return ("", group) }
    return (String(group[..<equals]), String(group[group.index(after: equals)...]))
  }
}
