import SurveyScoring

/// The region tree a report walks: the kit's regions plus any region that appears
/// only in the estimates, children ordered by code.
struct RegionTree {
  struct Node {
    var code: String
    var name: String
    var level: String
    var parent: String?
  }

  private(set) var nodes: [String: Node] = [:]
  private(set) var children: [String: [String]] = [:]
  /// Regions without a known parent, ordered by code.
  private(set) var roots: [String] = []
  /// Levels ordered from the top of the tree down (`all` first when present).
  private(set) var levelOrder: [String] = []

  init(regions: [ReportRegion], estimates: [Estimate], language: ReportLanguage) {
    for region in regions where nodes[region.code] == nil {
      nodes[region.code] = Node(
        code: region.code, name: region.name.text(language), level: region.level,
        parent: region.parent.flatMap { $0.isEmpty ? nil : $0 })
    }
    for row in estimates where row.regionCode != "all" && nodes[row.regionCode] == nil {
      nodes[row.regionCode] = Node(
        code: row.regionCode, name: row.regionName, level: row.level, parent: nil)
    }
    for node in nodes.values {
      if let parent = node.parent, nodes[parent] != nil, parent != node.code {
        children[parent, default: []].append(node.code)
      } else {
        roots.append(node.code)
      }
    }
    roots.sort()
    for key in children.keys { children[key]?.sort() }
    levelOrder = Self.orderLevels(nodes: nodes, roots: roots, children: children, estimates: estimates)
  }

  /// Levels by their smallest depth in the tree, then by name; `all` first.
  private static func orderLevels(
    nodes: [String: Node], roots: [String], children: [String: [String]], estimates: [Estimate]
  ) -> [String] {
    var depth: [String: Int] = [:]
    var stack = roots.map { ($0, 1) }
    while let (code, d) = stack.popLast() {
      guard let node = nodes[code] else { continue }
      depth[node.level] = min(depth[node.level] ?? Int.max, d)
      for child in children[code] ?? [] { stack.append((child, d + 1)) }
    }
    if estimates.contains(where: { $0.regionCode == "all" }) { depth["all"] = 0 }
    return depth.keys.sorted { (depth[$0] ?? 0, $0) < (depth[$1] ?? 0, $1) }
  }

  /// The display name of a region, or of the whole data set.
  func name(of code: String, language: ReportLanguage, fallback: String = "") -> String {
    if code == "all" { return Phrase.wholeDataSet.text(language) }
    if let node = nodes[code], !node.name.isEmpty { return node.name }
    return fallback.isEmpty ? code : fallback
  }

  /// The region's level, or `all`.
  func level(of code: String) -> String? {
    code == "all" ? "all" : nodes[code]?.level
  }

  /// The codes below `code` (`all`: the whole tree), depth first, each region
  /// before its children.
  func descendants(of code: String) -> [String] {
    var result: [String] = []
    var stack = Array((code == "all" ? roots : children[code] ?? []).reversed())
    while let next = stack.popLast() {
      result.append(next)
      stack.append(contentsOf: (children[next] ?? []).reversed())
    }
    return result
  }

  /// The direct children of `code` (`all`: the top-level regions).
  func childCodes(of code: String) -> [String] {
    code == "all" ? roots : children[code] ?? []
  }

  /// Whether `code` is a known region or `all`.
  func contains(_ code: String) -> Bool { code == "all" || nodes[code] != nil }
}
