import SurveySchema
import Testing

@testable import SurveyScoring

/// The compact store: interned ids and code columns.
@Suite struct ScoringStoreTests {
  @Test func idsKeepTheirFirstIndexThroughGrowth() {
    var table = IDTable()
    for i in 0..<10_000 { #expect(table.intern("child-\(i)") == (i, true)) }
    #expect(table.intern("child-42") == (42, false))
    #expect(table.index(of: "child-9999") == 9999)
    #expect(table.index(of: "child-10000") == nil)
    #expect(table.ids.count == 10_000 && table.ids[7] == "child-7")
  }

  @Test func columnsWidenPast15And255DistinctValuesAndKeepEveryValue() {
    var column = CodeColumn()
    column.grow(to: 600)
    for unit in 0..<600 { column.set(.number(Double(unit % 300)), at: unit) }
    column.set(nil, at: 5)
    column.set(.number(.nan), at: 6)
    #expect(column.values.count == 300)
    #expect(column.value(at: 299) == .number(299))
    #expect(column.value(at: 599) == .number(299))
    #expect(column.value(at: 5) == nil && column.code(at: 6) == 0)
    #expect(column.codeBits == 9)
    // Units stored before each widening (4 -> 8 -> 32 bits) keep their values.
    #expect((0..<600).allSatisfy { unit in unit == 5 || unit == 6 || column.value(at: unit) == .number(Double(unit % 300)) })
    column.set(.choices(["a", "b"]), at: 0)
    #expect(column.value(at: 0) == .choices(["a", "b"]))
  }
}
