import Testing

@testable import CSVStream

/// Every error kind: where it is reported and what it says. Locations are
/// worked out by hand from the inputs; messages are interface, so their full
/// text is asserted.
@Suite struct CSVErrorTests {
  @Test func unterminatedQuoteIsReportedWhereTheQuoteOpened() throws {
    let reader = try CSVReader(
      bytes: Array("id,name\n1,ok\n2,\"open\nmore\nlines\n".utf8), name: "t.csv")
    #expect(try reader.next()?.fields == ["1", "ok"])
    let error = #expect(throws: CSVError.self) { try reader.next() }
    #expect(error?.kind == .unterminatedQuote)
    #expect(error?.record == 3)
    #expect(error?.line == 3)
    #expect(error?.column == 2)
    #expect(
      error?.description
        == "t.csv:3:2: error: the quoted field that opens on line 3 (row 3, column 2 ('name')) has no "
        + "closing quote, so everything after it to the end of the file was taken as part of this one "
        + "field; add the missing \" or remove the opening one")
    // The failure is final: later calls report it again.
    #expect(throws: CSVError.self) { try reader.next() }
  }

  @Test func quoteInsideAnUnquotedFieldIsAStrayQuote() {
    let error = readError("a,b\n1,x\"y\n", options: .init())
    #expect(error?.kind == .strayQuote)
    #expect(
      error?.description
        == "t.csv:2:2: error: a \" appears inside the unquoted field at row 2, column 2 ('b'); a field "
        + "that contains quotes must be enclosed in quotes with each inner quote doubled (\"\")")
  }

  @Test func textAfterAClosingQuoteIsAStrayQuoteOnItsPhysicalLine() {
    // Row 2 spans lines 2-3, so row 3 starts on line 4.
    let error = readError("a,b\n\"l1\nl2\",ok\n3,\"x\"y\n", options: .init())
    #expect(error?.kind == .strayQuote)
    #expect(error?.record == 3)
    #expect(
      error?.description
        == "t.csv:4:2: error: the quoted field at row 3 (line 4), column 2 ('b') goes on after its "
        + "closing quote (found 'y'); a quote inside a quoted field must be doubled (\"\"), and the "
        + "field must end at the closing quote")
  }

  @Test func aCharacterAfterAClosingQuoteIsShownAsText() {
    let error = readError("\"name\"\n\"李\"明\"\n", options: .init())
    #expect(error?.message.contains("(found '明')") == true)
  }

  @Test func tooFewAndTooManyFieldsNameTheColumns() throws {
    let few = CSVRecord(fields: ["1", "2"], number: 3, line: 4)
    let error = try #require(few.fieldCountError(header: ["a", "b", "c"], file: "t.csv"))
    #expect(error.kind == .fieldCount)
    #expect(
      error.description
        == "t.csv:4:3: error: row 3 has 2 fields but the header has 3 columns; the last column is "
        + "missing (from 'c' on)")
    let many = CSVRecord(fields: ["1", "2", "x y", ""], number: 2, line: 2)
    let extra = try #require(many.fieldCountError(expected: 2, file: "t.csv"))
    #expect(extra.column == 3)
    #expect(
      extra.message
        == "row 2 has 4 fields but the header has 2 columns; there are 2 extra fields (the first is "
        + "'x y'), often a delimiter inside an unquoted value")
    #expect(
      CSVRecord(fields: ["1", "2"], number: 2, line: 2).fieldCountError(expected: 2, file: "t.csv")
        == nil)
  }

  @Test func nulByteIsReportedInItsField() {
    let error = readError("a,b\n1,x\u{0}y\n", options: .init())
    #expect(error?.kind == .nulByte)
    #expect(
      error?.description
        == "t.csv:2:2: error: a NUL byte (0x00) appears at row 2, column 2 ('b'); text files do not "
        + "contain NUL bytes, so the file is damaged or is not a CSV text file")
  }

  @Test func invalidUTF8AfterTheDetectedStartIsLocated() {
    // 64 KiB are sniffed; the bad bytes come after 80,004 valid ones.
    var bytes = Array("a,b\n".utf8)
    for _ in 0..<20_000 { bytes += Array("1,x\n".utf8) }
    bytes += [0x32, 0x2C, 0xCD, 0xF5, 0x0A]
    let error = readError(bytes, options: .init())
    #expect(error?.kind == .invalidEncoding)
    #expect(
      error?.description
        == "t.csv:20002:2: error: the bytes CD at row 20002, column 2 ('b') are not valid UTF-8; the "
        + "start of the file is UTF-8, so the file mixes encodings or is damaged. If Excel on Chinese "
        + "Windows saved it, try --encoding gb18030")
  }

  @Test func invalidBytesInAGivenEncodingAreLocated() {
    let utf8 = readError(
      [0x61, 0x0A, 0x62, 0xFF, 0x0A], options: .init(encoding: .utf8, hasHeader: false))
    #expect(
      utf8?.description
        == "t.csv:2:1: error: the bytes FF at row 2, column 1 are not valid UTF-8; if Excel on Chinese "
        + "Windows saved the file, try --encoding gb18030")
    let gb = readError(
      [0x61, 0x0A, 0x81, 0x0A], options: .init(encoding: .gb18030, hasHeader: false))
    #expect(
      gb?.description
        == "t.csv:2:1: error: the bytes 81 0A at row 2, column 1 are not valid GB18030 (GBK); the file "
        + "may be in another encoding: try --encoding utf8")
  }

  @Test func emptyFilesAreReported() {
    #expect(readError("")?.description == "t.csv:1:1: error: the file is empty (0 bytes)")
    let blank = readError([0xEF, 0xBB, 0xBF, 0x0A, 0x0D, 0x0A])
    #expect(blank?.kind == .emptyFile)
    #expect(
      blank?.message == "the file has no rows: it holds only blank lines or a byte-order mark")
  }

  @Test func fieldLongerThanTheLimitIsReported() {
    let error = readError("a,b\n1,12345678901\n", options: .init(maxFieldBytes: 10))
    #expect(error?.kind == .fieldTooLong)
    #expect(
      error?.description
        == "t.csv:2:2: error: the field at row 2, column 2 ('b') is longer than 10 bytes, the limit"
    )
  }

  @Test func openQuotedFieldOverTheLimitPointsAtItsQuote() {
    let text = "a,b\n1,\"" + String(repeating: "x\n", count: 40)
    let error = readError(text, options: .init(chunkSize: 4, maxFieldBytes: 10))
    #expect(error?.kind == .fieldTooLong)
    #expect(
      error?.description
        == "t.csv:2:2: error: the field at row 2, column 2 ('b') is longer than 10 bytes, the limit; it "
        + "is quoted, so a closing quote is probably missing after the quote that opens on line 2")
  }

  @Test(arguments: [3, 4096])
  func recordLongerThanEightTimesTheFieldLimitIsReported(chunkSize: Int) {
    let text = "a\n" + Array(repeating: "123", count: 20).joined(separator: ",") + "\n"
    let error = readError(text, options: .init(chunkSize: chunkSize, maxFieldBytes: 4))
    #expect(error?.kind == .fieldTooLong)
    #expect(
      error?.description
        == "t.csv:2:1: error: the record that starts on line 2 (row 2) is longer than 32 bytes in all; "
        + "check the file's delimiter and quotes")
  }

  @Test func unreadableFilesAreIOErrors() {
    let missing = #expect(throws: CSVError.self) { try CSVReader(path: "/nonexistent/child.csv") }
    #expect(missing?.kind == .io)
    #expect(
      missing?.description
        == "/nonexistent/child.csv: error: cannot open the file: No such file or directory")
    let directory = #expect(throws: CSVError.self) { try CSVReader(path: "/tmp") }
    #expect(directory?.description == "/tmp: error: cannot read the file: Is a directory")
  }
}
