import SurveySchema

/// Cronbach's alpha of every scale in every region (no breakdown groups): one
/// mergeable accumulator per scale and deepest region, merged up the region tree.
struct ReliabilityEstimation {
  let scales: [ScoringPlan.ScaleColumn]
  let itemColumns: [[Int]]
  let suppressionThreshold: Int

  func run(store: UnitStore, members: [Int], assignment: DomainAssignment) -> [ReliabilityEstimate] {
    guard !scales.isEmpty else { return [] }
    let catalog = assignment.catalog
    // Per scale, per deepest region: the accumulator and the chain it rolls up to.
    var leaves: [[Int: CronbachAlpha]] = Array(repeating: [:], count: scales.count)
    var chains: [Int: [Int]] = [:]
    var items: [Double?] = []
    for unit in members {
      let chain = assignment.chain(unit: unit, store: store)
      let leaf = chain.first ?? 0
      chains[leaf] = chain
      for (s, columns) in itemColumns.enumerated() {
        items.removeAll(keepingCapacity: true)
        for column in columns { items.append(store.value(column: column, unit: unit)?.numberValue) }
        // Item scores are finite numbers by construction (ScaleScorer), so add cannot fail.
        try? leaves[s][leaf, default: CronbachAlpha(itemCount: columns.count)].add(items)
      }
    }
    var rows: [ReliabilityEstimate] = []
    for (s, scale) in scales.enumerated() {
      var totals: [Int: CronbachAlpha] = [:]
      for (leaf, accumulator) in leaves[s].sorted(by: { $0.key < $1.key }) {
        for region in chains[leaf] ?? [0] {
          totals[region, default: CronbachAlpha(itemCount: itemColumns[s].count)].merge(accumulator)
        }
      }
      for r in catalog.regionOrder {
        guard let total = totals[r] else { continue }
        let region = catalog.regions[r]
        let alpha = total.n >= suppressionThreshold ? total.alpha : nil
        rows.append(
          ReliabilityEstimate(
            scale: scale.name, regionCode: region.code, regionName: region.name, level: region.level, n: total.n,
            items: itemColumns[s].count, alpha: alpha))
      }
    }
    return rows
  }
}

/// Cohen's kappa and percent agreement of every agreement pair in every region: one
/// mergeable table per pair and deepest region, merged up the region tree.
struct AgreementEstimation {
  let pairs: [BoundAgreement]
  let today: String
  let suppressionThreshold: Int

  func run(store: UnitStore, members: [Int], assignment: DomainAssignment) -> [AgreementEstimate] {
    guard !pairs.isEmpty else { return [] }
    let catalog = assignment.catalog
    var evaluators = pairs.map { AgreementEvaluator($0, store: store, today: today) }
    var labels = Array(repeating: Interner(), count: pairs.count)
    var leaves: [[Int: CohenKappa]] = Array(repeating: [:], count: pairs.count)
    var chains: [Int: [Int]] = [:]
    for unit in members {
      let chain = assignment.chain(unit: unit, store: store)
      let leaf = chain.first ?? 0
      chains[leaf] = chain
      for p in pairs.indices {
        let (left, right) = evaluators[p].labels(unit: unit, store: store)
        guard let left, let right else { continue }
        let a = labels[p].id(for: left)
        let b = labels[p].id(for: right)
        try? leaves[p][leaf, default: CohenKappa()].add(a, b)
      }
    }
    var rows: [AgreementEstimate] = []
    for (p, pair) in pairs.enumerated() {
      var totals: [Int: CohenKappa] = [:]
      for (leaf, table) in leaves[p].sorted(by: { $0.key < $1.key }) {
        for region in chains[leaf] ?? [0] { totals[region, default: CohenKappa()].merge(table) }
      }
      for r in catalog.regionOrder {
        guard let total = totals[r] else { continue }
        let region = catalog.regions[r]
        let result = total.result
        let shown = result.n >= suppressionThreshold
        rows.append(
          AgreementEstimate(
            pair: pair.pair.name, regionCode: region.code, regionName: region.name, level: region.level,
            n: result.n, agreement: shown ? result.agreement : nil, kappa: shown ? result.kappa : nil,
            kappaSE: shown ? result.se : nil))
      }
    }
    return rows
  }
}
