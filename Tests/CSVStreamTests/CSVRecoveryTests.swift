import Testing

@testable import CSVStream

/// With `recoverFromErrors`, a malformed record is reported with its text and
/// reading goes on at the next line; every line ends up somewhere.
@Suite struct CSVRecoveryTests {
  static let options = CSVReaderOptions(recoverFromErrors: true)

  func entries(_ text: String, options: CSVReaderOptions = options) throws -> [CSVEntry] {
    let reader = try CSVReader(bytes: Array(text.utf8), name: "t.csv", options: options)
    var found: [CSVEntry] = []
    while let entry = try reader.nextEntry() { found.append(entry) }
    return found
  }

  func malformed(_ entry: CSVEntry?) -> CSVError? {
    if case .malformed(let error) = entry { return error }
    return nil
  }

  @Test func badRecordsAreSkippedAndReadingGoesOn() throws {
    let found = try entries("a,b\n1,x\"y\n2,ok\n3,\"bad\"z\n4,fine\n")
    #expect(found.count == 4)
    let first = try #require(malformed(found[0]))
    #expect(first.kind == .strayQuote)
    #expect((first.record, first.line, first.column) == (2, 2, 2))
    #expect(first.recordText == "1,x\"y")
    #expect(found[1] == .record(CSVRecord(fields: ["2", "ok"], number: 3, line: 3)))
    let second = try #require(malformed(found[2]))
    #expect((second.record, second.line, second.column) == (4, 4, 2))
    #expect(second.recordText == "3,\"bad\"z")
    #expect(found[3] == .record(CSVRecord(fields: ["4", "fine"], number: 5, line: 5)))
  }

  @Test func recordsBeforeAnErrorComeFirstAndLinesStayRight() throws {
    // Row 2 spans lines 2-3; the NUL is on line 5 in row 4; row 5 starts on line 6 (CR LF ends).
    let found = try entries("a,b\r\n\"p\r\nq\",1\r\n2,2\r\n3,x\u{0}\r\n4,4\r\n")
    #expect(found.count == 4)
    #expect(found[0] == .record(CSVRecord(fields: ["p\r\nq", "1"], number: 2, line: 2)))
    #expect(found[1] == .record(CSVRecord(fields: ["2", "2"], number: 3, line: 4)))
    let error = try #require(malformed(found[2]))
    #expect((error.kind, error.record, error.line, error.column) == (.nulByte, 4, 5, 2))
    #expect(error.recordText == "3,x\u{0}")
    #expect(found[3] == .record(CSVRecord(fields: ["4", "4"], number: 5, line: 6)))
  }

  @Test(arguments: [1, 2, 5, 4096])
  func recoveryDoesNotDependOnChunkSize(chunkSize: Int) throws {
    var options = Self.options
    options.chunkSize = chunkSize
    let text = "a,b\r\n1,x\"y\r\n2,ok\r\n3,\"bad\"z\r\n4,fine"
    let found = try entries(text, options: options)
    #expect(found.count == 4)
    #expect(malformed(found[0])?.recordText == "1,x\"y")
    #expect(found[1] == .record(CSVRecord(fields: ["2", "ok"], number: 3, line: 3)))
    #expect(malformed(found[2])?.recordText == "3,\"bad\"z")
    #expect(found[3] == .record(CSVRecord(fields: ["4", "fine"], number: 5, line: 5)))
  }

  @Test func invalidBytesSkipTheirLine() throws {
    let bytes: [UInt8] = Array("a,b\n1,".utf8) + [0xFF] + Array("z\n2,ok\n".utf8)
    let reader = try CSVReader(
      bytes: bytes, name: "t.csv", options: .init(encoding: .utf8, recoverFromErrors: true))
    #expect(try reader.next() == CSVRecord(fields: ["2", "ok"], number: 3, line: 3))
    #expect(try reader.next() == nil)
    #expect(reader.recoveredErrors.map(\.kind) == [.invalidEncoding])
    #expect(reader.recoveredErrors.first?.recordText == "1,\u{FFFD}z")
  }

  @Test func unterminatedQuoteAtTheEndIsTheLastEntry() throws {
    let found = try entries("a,b\n1,2\n3,\"open\nrest")
    #expect(found.count == 2)
    let error = try #require(malformed(found[1]))
    #expect((error.kind, error.record, error.line, error.column) == (.unterminatedQuote, 3, 3, 2))
    #expect(error.recordText == "3,\"open\nrest")
  }

  @Test func forEachRecordHandsMalformedRecordsToItsHandler() throws {
    let reader = try CSVReader(
      bytes: Array("a,b\n1,x\"y\n2,ok\n".utf8), name: "t.csv", options: Self.options)
    var rows: [Int] = []
    var errors: [Int] = []
    try reader.forEachRecord(
      malformed: { errors.append($0.record) },
      { rows.append($0.number) })
    #expect(rows == [3])
    #expect(errors == [2])
    #expect(reader.recoveredErrors.isEmpty)
  }
}
