import Testing

@testable import SurveyIngest

@Suite struct IDTableTests {
  /// Ids of every length from 0 to 40 bytes, ASCII and Chinese, that share long
  /// prefixes, so that they differ only in their last 8-byte word or tail.
  private static let ids: [String] =
    (0..<3000).map { "R\($0)" } + (0..<41).map { String(repeating: "x", count: $0) }
    + (0..<200).map { "儿童-\($0)-" + String(repeating: "0", count: $0 % 17) }

  @Test func entriesAreNumberedInInsertionOrderAndFoundAgain() {
    var table = IDTable<Int>()
    for (number, id) in Self.ids.enumerated() {
      let (entry, inserted) = table.entry(of: id, inserting: number * 10)
      #expect(inserted)
      #expect(entry == number)
    }
    #expect(table.count == Self.ids.count)
    for (number, id) in Self.ids.enumerated() {
      #expect(table.entry(of: id) == number)
      #expect(table[number] == number * 10)
      let again = table.entry(of: id, inserting: -1)
      #expect(again.entry == number && !again.inserted)
    }
    #expect(table.entry(of: "R3000") == nil)
    #expect(table.entry(of: "儿童-1-") == nil)
    #expect(table.values.count == Self.ids.count)
  }

  @Test func aLookupMadeBeforeAnInsertIsMadeAgain() {
    var table = IDTable<String>()
    let early = table.lookUp("C1")
    _ = table.entry(of: "C2", inserting: "second")
    // "C1" may now hash to the slot the early lookup found empty.
    let (entry, inserted) = table.entry(of: "C1", at: early, inserting: "first")
    #expect(inserted)
    #expect(table[entry] == "first")
    #expect(table.entry(of: "C2").map { table[$0] } == "second")
    #expect(table.entry(of: "C1").map { table[$0] } == "first")
  }

  @Test func valuesChangeInPlace() {
    var table = IDTable<Int>()
    let entry = table.entry(of: "V001", inserting: 1).entry
    table[entry] += 41
    #expect(table.entry(of: "V001").map { table[$0] } == 42)
  }
}
