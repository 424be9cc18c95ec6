import Foundation
import Testing

@testable import CSVStream

/// The models behind `careeval csv inspect` and `careeval csv convert`.
@Suite struct CSVToolTests {
  func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "csvtool-\(UUID().uuidString)-\(name)"
    ).path
  }

  @Test func inspectionCountsFieldsAndListsProblemsInOrder() throws {
    let text = "a;b\n1;x\"y\n2;ok;extra\n3;4\n\n5\n"
    let options = CSVReaderOptions(recoverFromErrors: true)
    let reader = try CSVReader(bytes: Array(text.utf8), name: "k.csv", options: options)
    let report = try CSVInspection(reading: reader, options: options, problemLimit: 2)
    #expect(report.encoding == "utf8")
    #expect(report.delimiter == ";")
    #expect(report.header == ["a", "b"])
    #expect(report.records == 3)
    #expect(report.fieldCounts == ["1": 1, "2": 1, "3": 1])
    #expect(report.problemCount == 3)
    #expect(report.problems.map(\.kind) == ["strayQuote", "fieldCount"])
    #expect(report.problems.map(\.record) == [2, 3])
    #expect(report.text.contains("  1 fields: 1 records  <- the header has 2\n"))
    #expect(report.text.contains("problems:   3 (first 2 shown)\n  k.csv:2:2: error: a \" appears"))
  }

  @Test func conversionWritesCleanUTF8AndReportsMismatches() throws {
    let out = temporaryPath("clean.csv")
    defer { try? FileManager.default.removeItem(atPath: out) }
    let reader = try CSVReader(path: try fixturePath("encodings/table.gb18030.csv"))
    let summary = try CSVConversion.convert(reader, to: out, options: .init(crlf: true))
    #expect(summary.records == 4)
    #expect(summary.sourceEncoding == .gb18030)
    #expect(summary.warnings.isEmpty)
    // The hand-written UTF-8 table is already clean CSV with CR LF line ends.
    let written = try Data(contentsOf: URL(fileURLWithPath: out))
    #expect(Array(written) == (try fixtureBytes("encodings/table.utf8.csv")))
  }

  @Test func brokenInputLeavesNoOutput() throws {
    let out = temporaryPath("never.csv")
    let reader = try CSVReader(bytes: Array("a,b\n1,2\n3,\"open\n".utf8), name: "broken.csv")
    let error = #expect(throws: CSVError.self) { try CSVConversion.convert(reader, to: out) }
    #expect(error?.kind == .unterminatedQuote)
    #expect(!FileManager.default.fileExists(atPath: out))
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: FileManager.default.temporaryDirectory.path)
    #expect(!leftovers.contains { $0.hasPrefix(".\((out as NSString).lastPathComponent).tmp") })
  }

  @Test func fieldCountMismatchesAreWarnings() throws {
    let out = temporaryPath("warn.csv")
    defer { try? FileManager.default.removeItem(atPath: out) }
    let reader = try CSVReader(bytes: Array("a,b\n1\n2,3\n".utf8), name: "w.csv")
    let summary = try CSVConversion.convert(reader, to: out)
    #expect(
      summary.warnings == [
        "w.csv:2:2: warning: row 2 has 1 field but the header has 2 columns; the last column is missing (from 'b' on)"
      ])
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "a,b\n1\n2,3\n")
  }
}

@Suite struct CSVRawRecordTests {
  func visit(_ text: String, _ body: (CSVRawRecord) throws -> Void) throws {
    let reader = try CSVReader(
      bytes: Array(text.utf8), name: "t.csv", options: .init(hasHeader: false))
    try reader.forEachRecord(body)
  }

  @Test func parsesNumbersInPlace() throws {
    let text = "12,-0.5,3e2,0.1,+.5,1234567890.123456789,0.000001,-0\n"
    try visit(text) { record in
      #expect(record.double(at: 0) == 12)
      #expect(record.double(at: 1) == -0.5)
      #expect(record.double(at: 2) == 300)
      #expect(record.double(at: 3) == 0.1)
      #expect(record.double(at: 4) == 0.5)
      #expect(record.double(at: 5) == 1234567890.123456789)
      #expect(record.double(at: 6) == 0.000001)
      #expect(record.double(at: 7) == 0)
      #expect(record.double(at: 8) == nil)
    }
  }

  @Test func rejectsWhatIsNotEntirelyANumber() throws {
    try visit(" 1,,abc,1e,nan,0x10,.,1-2,inf\n") { record in
      for index in 0..<record.count { #expect(record.double(at: index) == nil, "field \(index)") }
    }
  }

  @Test func parsesIntegersWithTheirLimits() throws {
    try visit("42,-7,+3,9223372036854775807,9223372036854775808,-9223372036854775808,1.0,,-\n") {
      record in
      #expect(record.int(at: 0) == 42)
      #expect(record.int(at: 1) == -7)
      #expect(record.int(at: 2) == 3)
      #expect(record.int(at: 3) == Int.max)
      #expect(record.int(at: 4) == nil)
      #expect(record.int(at: 5) == Int.min)
      #expect(record.int(at: 6) == nil)
      #expect(record.int(at: 7) == nil)
      #expect(record.int(at: 8) == nil)
    }
  }

  @Test func givesStringsBytesAndPositions() throws {
    var seen: [CSVRecord] = []
    try visit("a,\"王\n芳\",\n\nb\n") { record in
      seen.append(record.record)
      if record.number == 1 {
        #expect(record.string(at: 1) == "王\n芳")
        #expect(record.bytes(at: 1).count == 7)
        #expect(record.isEmpty(at: 2))
        #expect(record.field(at: 0, equals: "a"))
        #expect(!record.field(at: 0, equals: "ab"))
        #expect(record.string(at: 3) == nil)
      }
    }
    #expect(
      seen == [
        CSVRecord(fields: ["a", "王\n芳", ""], number: 1, line: 1),
        CSVRecord(fields: ["b"], number: 3, line: 4),
      ])
  }
}
