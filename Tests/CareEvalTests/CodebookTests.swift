import Foundation
import SurveySchema
import SurveyScoring
import Testing

@testable import CareEval

/// codebook.csv: one row per scores.csv column, labelled from the kit.
@Suite struct CodebookTests {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func fixtureKit() throws -> Kit {
    let url = try #require(
      Bundle.module.url(forResource: "Fixtures/codebook-kit", withExtension: nil))
    let loaded = Kit.load(from: url.path)
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    return loaded.kit
  }

  static func shippedKit() throws -> Kit {
    let loaded = Kit.load(from: repositoryRoot.appendingPathComponent("surveys/aixin").path)
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    return loaded.kit
  }

  @Test func writtenFileMatchesTheHandWrittenCodebookOfTheFixtureKit() throws {
    let kit = try Self.fixtureKit()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "codebook-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("codebook.csv").path
    try Codebook(kit: kit).write(to: path)
    let expectedURL = try #require(
      Bundle.module.url(forResource: "Fixtures/codebook-kit-expected", withExtension: "csv"))
    let written = try String(contentsOfFile: path, encoding: .utf8)
    let expected = try String(contentsOf: expectedURL, encoding: .utf8)
    #expect(written == expected)
  }

  @Test func byteOrderMarkIsWrittenOnlyWhenAsked() throws {
    let kit = try Self.fixtureKit()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "codebook-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("codebook.csv").path
    try Codebook(kit: kit).write(to: path, byteOrderMark: true)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
  }

  @Test func volunteerScalesAndIndicatorsAreNotColumns() throws {
    let codebook = Codebook(kit: try Self.fixtureKit())
    #expect(codebook.variable(named: "skill") == nil)
    #expect(codebook.variable(named: "trained") == nil)
    #expect(codebook.variable(named: "mood_band")?.type == .integer)
  }

  @Test(arguments: ["fixture", "shipped"])
  func columnsAreThoseOfTheScoresTable(kitName: String) throws {
    let kit = kitName == "fixture" ? try Self.fixtureKit() : try Self.shippedKit()
    let scores = try ScoringSink(kit: kit).finish().scores
    #expect(Codebook.scoresColumns(of: kit) == scores.columns)
    #expect(Codebook(kit: kit).variables.map(\.name) == scores.columns)
  }

  @Test func shippedKitLabelsEveryColumnInBothLanguages() throws {
    let codebook = Codebook(kit: try Self.shippedKit())
    for variable in codebook.variables {
      #expect(!variable.labelZH.isEmpty && !variable.labelEN.isEmpty, "\(variable.name)")
    }
    // Mean of 7 items on a 1-5 choice scale; knowledge is a sum of five 0/1 items.
    #expect(codebook.variable(named: "wellbeing")?.values == "[1, 5]")
    #expect(codebook.variable(named: "knowledge")?.values == "[0, 5]")
    #expect(codebook.variable(named: "outcome_knowledge_score")?.values == "[0, 5]")
    let categories = try #require(codebook.variable(named: "categories"))
    #expect(categories.type == .selectMultiple)
    #expect(categories.values.hasPrefix("orphan=孤儿|Orphan; de_facto_unsupported="))
    #expect(
      codebook.variable(named: "region")?.values.contains(
        "640000=宁夏回族自治区|Ningxia Hui Autonomous Region") == true)
  }

  @Test func unknownColumnGetsAnUnlabelledTextEntry() throws {
    let codebook = Codebook(kit: try Self.fixtureKit(), columns: ["child_key", "extra"])
    #expect(
      codebook.variables.last
        == Codebook.Variable(name: "extra", labelZH: "", labelEN: "", type: .text))
  }
}
