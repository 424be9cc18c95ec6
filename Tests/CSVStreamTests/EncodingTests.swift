import Testing

@testable import CSVStream

/// The same table (Fixtures/encodings, made with iconv) must read identically
/// in every encoding and with any chunk size, including chunks that split
/// CR LF pairs and multi-byte characters.
@Suite struct EncodingTests {
  static let files: [(String, TextEncoding)] = [
    ("table.utf8.csv", .utf8), ("table.utf8-bom.csv", .utf8BOM), ("table.utf16le.csv", .utf16LE),
    ("table.utf16be.csv", .utf16BE), ("table.gb18030.csv", .gb18030),
  ]

  /// Worked out by hand from table.utf8.csv.
  static let expected: [CSVRecord] = [
    CSVRecord(fields: ["1", "王小明", "作业多,睡得晚", "4"], number: 2, line: 2),
    CSVRecord(fields: ["2", "李 华", "老师说\"要认真\"", "5"], number: 3, line: 3),
    CSVRecord(fields: ["3", "张𠮷", "第一行\r\n第二行", ""], number: 4, line: 4),
    CSVRecord(fields: ["4", "Zoë", "plain ascii", "3"], number: 5, line: 6),
  ]

  @Test(arguments: files.map(\.0))
  func everyEncodingIsDetectedAndReadsTheSameTable(file: String) throws {
    let reader = try CSVReader(path: try fixturePath("encodings/\(file)"))
    #expect(reader.encoding == Self.files.first { $0.0 == file }?.1)
    #expect(reader.delimiter == UInt8(ascii: ","))
    #expect(reader.header == ["id", "name", "comment", "score"])
    var found: [CSVRecord] = []
    while let record = try reader.next() { found.append(record) }
    #expect(found == Self.expected)
  }

  @Test(arguments: files.map(\.0), [1, 2, 3, 7, 4096])
  func chunkSizeDoesNotChangeTheRecords(file: String, chunkSize: Int) throws {
    var options = CSVReaderOptions(chunkSize: chunkSize)
    options.copiesFields = chunkSize == 2 || chunkSize == 7
    let reader = try CSVReader(path: try fixturePath("encodings/\(file)"), options: options)
    #expect(reader.header == ["id", "name", "comment", "score"])
    var found: [CSVRecord] = []
    while let record = try reader.next() { found.append(record) }
    #expect(found == Self.expected)
  }

  @Test func thisLibcsvBuildsFieldsInPlace() {
    // libcsv 3.0.3 (Debian's libcsv-dev) passes the probe; the copying fallback is for other builds.
    #expect(LibCSVParser.buildsFieldsInPlace)
  }

  @Test func givenEncodingOverridesDetection() throws {
    // The GB18030 bytes of 王 (CD F5) are not UTF-8; read as GB18030 on request.
    let bytes: [UInt8] = [0x61, 0x0A, 0xCD, 0xF5, 0x0A]
    let found = try readAll(bytes, options: .init(encoding: .gb18030, hasHeader: false))
    #expect(found.map(\.fields) == [["a"], ["王"]])
  }

  @Test func utf16WithoutMarkIsDetectedFromItsZeroBytes() throws {
    let text = "a,b\n1,2\n"
    let bytes = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let reader = try CSVReader(bytes: bytes, name: "t.csv")
    #expect(reader.encoding == .utf16LE)
    #expect(try reader.next()?.fields == ["1", "2"])
  }

  @Test func aByteOrderMarkIsRemovedFromTheFirstHeaderField() throws {
    let reader = try CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("名字,年龄\n".utf8), name: "t.csv")
    #expect(reader.header == ["名字", "年龄"])
    #expect(reader.index(ofColumn: "名字") == 0)
  }

  @Test func encodingNamesAreParsedLeniently() {
    #expect(TextEncoding(name: "UTF-8") == .utf8)
    #expect(TextEncoding(name: "utf8-bom") == .utf8BOM)
    #expect(TextEncoding(name: "UTF-16LE") == .utf16LE)
    #expect(TextEncoding(name: "GBK") == .gb18030)
    #expect(TextEncoding(name: "latin1") == nil)
  }
}

@Suite struct DelimiterDetectionTests {
  @Test(arguments: [
    ("a,b,c\n1,2,3\n", UInt8(ascii: ",")),
    ("\"a\";\"b,c\";\"d\"\r\n\"1\";\"2,5\";\"3\"\r\n", UInt8(ascii: ";")),
    ("a\tb\n1\t2\n", UInt8(ascii: "\t")),
    ("a|b|c\n1|2,5|3\n", UInt8(ascii: "|")),
    ("single column\nvalue\n", UInt8(ascii: ",")),
  ])
  func detectsTheDelimiterOfTheFirstRecords(text: String, delimiter: UInt8) throws {
    let reader = try CSVReader(bytes: Array(text.utf8), name: "t.csv")
    #expect(reader.delimiter == delimiter)
  }

  @Test func aKoboExportWithSemicolonsAndQuotedCommasReadsRight() throws {
    let text = "\"start\";\"name\";\"note\"\r\n\"2024-05-01\";\"王芳\";\"好, 很好\"\r\n"
    let reader = try CSVReader(bytes: Array(text.utf8), name: "kobo.csv")
    #expect(reader.delimiter == UInt8(ascii: ";"))
    #expect(try reader.next()?.fields == ["2024-05-01", "王芳", "好, 很好"])
  }
}
