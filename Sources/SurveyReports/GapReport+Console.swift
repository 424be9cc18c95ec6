import SurveyScoring

extension GapReport {
  /// The worst shortfalls as plain text lines for a terminal, in the report's
  /// language: a heading with the counts, then one line per shortfall (rank, status,
  /// region, indicator, estimate with its interval, target, gap, q-value).
  ///
  /// Breakdown groups are left out, as in the headline.
  /// - Parameter limit: how many shortfalls to list at most.
  /// - Returns: the lines, without line ends.
  public func shortfallLines(limit: Int = 10) -> [String] {
    let language = self.language
    let zh = language == .zh
    let counts = headline.statusCounts
    let entries = shortfalls.filter { $0.cell.group.isEmpty }
    guard !entries.isEmpty else { return [Phrase.noShortfalls.text(language)] }
    let heading =
      zh
      ? "最突出的短板（\(scope.rootName)：未达标 \(counts.shortfall) 项，可能未达标 \(counts.possibleShortfall) 项）："
      : "Largest shortfalls (\(scope.rootName): \(counts.shortfall) shortfalls, \(counts.possibleShortfall) possible shortfalls):"
    let level = ReportFormat.percent(methods.confidenceLevel, decimals: 0)
    var lines = [heading]
    for entry in entries.prefix(max(0, limit)) {
      let cell = entry.cell
      // Chinese region names carry their level (省, 市, 县, 区).
      let place =
        zh ? cell.regionName : cell.regionName + " (" + levelName(cell.level, language) + ")"
      var figures = [ReportFormat.value(cell.estimate, entry.kind)]
      let interval = ReportFormat.interval(cell.ciLow, cell.ciHigh, entry.kind)
      if !interval.isEmpty {
        figures[0] += ReportFormat.parenthesised(
          level + (zh ? " 置信区间 " : " CI ") + interval, language)
      }
      let target = ReportFormat.target(cell.target, entry.kind)
      let gap = ReportFormat.gap(cell.gap, entry.kind, language)
      figures += zh ? ["目标 \(target)", "差距 \(gap)"] : ["target \(target)", "gap \(gap)"]
      let q = ReportFormat.probability(cell.qValue)
      if !q.isEmpty { figures.append(q.hasPrefix("<") ? "q < " + q.dropFirst() : "q = " + q) }
      let status = cell.status.symbol + " " + cell.status.label(language)
      let rank = String(entry.rank)
      let pad = String(repeating: " ", count: max(0, 3 - rank.count))
      lines.append(
        pad + rank + ". " + status + "  " + place + " · " + entry.indicatorLabel
          + ReportFormat.colon(language) + figures.joined(separator: ReportFormat.comma(language)))
    }
    return lines
  }
}
