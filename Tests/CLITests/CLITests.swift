import Foundation
import Testing

/// The command line as a user meets it: exit codes (DESIGN.md §7: 0 ok, 1 data
/// problems, 64 usage) and the located messages on real files.
@Suite struct CLITests {
  @Test func versionAndHelp() throws {
    let version = try CLIRunner.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    let help = try CLIRunner.run(["--help"])
    #expect(help.status == 0)
    for command in ["lint", "csv"] { #expect(help.stdout.contains(command)) }
  }

  @Test func unknownOptionIsAUsageError() throws {
    let result = try CLIRunner.run(["lint", "--no-such-option", "surveys/aixin"])
    #expect(result.status == 64)
  }

  @Test func shippedKitLintsClean() throws {
    let result = try CLIRunner.run(["lint", "--strict", "surveys/aixin"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("0 errors, 0 warnings"))
  }

  @Test func lintReportsALocatedErrorAndExitsOne() throws {
    let dir = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // A calculate without a calculation, on spreadsheet row 3 (header = row 1).
    try "type,name,label\ninteger,age,Age\ncalculate,total,\n"
      .write(to: dir.appendingPathComponent("survey.csv"), atomically: true, encoding: .utf8)
    try "form_id\nf\n".write(
      to: dir.appendingPathComponent("settings.csv"), atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["lint", dir.path])
    #expect(result.status == 1)
    #expect(result.stdout.contains("survey.csv:3:"))
    #expect(result.stdout.contains("error: Missing calculation"))
  }

  @Test func convertRefusesABrokenFileAndLeavesNoOutput() throws {
    let dir = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("broken.csv")
    let output = dir.appendingPathComponent("clean.csv")
    // The quote opened on line 3 is never closed.
    try "a,b\n1,2\n3,\"unterminated\n4,5\n".write(to: input, atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["csv", "convert", input.path, "--out", output.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("broken.csv:3:"))
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }

  @Test func convertWritesUTF8WithBOMFromGB18030() throws {
    let dir = try CLIRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("gbk.csv")
    let output = dir.appendingPathComponent("utf8.csv")
    // "姓名,地区\n张三,四川\n" in GB18030: 姓 D0D5 名 C3FB 地 B5D8 区 C7F8 张 D5C5 三 C8FD 四 CBC4 川 B4A8.
    let bytes: [UInt8] = [
      0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xB5, 0xD8, 0xC7, 0xF8, 0x0A,
      0xD5, 0xC5, 0xC8, 0xFD, 0x2C, 0xCB, 0xC4, 0xB4, 0xA8, 0x0A,
    ]
    try Data(bytes).write(to: input)
    let result = try CLIRunner.run(["csv", "convert", input.path, "--out", output.path, "--bom"])
    #expect(result.status == 0)
    let written = try Data(contentsOf: output)
    #expect(Array(written.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(String(decoding: written.dropFirst(3), as: UTF8.self) == "姓名,地区\n张三,四川\n")
  }
}
