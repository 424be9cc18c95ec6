import Testing

@testable import CSVStream

@Suite struct CSVReaderBasicsTests {
  @Test func readsHeaderAndRecordsWithRowAndLineNumbers() throws {
    let reader = try CSVReader(bytes: Array("id,name\n1,\"a\nb\"\n\n2,c\n".utf8), name: "t.csv")
    #expect(reader.header == ["id", "name"])
    #expect(reader.index(ofColumn: "name") == 1)
    let first = try #require(try reader.next())
    #expect(first == CSVRecord(fields: ["1", "a\nb"], number: 2, line: 2))
    let second = try #require(try reader.next())
    // Line 4 is blank: a spreadsheet shows it as row 3, so this record is row 4 on line 5.
    #expect(second == CSVRecord(fields: ["2", "c"], number: 4, line: 5))
    #expect(try reader.next() == nil)
  }

  @Test func keepsSpacesAroundUnquotedFields() throws {
    #expect(try records(" a , b \n").map(\.fields) == [[" a ", " b "]])
  }

  @Test func crlfAndCRLineEndsCountOneLineEach() throws {
    let found = try records("a\r\nb\rc\n\r\nd")
    #expect(found.map(\.fields) == [["a"], ["b"], ["c"], ["d"]])
    #expect(found.map(\.line) == [1, 2, 3, 5])
  }
}
