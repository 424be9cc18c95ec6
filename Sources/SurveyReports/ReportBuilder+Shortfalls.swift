import SurveyScoring

extension ReportBuilder {
  /// Every shortfall and possible shortfall in scope, ranked.
  ///
  /// Order: region rows before breakdown-group rows (so the regions' ranks run
  /// 1, 2, 3… and the headline's worst shortfalls are the top of the list); then
  /// `shortfall` before `possible_shortfall` (certainty); then the larger
  /// relative gap (``relativeGap(of:kind:)``); then the smaller q-value (a missing
  /// q-value last); then the larger n; then kit order of the indicator, level
  /// order, region code and group, so ties never depend on the input order.
  func rankedShortfalls() -> [ShortfallEntry] {
    let indicatorOrder = Dictionary(
      input.indicators.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    let levelOrder = Dictionary(
      tree.levelOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    var entries: [ShortfallEntry] = []
    for row in rows where row.status == .shortfall || row.status == .possibleShortfall {
      let indicator = indicatorsByName[row.indicator]
      let kind = indicator?.kind ?? .proportion
      let cell = cell(from: row)
      entries.append(
        ShortfallEntry(
          rank: 0, indicatorLabel: indicator?.label.text(language) ?? row.indicator, kind: kind,
          direction: indicator?.direction ?? .higher, cell: cell,
          relativeGap: Self.relativeGap(of: cell, kind: kind)))
    }
    entries.sort { a, b in
      if a.cell.group.isEmpty != b.cell.group.isEmpty { return a.cell.group.isEmpty }
      let tierA = a.cell.status == .shortfall ? 0 : 1
      let tierB = b.cell.status == .shortfall ? 0 : 1
      if tierA != tierB { return tierA < tierB }
      if a.relativeGap != b.relativeGap { return a.relativeGap > b.relativeGap }
      let qA = a.cell.qValue ?? .infinity
      let qB = b.cell.qValue ?? .infinity
      if qA != qB { return qA < qB }
      if a.cell.n != b.cell.n { return a.cell.n > b.cell.n }
      let keyA = (
        indicatorOrder[a.cell.indicator] ?? Int.max, levelOrder[a.cell.level] ?? Int.max,
        a.cell.regionCode, a.cell.group)
      let keyB = (
        indicatorOrder[b.cell.indicator] ?? Int.max, levelOrder[b.cell.level] ?? Int.max,
        b.cell.regionCode, b.cell.group)
      return keyA < keyB
    }
    for position in entries.indices { entries[position].rank = position + 1 }
    return entries
  }

  /// The gap on a scale shared by all indicators: for a proportion the gap itself
  /// (a fraction of the whole 0-1 range, shown as percentage points); for a mean
  /// the gap as a share of the target's size (the gap itself when the target is 0).
  static func relativeGap(of cell: ReportCell, kind: IndicatorKind) -> Double {
    guard let gap = cell.gap else { return 0 }
    switch kind {
    case .proportion: return gap
    case .mean:
      guard let target = cell.target, target != 0 else { return gap }
      return gap / abs(target)
    }
  }
}
