import Foundation
import Testing

@testable import CSVStream

/// csv-spectrum (maxogden/csv-spectrum, BSD-2-Clause): each CSV must read to
/// the records of its JSON file, objects keyed by the header.
@Suite struct CSVSpectrumTests {
  static let cases = [
    "comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json", "newlines",
    "newlines_crlf", "quotes_and_newlines", "simple", "simple_crlf", "utf8",
  ]

  @Test(arguments: cases)
  func readsToTheExpectedRecords(name: String) throws {
    let json = try fixtureBytes("csv-spectrum/json/\(name).json")
    let expected = try #require(
      try JSONSerialization.jsonObject(with: Data(json)) as? [[String: String]])
    let reader = try CSVReader(path: try fixturePath("csv-spectrum/csvs/\(name).csv"))
    let header = try #require(reader.header)
    var found: [[String: String]] = []
    while let record = try reader.next() {
      #expect(record.fields.count == header.count)
      found.append(Dictionary(uniqueKeysWithValues: zip(header, record.fields)))
    }
    #expect(found == expected)
  }

  @Test(arguments: cases, [1, 2, 3, 7])
  func readsTheSameInSmallChunks(name: String, chunkSize: Int) throws {
    let bytes = try fixtureBytes("csv-spectrum/csvs/\(name).csv")
    let whole = try readAll(bytes)
    #expect(try readAll(bytes, options: .init(hasHeader: false, chunkSize: chunkSize)) == whole)
  }
}
