import Foundation
import Testing

/// `careeval report` as a user runs it: exit status 1 with the report still written
/// when the data has problems, 64 for usage mistakes (DESIGN.md §7).
@Suite struct ReportCommandTests {
  @Test func dataProblemsExitOneAndTheReportIsStillWritten() throws {
    let dir = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = dir.appendingPathComponent("data").path
    let out = dir.appendingPathComponent("out").path
    let demo = try CLIRunner.run([
      "demo", "--out", data, "--children", "120", "--seed", "3", "--regions", "500000", "--errors",
      "0.1", "--quiet",
    ])
    #expect(demo.status == 0, "\(demo.stderr)")
    let result = try CLIRunner.run([
      "report", "--kit", "surveys/aixin", data, "--out", out, "--format", "html,csv", "--lang",
      "en",
      "--today", "2026-06-30",
    ])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Written:\n  \(out)/report.html\n  \(out)/estimates.csv\n"))
    #expect(result.stderr.contains("rows rejected"))
    #expect(result.stderr.contains("\(out)/rejects.csv"))
    for file in ["report.html", "estimates.csv", "rejects.csv"] {
      #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file) missing")
    }
    #expect(!FileManager.default.fileExists(atPath: out + "/report.xlsx"))
  }

  @Test(arguments: [
    ["--format", "pdf"], ["--lang", "fr"], ["--k", "0"], ["--region", "990000"],
  ])
  func usageMistakesExit64(extra: [String]) throws {
    let dir = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let roster = "surveys/tools/aixin_cases/roster.csv"
    let result = try CLIRunner.run(
      ["report", "--kit", "surveys/aixin", roster, "--out", dir.path] + extra)
    #expect(result.status == 64, "\(extra): \(result.stderr)")
  }
}
