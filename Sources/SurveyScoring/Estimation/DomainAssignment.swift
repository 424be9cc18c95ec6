import SurveySchema

/// Which domains each unit belongs to: its region chain crossed with its breakdown
/// groups (and the blank group), computed once per distinct (region, group) code pair.
struct DomainAssignment: Sendable {
  private(set) var catalog: DomainCatalog
  let groups: GroupMap
  let regionColumn: Int?
  /// Per stored code of the region column (index = code), the region chain.
  let chains: [[Int]]
  /// Per stored code of the region column, whether the code resolved.
  let known: [Bool]
  /// Per stored code of the region column, the resolved region code.
  let resolvedCodes: [String: String]
  private var cache: [UInt64: [Int]] = [:]
  /// Domain ids that hold at least one unit.
  private(set) var populated: Set<Int> = []

  init(tree: RegionTree, language: String, store: UnitStore, regionColumn: Int?, groups: GroupMap, breakdownLabel: String?) {
    var catalog = DomainCatalog(tree: tree, language: language, breakdownLabel: breakdownLabel, groups: groups.labels)
    var chains: [[Int]] = [[0]]
    var known: [Bool] = [false]
    var resolved: [String: String] = [:]
    if let regionColumn {
      for value in store.columns[regionColumn].values {
        let text = value.stringValue
        let (chain, isKnown) = catalog.chain(forCode: text)
        chains.append(chain)
        known.append(isKnown)
        if isKnown, let deepest = chain.first { resolved[text] = catalog.regions[deepest].code }
      }
    }
    self.catalog = catalog
    self.groups = groups
    self.regionColumn = regionColumn
    self.chains = chains
    self.known = known
    self.resolvedCodes = resolved
  }

  /// The region code of a unit as stored (column code).
  func regionCode(unit: Int, store: UnitStore) -> UInt32 {
    regionColumn.map { store.code(column: $0, unit: unit) } ?? 0
  }

  /// The region chain of a unit (deepest first, the whole data set last).
  func chain(unit: Int, store: UnitStore) -> [Int] {
    chains[Int(regionCode(unit: unit, store: store))]
  }

  /// The domain ids of a unit; records them as populated.
  mutating func domains(unit: Int, store: UnitStore) -> [Int] {
    let region = regionCode(unit: unit, store: store)
    let group = groups.column.map { store.code(column: $0, unit: unit) } ?? 0
    let key = UInt64(region) << 32 | UInt64(group)
    if let known = cache[key] { return known }
    let chain = chains[Int(region)]
    let memberGroups = [0] + groups.groups(code: group)
    var ids: [Int] = []
    for r in chain {
      for g in memberGroups { ids.append(catalog.domain(region: r, group: g)) }
    }
    cache[key] = ids
    populated.formUnion(ids)
    return ids
  }

  /// The populated domains in output order: region (level, code), then group.
  func orderedDomains() -> [(region: Int, group: Int, id: Int)] {
    var result: [(Int, Int, Int)] = []
    for r in catalog.regionOrder {
      for g in 0..<catalog.groupCount {
        let id = catalog.domain(region: r, group: g)
        if populated.contains(id) { result.append((r, g, id)) }
      }
    }
    return result
  }
}
