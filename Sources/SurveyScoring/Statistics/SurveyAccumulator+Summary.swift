import Foundation

extension SurveyAccumulator {
  /// Estimate, SE and df of every variable in every domain with respondents.
  ///
  /// - Returns: one dictionary per variable (indexed like `kinds`), from domain id to
  ///   its summary. Domains without respondents are absent; use
  ///   ``DomainSummary/empty(_:)`` for them.
  public func summaries() -> [[Int: DomainSummary]] {
    let order = keys.indices.sorted { keys[$0] < keys[$1] }
    let psuCounts = psuCountByStratum
    return kinds.indices.map { summaries(of: $0, order: order, psuCounts: psuCounts) }
  }

  /// Estimate, SE and df of one variable in every domain with respondents.
  public func summaries(of variable: Int) -> [Int: DomainSummary] {
    let order = keys.indices.sorted { keys[$0] < keys[$1] }
    return summaries(of: variable, order: order, psuCounts: psuCountByStratum)
  }

  private func summaries(of variable: Int, order: [Int], psuCounts: [Int: Int]) -> [Int:
    DomainSummary]
  {
    var result: [Int: DomainSummary] = [:]
    var start = 0
    while start < order.count {
      let domain = keys[order[start]].domain
      var end = start
      while end < order.count && keys[order[end]].domain == domain { end += 1 }
      let domainSlots = order[start..<end]
      let summary: DomainSummary?
      if design.hasPSU {
        let cells = domainSlots.map { (keys[$0], totals[$0 * kinds.count + variable]) }.filter {
          $0.1.rows > 0
        }
        summary = clusteredSummary(cells, kind: kinds[variable], psuCounts: psuCounts)
      } else {
        let cells = domainSlots.map { (keys[$0], moments[$0 * kinds.count + variable]) }.filter {
          $0.1.rows > 0
        }
        summary = momentSummary(cells, kind: kinds[variable], psuCounts: psuCounts)
      }
      if let summary { result[domain] = summary }
      start = end
    }
    return result
  }

  /// §3b with explicit PSUs: `D_j = B_j(m_j − est)` per PSU with respondents, zero for
  /// the other PSUs of the stratum, then the centred sum of squares per stratum.
  private func clusteredSummary(
    _ cells: [(CellKey, PSUTotal)], kind: MeasureKind, psuCounts: [Int: Int]
  ) -> DomainSummary? {
    guard !cells.isEmpty else { return nil }
    let n = cells.reduce(0) { $0 + $1.1.rows }
    let positives = cells.reduce(0) { $0 + $1.1.positives }
    let totalWeight = cells.reduce(0.0) { $0 + $1.1.weight }
    var estimate = cells.reduce(0.0) { $0 + $1.1.weight * $1.1.mean } / totalWeight
    if kind == .proportion && positives == 0 { estimate = 0 }
    if kind == .proportion && positives == n { estimate = 1 }
    var variance = 0.0
    var strata = 0
    var start = 0
    while start < cells.count {
      let stratum = cells[start].0.stratum
      var end = start
      while end < cells.count && cells[end].0.stratum == stratum { end += 1 }
      strata += 1
      let deviations = cells[start..<end].map { $0.1.weight * ($0.1.mean - estimate) }
      let psuCount = psuCounts[stratum] ?? deviations.count
      if psuCount <= 1 {
        if design.lonelyPSU == .adjust { variance += deviations.reduce(0) { $0 + $1 * $1 } }
      } else {
        let nh = Double(psuCount)
        let centre = deviations.reduce(0, +) / nh
        var squares = deviations.reduce(0) { $0 + ($1 - centre) * ($1 - centre) }
        squares += Double(psuCount - deviations.count) * centre * centre
        variance += nh / (nh - 1) * squares
      }
      start = end
    }
    if kind == .proportion && (positives == 0 || positives == n) { variance = 0 }
    let se = variance.squareRoot() / totalWeight
    return DomainSummary(
      kind: kind, n: n, positives: positives, estimate: estimate, se: se,
      df: Double(cells.count - strata))
  }

  /// §3a (no design) and §3b where every row is its own PSU, from per-stratum moments.
  private func momentSummary(
    _ cells: [(CellKey, ClusterMoments)], kind: MeasureKind, psuCounts: [Int: Int]
  ) -> DomainSummary? {
    guard !cells.isEmpty else { return nil }
    var all = ClusterMoments()
    for (_, cell) in cells { all.merge(cell) }
    var estimate = all.mean
    // Unweighted proportion: count / n exactly, as a reader recomputes it by hand.
    if kind == .proportion && design.mode != .taylor {
      estimate = Double(all.positives) / Double(all.rows)
    }
    if kind == .proportion && all.positives == 0 { estimate = 0 }
    if kind == .proportion && all.positives == all.rows { estimate = 1 }
    let isEdge = kind == .proportion && (all.positives == 0 || all.positives == all.rows)
    guard design.mode == .taylor else {
      let n = Double(all.rows)
      let se: Double? = all.rows < 2 ? nil : isEdge ? 0 : (all.spread / (n - 1) / n).squareRoot()
      return DomainSummary(
        kind: kind, n: all.rows, positives: all.positives, estimate: estimate, se: se,
        df: Double(all.rows - 1))
    }
    var variance = 0.0
    for (key, cell) in cells {
      let psuCount = psuCounts[key.stratum] ?? cell.clusters
      if psuCount <= 1 {
        if design.lonelyPSU == .adjust {
          let deviation = cell.weight * (cell.mean - estimate)
          variance += deviation * deviation
        }
      } else {
        let nh = Double(psuCount)
        variance += nh / (nh - 1) * cell.centredSquares(about: estimate, among: psuCount)
      }
    }
    if isEdge { variance = 0 }
    return DomainSummary(
      kind: kind, n: all.rows, positives: all.positives, estimate: estimate,
      se: variance.squareRoot() / all.weight, df: Double(all.clusters - cells.count))
  }
}
