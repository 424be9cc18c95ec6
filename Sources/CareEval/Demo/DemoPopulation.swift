import Foundation
import SurveySchema

/// One county of the generated population.
struct DemoCounty: Sendable {
  var index: Int
  var code: String
  var name: String
  var province: String
  /// The province and city names without their suffixes (`四川`, `成都`), for 问卷星's IP column.
  var placeLabel: String
  var children: Int
}

/// How the population is spread over the kit's counties and, within a county, over villages.
enum DemoPopulation {
  /// The counties of the kit's region tree under `regions` (all when empty), with their
  /// share of `total` children: provinces by `ModelConstants.provinceWeights`, counties
  /// within a province by log-normal sizes. Allocation is by largest remainder, so the
  /// counts add up to `total` exactly.
  static func counties(kit: Kit, regions: [String], total: Int, seed: UInt64) throws(DemoError)
    -> [DemoCounty]
  {
    let tree = kit.regions
    let all = tree.nodes.filter { $0.level == .county }
    guard !all.isEmpty else {
      throw DemoError(
        "the kit at \(kit.root) has no counties in regions.csv; the demo needs the region tree to place children"
      )
    }
    let wanted = Set(regions.map { tree.resolve($0) ?? $0 })
    for code in regions where tree.resolve(code) == nil {
      throw DemoError("region '\(code)' is not in the kit's regions.csv")
    }
    let chosen = all.filter { node in
      wanted.isEmpty || wanted.contains(node.code)
        || tree.ancestors(of: node.code).contains { wanted.contains($0.code) }
    }
    guard !chosen.isEmpty else {
      throw DemoError("no county lies under the regions \(regions.joined(separator: ", "))")
    }

    func province(of code: String) -> RegionNode? { tree.ancestors(of: code).last }
    var byProvince: [String: [RegionNode]] = [:]
    for node in chosen {
      byProvince[province(of: node.code)?.code ?? node.code, default: []].append(node)
    }
    let provinces = byProvince.keys.sorted()
    let knownWeights = ModelConstants.provinceWeights
    let fallback = knownWeights.values.reduce(0, +) / Double(knownWeights.count)
    let provinceWeights = provinces.map { code in
      (knownWeights[String(code.prefix(2))] ?? fallback) * Double(byProvince[code]?.count ?? 0)
        / Double(max(1, all.filter { province(of: $0.code)?.code == code }.count))
    }
    let perProvince = allocate(total, weights: provinceWeights)
    var random = DemoRandom(seed: seed, stream: [DemoStream.counties.rawValue])
    var result: [DemoCounty] = []
    for (provinceIndex, code) in provinces.enumerated() {
      let members = (byProvince[code] ?? []).sorted { $0.code < $1.code }
      let weights = members.map { _ in exp(ModelConstants.countySizeSpread * random.normal()) }
      let sizes = allocate(perProvince[provinceIndex], weights: weights)
      for (node, size) in zip(members, sizes) {
        let ancestors = tree.ancestors(of: node.code)
        let names = ancestors.reversed().map { shortName($0.names.text(for: "zh") ?? $0.code) }
        result.append(
          DemoCounty(
            index: 0, code: node.code, name: node.names.text(for: "zh") ?? node.code,
            province: code,
            placeLabel: names.joined(separator: "-"), children: size))
      }
    }
    result.sort { $0.code < $1.code }
    for index in result.indices { result[index].index = index }
    return result
  }

  /// The number of children in each village of a county of `children` children: about
  /// `ModelConstants.childrenPerVillage` each, log-normal sizes, at least one each.
  static func villages(children: Int, random: inout DemoRandom) -> [Int] {
    guard children > 0 else { return [] }
    let count = max(1, Int((Double(children) / ModelConstants.childrenPerVillage).rounded()))
    let weights = (0..<count).map { _ in exp(ModelConstants.villageSizeSpread * random.normal()) }
    let extra = allocate(children - count, weights: weights)
    return extra.map { $0 + 1 }
  }

  /// Splits `total` in proportion to `weights` by largest remainder (ties to the earlier).
  static func allocate(_ total: Int, weights: [Double]) -> [Int] {
    let sum = weights.reduce(0, +)
    guard total > 0, sum > 0 else { return weights.map { _ in 0 } }
    let exact = weights.map { Double(total) * $0 / sum }
    var counts = exact.map { Int($0.rounded(.down)) }
    let order = exact.indices.sorted {
      (exact[$0] - Double(counts[$0]), $1) > (exact[$1] - Double(counts[$1]), $0)
    }
    var left = total - counts.reduce(0, +)
    for index in order where left > 0 {
      counts[index] += 1
      left -= 1
    }
    return counts
  }

  /// A region name without its administrative suffix: 四川省 -> 四川, 成都市 -> 成都.
  static func shortName(_ name: String) -> String {
    for suffix in ["维吾尔自治区", "回族自治区", "壮族自治区", "自治区", "省", "市"]
    where name.hasSuffix(suffix) && name.count > suffix.count + 1 {
      return String(name.dropLast(suffix.count))
    }
    return name
  }
}
