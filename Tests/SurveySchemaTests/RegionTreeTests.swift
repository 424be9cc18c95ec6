import Foundation
import Testing

@testable import SurveySchema

/// The region tree from regions.csv (the five-province list of the shared data)
/// and derived from GB/T 2260 codes.
@Suite struct RegionTreeTests {
  /// A kit whose regions.csv is the five-province list (code,name,level,parent_code).
  private func fiveProvinces(aliases: String? = nil) throws -> (KitLoadResult, TemporaryKit) {
    let csv = try String(contentsOfFile: fixturePath("regions/regions_5prov.csv"), encoding: .utf8)
    var files = minimalKit(["regions.csv": csv])
    if let aliases { files["aliases.csv"] = aliases }
    let kit = try TemporaryKit(files)
    return (kit.load(), kit)
  }

  @Test func fiveProvinceListLoadsWithoutProblems() throws {
    let (result, kit) = try fiveProvinces()
    defer { kit.remove() }
    #expect(result.diagnostics.isEmpty)
    // data/README.md: 5 provinces, 53 city-level and 419 county-level units.
    let tree = result.kit.regions
    #expect(tree.count == 477)
    #expect(tree.nodes.filter { $0.level == .province }.count == 5)
    #expect(tree.nodes.filter { $0.level == .city }.count == 53)
    #expect(tree.nodes.filter { $0.level == .county }.count == 419)
    #expect(tree.roots.map(\.code) == ["330000", "500000", "510000", "620000", "640000"])
    #expect(!tree.isDerived)
  }

  @Test func chongqingCountiesHangUnderTheGroupingRows() throws {
    let (result, kit) = try fiveProvinces()
    defer { kit.remove() }
    let tree = result.kit.regions
    // 500101 万州区 -> 500100 市辖区 -> 500000 重庆市 (rows 236-237 of the list).
    #expect(tree.ancestors(of: "500101").map(\.code) == ["500100", "500000"])
    #expect(tree.node("500100")?.names.text(for: "zh") == "市辖区")
    #expect(tree.node("500100")?.level == .city)
    #expect(tree.children(of: "500000").map(\.code) == ["500100", "500200"])
    #expect(tree.node("500101")?.names.text(for: "en") == "万州区")
  }

  @Test func unknownCodesAreNotInALoadedTree() throws {
    let (result, kit) = try fiveProvinces()
    defer { kit.remove() }
    #expect(result.kit.regions.resolve("110101") == nil)
    #expect(result.kit.regions.ancestors(of: "110101").isEmpty)
  }

  @Test func aliasesMapOldCodesToNewOnes() throws {
    // Hangzhou's 2021 redistricting: 下城区 330103 became part of 拱墅区 330105.
    let (result, kit) = try fiveProvinces(aliases: "old_code,new_code\n330103,330105\n")
    defer { kit.remove() }
    #expect(result.diagnostics.isEmpty)
    let tree = result.kit.regions
    #expect(tree.resolve("330103") == "330105")
    #expect(tree.node("330103")?.names.text(for: "zh") == "拱墅区")
    #expect(tree.ancestors(of: "330103").map(\.code) == ["330100", "330000"])
  }

  @Test func derivedTreeFollowsTheCodeShape() {
    let tree = RegionTree.derived(from: ["510104", "510104001", "510104001002", "500101"])
    #expect(tree.isDerived)
    #expect(tree.node("510104")?.level == .county)
    #expect(tree.node("510104")?.parent == "510100")
    #expect(tree.node("510100")?.level == .city)
    #expect(tree.node("510000")?.level == .province)
    #expect(tree.node("510104001")?.level == .township)
    #expect(tree.node("510104001002")?.level == .village)
    #expect(
      tree.ancestors(of: "510104001002").map(\.code) == ["510104001", "510104", "510100", "510000"])
    #expect(tree.ancestors(of: "500101").map(\.code) == ["500100", "500000"])
    #expect(tree.count == 8)  // 5 codes on the 51 branch, 3 on the 50 branch
  }

  @Test func derivedTreeAcceptsAnyWellFormedCode() {
    let tree = RegionTree.derived(from: [])
    #expect(tree.resolve("330105") == "330105")
    #expect(tree.ancestors(of: "330105").map(\.code) == ["330100", "330000"])
    #expect(tree.resolve("3301") == nil)
  }

  @Test(arguments: [
    ("510000", RegionLevel?.some(.province)), ("510100", .city), ("510104", .county),
    ("510104001", .township),
    ("510104001002", .village), ("510104000000", .county), ("510104001000", .township),
    ("000000", nil), ("510004", nil), ("5101", nil), ("51010a", nil), ("510000001", nil), ("", nil),
  ])
  func codeShapeGivesTheLevel(_ code: String, _ level: RegionLevel?) {
    #expect(RegionCode.level(of: code) == level)
  }

  @Test func paddedTwelveDigitCodesAreShortened() {
    #expect(RegionCode.normalised("330105000000") == "330105")
    #expect(RegionCode.normalised("330105001000") == "330105001")
    #expect(RegionCode.normalised("330105001002") == "330105001002")
    #expect(RegionCode.parent(of: "330105001002") == "330105001")
  }

  @Test func targetIsInheritedFromTheNearestAncestor() {
    let location = SourceLocation(file: "targets.csv", row: 2, column: 1)
    let kit = Kit(
      root: ".",
      targets: [
        Target(indicator: "weekly", target: 0.7, location: location),
        Target(indicator: "weekly", region: "500000", target: 0.9, location: location),
        Target(indicator: "weekly", region: "500100", target: 0.95, location: location),
      ],
      regions: RegionTree.derived(from: ["500101", "500230", "510104"]))
    #expect(kit.target(for: "weekly", in: "500101")?.target == 0.95)
    #expect(kit.target(for: "weekly", in: "500230")?.target == 0.9)
    #expect(kit.target(for: "weekly", in: "510104")?.target == 0.7)
    #expect(kit.target(for: "weekly", in: nil)?.target == 0.7)
    #expect(kit.target(for: "monthly", in: "500101") == nil)
  }

  @Test func levelNamesInChineseAndEnglish() {
    #expect(RegionLevel.county.name(for: "zh") == "县")
    #expect(RegionLevel.township.name(for: "zh") == "乡镇")
    #expect(RegionLevel.county.name(for: "en") == "county")
  }
}
