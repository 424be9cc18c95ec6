import Foundation
import Testing

@testable import CSVStream

@Suite struct CSVWriterTests {
  func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "csvstream-\(UUID().uuidString)-\(name)"
    ).path
  }

  @Test func quotesOnlyWhatNeedsQuotes() throws {
    let path = temporaryPath("q.csv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let writer = try CSVWriter(path: path)
    try writer.write(["plain", "a,b", "say \"hi\"", "two\nlines", " spaced ", ""])
    try writer.write([""])
    try writer.close()
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\", spaced ,\n\"\"\n")
  }

  @Test func writesBomAndCRLFWhenAsked() throws {
    let path = temporaryPath("b.csv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let writer = try CSVWriter(
      path: path, options: .init(delimiter: UInt8(ascii: ";"), crlf: true, bom: true))
    try writer.write(["名字", "a;b"])
    try writer.close()
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(bytes == [0xEF, 0xBB, 0xBF] + Array("名字;\"a;b\"\r\n".utf8))
  }

  @Test func refusesNulCharacters() throws {
    let path = temporaryPath("n.csv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let writer = try CSVWriter(path: path)
    let error = #expect(throws: CSVError.self) { try writer.write(["ok", "a\u{0}b"]) }
    #expect(error?.kind == .nulByte)
    #expect(error?.column == 2)
  }

  /// Random tables (quotes, delimiters, CR/LF, CJK, emoji, spaces, empty
  /// fields) written with random options read back the same, with each
  /// record's line worked out from the line ends in the records before it.
  @Test(arguments: 0..<40)
  func randomTablesRoundTrip(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
    let pieces = [
      "a", "Z", "1", ",", ";", "\t", "|", "\"", "\"\"", "\n", "\r", "\r\n", " ", "中", "文", "𠮷", "😀",
      "é", "",
    ]
    let delimiters: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]
    let options = CSVWriterOptions(
      delimiter: delimiters[Int(random.next() % 4)], crlf: random.next() % 2 == 0,
      bom: random.next() % 2 == 0)
    let width = Int(random.next() % 5) + 1
    let table: [[String]] = (0..<Int(random.next() % 30 + 1)).map { _ in
      let count = random.next() % 8 == 0 ? Int(random.next() % 7) + 1 : width
      return (0..<count).map { _ in
        (0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
          .joined()
      }
    }
    let path = temporaryPath("r\(seed).csv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let writer = try CSVWriter(path: path, options: options)
    for row in table { try writer.write(row) }
    try writer.close()

    let chunkSize = [1, 3, 7, 4096][seed % 4]
    var readerOptions = CSVReaderOptions(
      delimiter: options.delimiter, hasHeader: false, chunkSize: chunkSize)
    // Odd seeds use the fallback that copies fields out of libcsv's buffer.
    readerOptions.copiesFields = seed % 2 == 1
    let reader = try CSVReader(path: path, options: readerOptions)
    var line = 1
    for (index, row) in table.enumerated() {
      let record = try #require(try reader.next())
      #expect(record.fields == row)
      #expect(record.number == index + 1)
      #expect(record.line == line)
      line += 1 + row.reduce(0) { $0 + lineEnds(in: Array($1.utf8)) }
    }
    #expect(try reader.next() == nil)
  }
}

/// LF, CR and CR LF each end one line.
private func lineEnds(in bytes: [UInt8]) -> Int {
  var count = 0
  for (index, byte) in bytes.enumerated() {
    if byte == 0x0A { count += 1 }
    if byte == 0x0D, index + 1 == bytes.count || bytes[index + 1] != 0x0A { count += 1 }
  }
  return count
}
