import Foundation
import SurveyReports
import Testing

@Suite struct XLSXReportTests {
  static let unzip = "/usr/bin/unzip"

  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("careeval-xlsx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// File names in a zip archive's central directory (read by hand: PKWARE APPNOTE
  /// 4.3.12/4.3.16; little-endian fields).
  static func zipEntries(_ data: Data) throws -> [String] {
    let bytes = [UInt8](data)
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
    let end = try #require((0...(bytes.count - 22)).reversed().first { u32($0) == 0x0605_4B50 })
    var offset = u32(end + 16)
    var names: [String] = []
    for _ in 0..<u16(end + 10) {
      try #require(u32(offset) == 0x0201_4B50)
      let nameLength = u16(offset + 28)
      names.append(String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self))
      offset += 46 + nameLength + u16(offset + 30) + u16(offset + 32)
    }
    return names
  }

  static func member(_ path: String, _ name: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: unzip)
    process.arguments = ["-p", path, name]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test func workbookIsAZipWithTheFourSheetsAndIsByteIdenticalAcrossWrites() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let report = try ReportFixture.report()
    let first = directory.appendingPathComponent("a.xlsx").path
    let second = directory.appendingPathComponent("b.xlsx").path
    try report.writeXLSX(to: first)
    Thread.sleep(forTimeInterval: 2.1)  // a clock-stamped file would now differ
    try report.writeXLSX(to: second)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: first))
    #expect(try Data(contentsOf: URL(fileURLWithPath: second)) == bytes)
    let entries = try Self.zipEntries(bytes)
    for sheet in 1...4 { #expect(entries.contains("xl/worksheets/sheet\(sheet).xml")) }
    #expect(!entries.contains("xl/worksheets/sheet5.xml"))
    #expect(entries.contains("docProps/core.xml") && entries.contains("xl/styles.xml"))
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: unzip)))
  func sheetsHaveNamesFrozenHeadersFormatsAndAFixedDate() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("report.xlsx").path
    try ReportFixture.report().writeXLSX(to: path)
    let workbook = try Self.member(path, "xl/workbook.xml")
    for (index, name) in ["Summary", "Shortfalls", "Estimates", "Data quality"].enumerated() {
      #expect(workbook.contains("<sheet name=\"\(name)\" sheetId=\"\(index + 1)\""))
    }
    let estimates = try Self.member(path, "xl/worksheets/sheet3.xml")
    #expect(estimates.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
    #expect(estimates.contains("<autoFilter ref=\"A1:P97\"/>"))
    let styles = try Self.member(path, "xl/styles.xml")
    #expect(styles.contains("formatCode=\"0.0%\"") && styles.contains("formatCode=\"0.00\""))
    // Status fills: shortfall vermillion, possible shortfall yellow, meets bluish green.
    for colour in ["FFD55E00", "FFF0E442", "FF009E73"] { #expect(styles.contains("rgb=\"\(colour)\"")) }
    let core = try Self.member(path, "docProps/core.xml")
    #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:created>"))
    let strings = try Self.member(path, "xl/sharedStrings.xml")
    #expect(strings.contains("黑水县") && strings.contains("✗ 未达标"))
  }

  @Test func anUnwritablePathIsAnErrorAndLeavesNoFile() throws {
    let path = "/nonexistent-careeval-folder/report.xlsx"
    #expect(throws: ReportError.self) { try ReportFixture.report().writeXLSX(to: path) }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func writeAllWritesEveryFormatInto_a_NewFolder() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let target = directory.appendingPathComponent("out/nested").path
    let written = try ReportFixture.report().writeAll(to: target)
    #expect(written.map { URL(fileURLWithPath: $0).lastPathComponent } == ["report.html", "report.md", "report.json", "estimates.csv", "report.xlsx"])
    for path in written { #expect(FileManager.default.fileExists(atPath: path)) }
  }
}
