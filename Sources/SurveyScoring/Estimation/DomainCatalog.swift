import SurveySchema

/// The domains of a run (STATISTICS.md §1): every region at each reported level
/// (province, city, county) plus the whole data set, each optionally crossed with the
/// groups of a breakdown. A domain id is `region * groupCount + group`; region 0 is
/// the whole data set and group 0 is "no breakdown".
///
/// Units are placed by their region code: the code is resolved in the kit's region
/// tree (following aliases), and a township or village code is mapped up to its
/// county. A unit is in its county, that county's city and province, and the whole
/// data set; a unit whose code is blank or unknown is only in the whole data set.
struct DomainCatalog: Sendable {
  struct Region: Sendable {
    var code: String
    var name: String
    /// `all`, `province`, `city` or `county`.
    var level: String
    /// 0 for the whole data set, then 1 + the level's depth.
    var rank: Int
  }

  private(set) var regions: [Region]
  private var regionIndex: [String: Int] = [:]
  /// Group labels (`category=orphan`); index 0 is the blank group.
  let groups: [String]
  let breakdownLabel: String?
  private let tree: RegionTree
  private let language: String
  /// Region code text -> region chain (deepest first, the whole data set last), or
  /// `nil` when the code does not resolve.
  private var chains: [String: [Int]?] = [:]

  /// Creates a catalog over the kit's region tree.
  /// - Parameters:
  ///   - tree: the kit's region tree; a derived tree learns the codes it is given.
  ///   - groups: the breakdown's group labels in output order (without the blank group).
  init(tree: RegionTree, language: String, breakdownLabel: String?, groups: [String]) {
    self.tree = tree
    self.language = language
    self.breakdownLabel = breakdownLabel
    self.groups = [""] + groups
    let allName = language == "en" ? "All" : "全部"
    regions = [Region(code: "all", name: allName, level: "all", rank: 0)]
  }

  var groupCount: Int { groups.count }

  /// The domain id of a region and group.
  func domain(region: Int, group: Int) -> Int { region * groups.count + group }

  /// The region chain of a code, deepest first and the whole data set (0) last.
  /// Returns `[0]` and `false` for a blank code or one the tree does not know.
  mutating func chain(forCode raw: String) -> (chain: [Int], known: Bool) {
    if let cached = chains[raw] { return (cached ?? [0], cached != nil) }
    var tree = self.tree
    if tree.isDerived { tree.insertDerived(raw) }
    // A township or village code missing from regions.csv counts in its county.
    var candidate: String? = raw
    while let current = candidate, tree.resolve(current) == nil, let level = RegionCode.level(of: current),
      level > .county
    {
      candidate = RegionCode.parent(of: current)
    }
    guard !raw.isEmpty, let code = candidate.flatMap({ tree.resolve($0) }) else {
      chains[raw] = .some(nil)
      return ([0], false)
    }
    var nodes: [RegionNode] = []
    if let node = tree.node(code) { nodes.append(node) }
    nodes += tree.ancestors(of: code)
    var chain: [Int] = []
    for node in nodes where node.level <= .county {
      chain.append(index(of: node))
    }
    chain.append(0)
    chains[raw] = .some(chain)
    return (chain, true)
  }

  private mutating func index(of node: RegionNode) -> Int {
    if let known = regionIndex[node.code] { return known }
    let name = node.names.text(for: language) ?? node.code
    regions.append(Region(code: node.code, name: name, level: node.level.rawValue, rank: 1 + node.level.depth))
    regionIndex[node.code] = regions.count - 1
    return regions.count - 1
  }

  /// Region indices in output order: the whole data set, then provinces, cities and
  /// counties, each by code.
  var regionOrder: [Int] {
    regions.indices.sorted { (regions[$0].rank, regions[$0].code) < (regions[$1].rank, regions[$1].code) }
  }

  /// The Benjamini–Hochberg family of a domain: one per level and breakdown, with the
  /// whole data set (no group) a family of its own (STATISTICS.md §6).
  func family(region: Int, group: Int) -> String {
    let level = region == 0 ? "overall" : regions[region].level
    guard group > 0, let breakdownLabel else { return level }
    return "\(level)|\(breakdownLabel)"
  }
}
