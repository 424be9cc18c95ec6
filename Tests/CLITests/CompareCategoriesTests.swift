import Foundation
import Testing

/// The worked example of the library API (Examples/CompareCategories) builds, runs on
/// a small generated data set, and prints what the register says.
@Suite struct CompareCategoriesTests {
  /// The example executable, built next to the test bundle like `careeval`.
  static var example: URL {
    var dir = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("CompareCategories")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return CLIRunner.repositoryRoot.appendingPathComponent(".build/debug/CompareCategories")
  }

  static func runExample(_ arguments: [String]) throws -> CLIRunner.Output {
    let process = Process()
    process.executableURL = example
    process.arguments = arguments
    process.currentDirectoryURL = CLIRunner.repositoryRoot
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIRunner.Output(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Paired children and children per (region, category), counted from the register
  /// file itself: the share of coverage_paired in a category group.
  struct Tally {
    var children = 0
    var paired = 0
  }

  static func tallies(roster: URL, categories: [String]) throws -> [String: [String: Tally]] {
    let text = try String(contentsOf: roster, encoding: .utf8)
    var lines = text.split(whereSeparator: \.isNewline).map { Self.fields(String($0)) }
    let header = lines.removeFirst()
    let region = try #require(header.firstIndex(of: "region"))
    let groups = try #require(header.firstIndex(of: "categories"))
    let paired = try #require(header.firstIndex(of: "paired"))
    var result: [String: [String: Tally]] = [:]
    for cells in lines {
      let chosen = cells[groups].split(separator: " ").map(String.init)
      for category in categories where chosen.contains(category) {
        for code in ["all", cells[region]] {
          result[code, default: [:]][category, default: Tally()].children += 1
          if cells[paired] == "yes" {
            result[code, default: [:]][category, default: Tally()].paired += 1
          }
        }
      }
    }
    return result
  }

  /// The fields of one CSV line (RFC 4180 quotes; the generated register has no line
  /// breaks inside fields).
  static func fields(_ line: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var previous: Character = " "
    for character in line {
      switch character {
      case "\"" where quoted:
        quoted = false
      case "\"":
        if previous == "\"" { field.append("\"") }
        quoted = true
      case "," where !quoted:
        fields.append(field)
        field = ""
      default:
        field.append(character)
      }
      previous = character
    }
    fields.append(field)
    return fields
  }

  @Test func printsEachCategoryShareAsTheRegisterCountsIt() throws {
    let dir = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = dir.appendingPathComponent("data")
    let demo = try CLIRunner.run([
      "demo", "--out", data.path, "--children", "400", "--seed", "11", "--regions", "500101,500102",
      "--quiet",
    ])
    #expect(demo.status == 0, "\(demo.stderr)")

    let categories = ["left_behind", "orphan"]
    let result = try Self.runExample([
      data.path, "--indicator", "coverage_paired", "--categories",
      categories.joined(separator: ","),
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let expected = try Self.tallies(
      roster: data.appendingPathComponent("roster.csv"), categories: categories)

    // Rows: region, then per category n, estimate, interval; then the difference.
    var seen: Set<String> = []
    for line in result.stdout.split(separator: "\n") {
      let cells = line.split(separator: " ").map(String.init)
      guard let region = cells.first, expected[region] != nil else { continue }
      seen.insert(region)
      var shares: [Double] = []
      for (i, category) in categories.enumerated() {
        let tally = expected[region]?[category] ?? Tally()
        #expect(cells[1 + 3 * i] == String(tally.children), "\(region) \(category): \(line)")
        if tally.children < 5 {
          #expect(cells[2 + 3 * i] == "–", "\(region) \(category) is suppressed: \(line)")
          continue
        }
        let share = 100 * Double(tally.paired) / Double(tally.children)
        let printed = try #require(Double(cells[2 + 3 * i].dropLast()), "\(line)")
        #expect(
          abs(printed - share) <= 0.05 + 1e-9, "\(region) \(category): \(printed) vs \(share)")
        shares.append(share)
      }
      if shares.count == 2 {
        let difference = try #require(Double(cells[7].dropLast(2)), "\(line)")
        #expect(abs(difference - (shares[0] - shares[1])) <= 0.1 + 1e-9, "\(line)")
      }
    }
    #expect(seen == Set(expected.keys), "\(result.stdout)")
    #expect(seen.contains("all") && seen.contains("500101") && seen.contains("500102"))
  }

  @Test func unknownIndicatorIsAUsageErrorThatListsTheKnownOnes() throws {
    let result = try Self.runExample(["demo-data", "--indicator", "no_such_indicator"])
    #expect(result.status == 64)
    #expect(
      result.stderr.hasPrefix(
        "CompareCategories: the kit has no indicator 'no_such_indicator'; it has coverage_paired, ")
    )
  }
}
