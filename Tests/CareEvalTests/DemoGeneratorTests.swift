import CSVStream
import Foundation
import SurveySchema
import Testing

@testable import CareEval

/// `careeval demo` end to end on small populations: determinism, files that follow the kit,
/// truth.csv, the sample design.
@Suite struct DemoGeneratorTests {
  static let dataFiles = [
    "roster.csv", "volunteer.csv", "child.csv", "guardian.csv", "teacher.csv",
  ]

  @Test func theSameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws {
    func make(_ seed: UInt64) throws -> String {
      try DemoTestSupport.generate("determinism", children: 300, seed: seed) { options in
        options.layout = .kobo
        options.sample = true
        options.errorRate = 0.05
      }.folder
    }
    let (a, b, c) = (try make(3), try make(3), try make(4))
    defer { [a, b, c].forEach(DemoTestSupport.remove) }
    for file in Self.dataFiles + ["truth.csv", "errors.csv"] {
      #expect(
        try DemoTestSupport.bytes(a, file) == DemoTestSupport.bytes(b, file),
        "\(file) differs between runs")
    }
    #expect(try DemoTestSupport.bytes(a, "roster.csv") != DemoTestSupport.bytes(c, "roster.csv"))
    #expect(try DemoTestSupport.bytes(a, "child.csv") != DemoTestSupport.bytes(c, "child.csv"))
  }

  @Test func everyRowFollowsItsFormsRulesAndLinksToTheRegisters() throws {
    let (folder, summary) = try DemoTestSupport.generate("rules", children: 500)
    defer { DemoTestSupport.remove(folder) }
    #expect(summary.notes == [], "the model should answer every question of the default kit")
    let kit = DemoTestSupport.kit
    let catalog = ItemCatalog(kit: kit)
    var checks: [String: DemoFileCheck] = [:]
    for file in Self.dataFiles {
      let instrument = try #require(kit.instrument(formID: String(file.dropLast(4))))
      let check = try DemoFileCheck(
        path: folder + "/" + file, plan: FormPlan(instrument, catalog: catalog))
      #expect(check.malformed.isEmpty)
      #expect(
        check.problems.isEmpty, "\(file): \(check.problems.sorted { $0.key < $1.key }.prefix(3))")
      checks[file] = check
    }
    let roster = try #require(checks["roster.csv"])
    let children = Set(roster.subjects.values)
    #expect(roster.rows == 500 && children.count == 500)
    for file in ["child.csv", "guardian.csv", "teacher.csv"] {
      let ids = try #require(checks[file]).subjects.values
      #expect(ids.allSatisfy(children.contains), "\(file) names a child who is not in the register")
      #expect(Set(ids).count == ids.count, "\(file) has two responses about one child")
    }
    // Every volunteer id in the register exists, and each volunteer's children_paired
    // counts the register rows that list her.
    let plan = try FormPlan(try #require(kit.roster), catalog: catalog)
    let idsSlot = try #require(plan.slots["volunteer_ids"])
    var mentions: [String: Int] = [:]
    for answers in roster.answers.values {
      for id in answers[idsSlot].value?.stringValue.split(separator: " ") ?? [] {
        mentions[String(id), default: 0] += 1
      }
    }
    let volunteers = try #require(checks["volunteer.csv"])
    let volunteerPlan = try FormPlan(
      try #require(kit.instrument(formID: "volunteer")), catalog: catalog)
    let countSlot = try #require(volunteerPlan.slots["children_paired"])
    for (row, id) in volunteers.subjects {
      let count = volunteers.answers[row]?[countSlot].value?.numberValue ?? -1
      #expect(Int(count) == mentions[id, default: 0], "volunteer \(id)")
    }
    #expect(Set(mentions.keys).isSubset(of: Set(volunteers.subjects.values)))
  }

  @Test func truthCensusValuesAreTheIndicatorsComputedFromTheFiles() throws {
    let (folder, _) = try DemoTestSupport.generate("truth", children: 600)
    defer { DemoTestSupport.remove(folder) }
    let truth = try Self.table(folder + "/truth.csv")
    let kit = DemoTestSupport.kit
    let counties = Set(truth.map { $0["region_code"] ?? "" })
    #expect(truth.count == counties.count * kit.indicators.count)
    // Recompute two indicators by hand from the files: the share paired per county, and
    // the share of paired children who report weekly contact.
    let roster = try Self.table(folder + "/roster.csv")
    let child = try Self.table(folder + "/child.csv")
    var paired: [String: (Int, Int)] = [:]
    var regionOf: [String: String] = [:]
    var isPaired: [String: Bool] = [:]
    for row in roster {
      let region = row["region"] ?? ""
      let yes = row["paired"] == "yes"
      paired[region, default: (0, 0)].0 += yes ? 1 : 0
      paired[region, default: (0, 0)].1 += 1
      regionOf[row["child_id"] ?? ""] = region
      isPaired[row["child_id"] ?? ""] = yes
    }
    var weekly: [String: (Int, Int)] = [:]
    for row in child where isPaired[row["child_id"] ?? ""] == true {
      let level = row["contact_level"] ?? ""
      guard !level.isEmpty else { continue }
      let region = regionOf[row["child_id"] ?? ""] ?? ""
      weekly[region, default: (0, 0)].0 += level == "weekly" ? 1 : 0
      weekly[region, default: (0, 0)].1 += 1
    }
    for row in truth {
      let region = row["region_code"] ?? ""
      let expected: (Int, Int)?
      switch row["indicator"] {
      case "coverage_paired": expected = paired[region]
      case "routine_child_weekly": expected = weekly[region]
      default: expected = nil
      }
      guard let (hits, n) = expected else { continue }
      #expect(row["census_n"] == String(n))
      #expect(Double(row["census_value"] ?? "") == Double(hits) / Double(n))
    }
    // Every indicator of the default kit has a generating parameter in every county.
    #expect(truth.allSatisfy { !($0["parameter"] ?? "").isEmpty })
  }

  @Test func aSampleKeepsThePopulationAndWeightsEachSampledChild() throws {
    let census = try DemoTestSupport.generate("census", children: 900, regions: ["640100"])
    let sample = try DemoTestSupport.generate("sample", children: 900, regions: ["640100"]) {
      options in
      options.sample = true
      options.villagesPerCounty = 4
      options.childrenPerVillage = 5
    }
    defer { [census.folder, sample.folder].forEach(DemoTestSupport.remove) }
    // The population, and so the truth, does not depend on whether it is sampled.
    #expect(
      try DemoTestSupport.bytes(census.folder, "truth.csv")
        == DemoTestSupport.bytes(sample.folder, "truth.csv"))
    let full = try Self.table(census.folder + "/roster.csv")
    let drawn = try Self.table(sample.folder + "/roster.csv")
    #expect(full.allSatisfy { ($0["weight"] ?? "").isEmpty && ($0["psu"] ?? "").isEmpty })
    let byID = Dictionary(full.map { ($0["child_id"] ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    var psus: [String: Set<String>] = [:]
    var perPSU: [String: [Double]] = [:]
    for row in drawn {
      let id = row["child_id"] ?? ""
      // A sampled child's register row is her census row plus the design columns.
      var original = try #require(byID[id])
      for column in ["weight", "strata", "psu"] { original[column] = row[column] }
      #expect(original == row)
      let weight = try #require(Double(row["weight"] ?? ""))
      #expect(weight >= 1)
      #expect(row["strata"] == row["region"])
      psus[row["strata"] ?? "", default: []].insert(row["psu"] ?? "")
      perPSU[row["psu"] ?? "", default: []].append(weight)
    }
    for (_, units) in psus { #expect(units.count <= 4) }
    for (_, weights) in perPSU {
      #expect(weights.count <= 5)
      #expect(Set(weights).count == 1, "children of one village share a weight")
    }
    #expect(drawn.count < full.count)
    // Weights add up to about the population: exactly in expectation; here within 25%.
    let total = drawn.reduce(0) { $0 + (Double($1["weight"] ?? "") ?? 0) }
    #expect(abs(total - Double(full.count)) < 0.25 * Double(full.count))
  }

  /// A CSV file as rows keyed by header.
  static func table(_ path: String, encoding: TextEncoding? = nil) throws -> [[String: String]] {
    let reader = try CSVReader(path: path, options: CSVReaderOptions(encoding: encoding))
    let header = reader.header ?? []
    var rows: [[String: String]] = []
    while let record = try reader.next() {
      var row: [String: String] = [:]
      for (name, field) in zip(header, record.fields) { row[name] = field }
      rows.append(row)
    }
    return rows
  }
}
