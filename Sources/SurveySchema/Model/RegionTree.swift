/// An administrative level of the region tree.
public enum RegionLevel: String, Sendable, Hashable, CaseIterable, Comparable {
  /// 省: `PP0000`.
  case province
  /// 市 (and grouping rows such as Chongqing's 市辖区): `PPCC00`.
  case city
  /// 县 (county-level units): `PPCCDD`.
  case county
  /// 乡镇: 9 digits.
  case township
  /// 村: 12 digits.
  case village

  /// The depth from the top: province 0 … village 4.
  public var depth: Int {
    switch self {
    case .province: 0
    case .city: 1
    case .county: 2
    case .township: 3
    case .village: 4
    }
  }

  /// The level's name for readers of `language` (`zh` 省/市/县/乡镇/村, else English).
  public func name(for language: String) -> String {
    guard language == "zh" else { return rawValue }
    switch self {
    case .province: return "省"
    case .city: return "市"
    case .county: return "县"
    case .township: return "乡镇"
    case .village: return "村"
    }
  }

  /// Higher levels sort first (province < city < …).
  public static func < (a: RegionLevel, b: RegionLevel) -> Bool { a.depth < b.depth }
}

/// One region: its code, names, level and parent.
public struct RegionNode: Sendable, Hashable {
  /// The region code (GB/T 2260 6 digits, or 9/12-digit township and village codes).
  public var code: String
  /// Names by language; empty for a region derived from a code alone.
  public var names: LocalizedText
  /// The administrative level.
  public var level: RegionLevel
  /// The parent's code; `nil` for a top-level region.
  public var parent: String?
  /// The regions.csv row, or `nil` for a node derived from a code.
  public var location: SourceLocation?

  /// Creates a region node.
  public init(
    code: String, names: LocalizedText = .init(), level: RegionLevel, parent: String?,
    location: SourceLocation? = nil
  ) {
    self.code = code
    self.names = names
    self.level = level
    self.parent = parent
    self.location = location
  }
}

/// The region hierarchy (province > city > county > township > village) and the
/// table of old codes that now mean other codes.
///
/// Built from the kit's regions.csv, or, without it, derived from the codes
/// themselves (`RegionTree.derived(from:)`, `insertDerived(_:)`), following the
/// GB/T 2260 shape: `PP0000` province, `PPCC00` city, `PPCCDD` county, 9-digit
/// township `PPCCDDTTT`, 12-digit village `PPCCDDTTTVVV`.
public struct RegionTree: Sendable, Hashable {
  private var byCode: [String: RegionNode]
  /// Old code -> current code (from the kit's aliases.csv).
  public var aliases: [String: String]
  /// Whether the tree comes from codes rather than regions.csv: any well-formed
  /// code is then acceptable and its ancestors are implied by its digits.
  public var isDerived: Bool

  /// Creates a tree from its nodes and aliases.
  public init(nodes: [RegionNode] = [], aliases: [String: String] = [:], isDerived: Bool = false) {
    var byCode: [String: RegionNode] = [:]
    for node in nodes { byCode[node.code] = node }
    self.byCode = byCode
    self.aliases = aliases
    self.isDerived = isDerived
  }

  /// A tree derived from region codes: each well-formed code and all its ancestors.
  /// Codes that are not 6, 9 or 12 digits are skipped.
  public static func derived(from codes: some Sequence<String>, aliases: [String: String] = [:])
    -> RegionTree
  {
    var tree = RegionTree(aliases: aliases, isDerived: true)
    for code in codes { tree.insertDerived(code) }
    return tree
  }

  /// All nodes, sorted by code.
  public var nodes: [RegionNode] { byCode.values.sorted { $0.code < $1.code } }

  /// The number of regions.
  public var count: Int { byCode.count }

  /// Whether the tree has no regions.
  public var isEmpty: Bool { byCode.isEmpty }

  /// The node for a code, after following aliases and normalising 12-digit codes.
  public func node(_ code: String) -> RegionNode? {
    resolve(code).flatMap { byCode[$0] }
  }

  /// The current code for `code`: follows the alias table (old -> new, also chains)
  /// and shortens zero-padded 12-digit codes (`330105000000` -> `330105`). Returns
  /// the code when the tree knows it, or, in a derived tree, when it is well-formed.
  public func resolve(_ code: String) -> String? {
    var current = RegionCode.normalised(code.trimmingWhitespace)
    var seen: Set<String> = []
    while let next = aliases[current], !seen.contains(current) {
      seen.insert(current)
      current = RegionCode.normalised(next)
    }
    if byCode[current] != nil { return current }
    if isDerived, RegionCode.level(of: current) != nil { return current }
    return nil
  }

  /// The ancestors of a region, nearest first (parent, grandparent, … top).
  /// Empty for an unknown code or a top-level region.
  public func ancestors(of code: String) -> [RegionNode] {
    guard let start = resolve(code) else { return [] }
    var result: [RegionNode] = []
    var seen: Set<String> = [start]
    var parent = parentCode(of: start)
    while let current = parent, !seen.contains(current) {
      seen.insert(current)
      if let node = byCode[current] {
        result.append(node)
      } else if isDerived, let level = RegionCode.level(of: current) {
        result.append(
          RegionNode(code: current, level: level, parent: RegionCode.parent(of: current)))
      } else {
        break
      }
      parent = parentCode(of: current)
    }
    return result
  }

  /// The direct children of a region, sorted by code.
  public func children(of code: String) -> [RegionNode] {
    guard let parent = resolve(code) else { return [] }
    return nodes.filter { $0.parent == parent }
  }

  /// The top-level regions (no parent), sorted by code.
  public var roots: [RegionNode] { nodes.filter { $0.parent == nil } }

  /// Adds a code and all its ancestors as derived nodes (names empty). Existing
  /// nodes are kept. Codes of the wrong shape are ignored.
  public mutating func insertDerived(_ code: String) {
    var current: String? = RegionCode.normalised(code.trimmingWhitespace)
    while let code = current, byCode[code] == nil, let level = RegionCode.level(of: code) {
      let parent = RegionCode.parent(of: code)
      byCode[code] = RegionNode(code: code, level: level, parent: parent)
      current = parent
    }
  }

  /// Adds or replaces a node.
  public mutating func insert(_ node: RegionNode) {
    byCode[node.code] = node
  }

  private func parentCode(of code: String) -> String? {
    if let node = byCode[code] { return node.parent }
    return isDerived ? RegionCode.parent(of: code) : nil
  }
}
