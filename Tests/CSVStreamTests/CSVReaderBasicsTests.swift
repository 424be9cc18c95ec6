import Foundation
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

@Suite struct CSVReaderStreamingTests {
  @Test func readsFromAFileHandle() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("csvstream-\(UUID().uuidString).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data("名字;年龄\r\n王芳;9\r\n".utf8).write(to: URL(fileURLWithPath: path))
    let handle = try #require(FileHandle(forReadingAtPath: path))
    defer { try? handle.close() }
    let reader = try CSVReader(fileHandle: handle, name: "<stdin>")
    #expect(reader.header == ["名字", "年龄"])
    #expect(try reader.next() == CSVRecord(fields: ["王芳", "9"], number: 2, line: 2))
    #expect(try reader.next() == nil)
  }

  @Test func storageDoesNotGrowWithTheNumberOfRows() throws {
    // 20,000 rows of 9 fields (about 0.9 MB) through 4 KiB chunks.
    let row = "1,2,3,4,5,\"a,b\",\"c\nd\",,x\n"
    let bytes = Array(("h1,h2,h3,h4,h5,h6,h7,h8,h9\n" + String(repeating: row, count: 20_000)).utf8)
    let reader = try CSVReader(bytes: bytes, name: "big.csv", options: .init(chunkSize: 4096))
    var rows = 0
    var early = 0
    try reader.forEachRecord { record in
      rows += 1
      if rows == 1_000 { early = reader.batch.pointee.storageBytes }
      #expect(record.count == 9)
    }
    #expect(rows == 20_000)
    // Sized by the chunk once the first chunks are in, then never again.
    #expect(reader.batch.pointee.storageBytes == early)
    #expect(early < 64 * 4096)
  }
}
