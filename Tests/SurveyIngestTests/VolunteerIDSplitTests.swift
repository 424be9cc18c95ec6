import Testing

@testable import SurveyIngest

/// The roster's paired volunteers' ids, split on bytes and looked up in the id
/// table, against the split per `Character` on the separators `" ,;，；、\t"`.
@Suite struct VolunteerIDSplitTests {
  static func table(_ ids: [String]) -> IDTable<Void> {
    var table = IDTable<Void>()
    for id in ids { _ = table.entry(of: id, inserting: ()) }
    return table
  }

  static func fast(_ text: String, _ table: IDTable<Void>) -> [String]? {
    var text = text
    return text.withUTF8 { IngestRun.unknownVolunteers(inBytes: $0, table) }
  }

  /// The rule as the roster documents it, one `Character` at a time.
  static func reference(_ text: String, _ known: Set<String>) -> [String] {
    text.split(whereSeparator: { " ,;，；、\t".contains($0) }).map(String.init)
      .filter { !known.contains($0) }
  }

  @Test func splitsOnEverySeparator() {
    let table = Self.table(["V0001", "V0002"])
    #expect(
      Self.fast("V0001 V9,V0002;X1，V0002；Y2、Z3\tV0001", table) == ["V9", "X1", "Y2", "Z3"])
    #expect(Self.fast("", table) == [])
    #expect(Self.fast("  ,，\t", table) == [])
    #expect(Self.fast("V0001  V0002 ", table) == [])
    #expect(Self.fast("V0003", Self.table([])) == ["V0003"])
  }

  @Test func leavesOtherTextToTheCharacterSplit() {
    let table = Self.table(["V0001"])
    #expect(Self.fast("V0001 编号", table) == nil)
    // A combining accent joins the space before it into one Character, which is
    // then no separator: the byte split would differ, so it must not answer.
    #expect(Self.fast("V0001 \u{301}V0002", table) == nil)
    #expect(Self.fast("V0001\u{3000}V0002", table) == nil)
  }

  @Test func agreesWithTheCharacterSplit() {
    let known: Set<String> = ["a1", "b2", "c3", "a1b2"]
    let table = Self.table(Array(known))
    let pieces = ["a1", "b2", "c3", "d4", " ", ",", ";", "，", "；", "、", "\t", "\r\n", "x"]
    var state: UInt64 = 12345
    for _ in 0..<2000 {
      var text = ""
      state = state &* 6_364_136_223_846_793_005 &+ 1
      for shift in stride(from: 0, to: 40, by: 5) where (state >> UInt64(shift + 40)) & 1 == 1 {
        text += pieces[Int((state >> UInt64(shift)) & 0xFF) % pieces.count]
      }
      #expect(Self.fast(text, table) == Self.reference(text, known), "\(text.debugDescription)")
    }
  }
}
