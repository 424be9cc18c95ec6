import Foundation
import SurveySchema
import Testing

@testable import SurveyIngest

/// SplitMix64: a small seeded generator, so every run of the property test sees the same data.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// One kind of damage done to a valid data set, and the rule that must name it.
private enum Corruption: CaseIterable {
  case strayQuote, textAfterQuote, badCode, blankRequired, badNumber, duplicatedRow, reusedID, newerDuplicate
  case unknownChild, extraField

  var rule: IngestRule {
    switch self {
    case .strayQuote, .textAfterQuote: .brokenRow
    case .badCode: .choice
    case .blankRequired: .required
    case .badNumber: .type
    case .duplicatedRow, .newerDuplicate: .duplicateSubject
    case .reusedID: .duplicateID
    case .unknownChild: .unlinked
    case .extraField: .fieldCount
    }
  }
}

/// A CSV line: quoted where needed, or a cell written as is (`raw`) to break the quoting.
private func line(_ cells: [String], raw: Int? = nil) -> String {
  cells.enumerated().map { index, cell in
    if index == raw { return cell }
    let needsQuotes = cell.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    return needsQuotes ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
  }.joined(separator: ",")
}

/// A valid kit-mini data set: 10 volunteers, 40 children in 4 counties, child
/// questionnaires for 36 of them (cells as lists, header first).
private func validData(_ rng: inout SeededGenerator) -> (
  volunteer: String, roster: String, child: [[String]]
) {
  let counties = ["500101", "500102", "510104", "620102"]
  var volunteer = "volunteer_id,vol_region,trainings\n"
  for v in 1...10 {
    volunteer +=
      "V\(String(format: "%03d", v)),\(counties[v % 4]),\(Int.random(in: 0...20, using: &rng))\n"
  }
  var roster = "child_id,region,gender,birth_year,volunteer_ids,end\n"
  for c in 1...40 {
    let gender = Bool.random(using: &rng) ? "girl" : "boy"
    roster +=
      "C\(String(format: "%03d", c)),\(counties[c % 4]),\(gender),\(Int.random(in: 2008...2018, using: &rng)),V\(String(format: "%03d", Int.random(in: 1...10, using: &rng))),2024-04-01T10:00:00+08:00\n"
  }
  let wishes = ["", "想去动物园", "作业多,睡得晚", "老师说\"要认真\"", "第一行\n第二行", "谢谢"]
  var child = [
    [
      "response_id", "child_id", "assent", "contact_freq", "activities", "age", "visit_date",
      "wish", "end",
    ]
  ]
  for c in 1...36 {
    let freq = ["weekly", "monthly", "never"].randomElement(using: &rng) ?? "weekly"
    let activities =
      Bool.random(using: &rng)
      ? "none"
      : ["homework", "festival", "book"].filter { _ in Bool.random(using: &rng) }.joined(
        separator: " ")
    let day = Int.random(in: 1...28, using: &rng)
    child.append([
      "R\(c)", "C\(String(format: "%03d", c))", "yes", freq, activities,
      String(Int.random(in: 6...18, using: &rng)),
      "2024-04-\(String(format: "%02d", day))", wishes.randomElement(using: &rng) ?? "",
      "2024-05-\(String(format: "%02d", day))T09:00:00+08:00",
    ])
  }
  return (volunteer, roster, child)
}

@Suite struct PropertyTests {
  @Test(arguments: 1...24)
  func everyCorruptionIsRejectedWithTheRuleThatNamesItAndNoRowIsLost(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(seed))
    let (volunteer, roster, cells) = validData(&rng)
    var rows = cells
    // Damage distinct data rows (1...36); a copy of a row goes to the end.
    var targets = Array(1...36).shuffled(using: &rng)
    var expected: [Int: IngestRule] = [:]  // spreadsheet row -> rule
    var rawCell: [Int: Int] = [:]  // data row index -> cell written unquoted
    var extraRows: [[String]] = []
    let kinds = (0..<8).map { _ in Corruption.allCases.randomElement(using: &rng) ?? .badCode }
    for kind in kinds {
      let row = targets.removeLast()
      switch kind {
      case .strayQuote:
        // Reading resumes at the next line, so the row must not hold a quoted line break.
        rows[row][2] = "ye\"s"
        rows[row][7] = "谢谢"
        rawCell[row] = 2
      case .textAfterQuote:
        rows[row][2] = "\"yes\"x"
        rows[row][7] = "谢谢"
        rawCell[row] = 2
      case .badCode: rows[row][3] = "daily"
      case .blankRequired: rows[row][3] = ""
      case .badNumber: rows[row][5] = "十"
      case .unknownChild: rows[row][1] = "C9\(row)"
      case .extraField: rows[row].append("surplus")
      case .duplicatedRow:
        // Sent twice with the same time: the copy, read last, is kept.
        extraRows.append(rows[row])
      case .reusedID:
        // Another child's questionnaire number: the row read later is the duplicate.
        let donor = targets.removeFirst()
        rows[row][0] = rows[donor][0]
        expected[max(row, donor) + 1] = kind.rule
        continue
      case .newerDuplicate:
        var copy = rows[row]
        copy[0] = "R\(row)-again"
        copy[8] = "2024-06-30T09:00:00+08:00"
        extraRows.append(copy)
      }
      expected[row + 1] = kind.rule
    }
    // Shuffle the column order of the whole file: matching by name must not care.
    let order = Array(0..<9).shuffled(using: &rng)
    func permuted(_ row: [String]) -> [String] {
      order.map { row.indices.contains($0) ? row[$0] : "" } + row.dropFirst(9)
    }
    var text = ""
    for (index, row) in (rows + extraRows).enumerated() {
      let raw = rawCell[index].flatMap { order.firstIndex(of: $0) }
      text += line(permuted(row), raw: raw) + "\n"
    }
    let result = try ingestMini([
      ("volunteer.csv", volunteer), ("roster.csv", roster), ("child.csv", text),
    ])
    for file in result.summary.files {
      #expect(file.read == file.accepted + file.rejected)
      #expect(file.failure == nil)
    }
    let child = try #require(result.file("child.csv"))
    #expect(child.read == 36 + extraRows.count)
    var rulesByRow: [Int: Set<String>] = [:]
    for reject in result.rejects where reject[0].hasSuffix("/child.csv") {
      rulesByRow[Int(reject[2]) ?? 0, default: []].insert(reject[4])
    }
    for (row, rule) in expected {
      #expect(
        rulesByRow[row]?.contains(rule.rawValue) == true,
        "seed \(seed): row \(row) should be rejected under \(rule.rawValue), got \(rulesByRow[row] ?? [])"
      )
    }
    #expect(
      Set(rulesByRow.keys) == Set(expected.keys),
      "seed \(seed): rows rejected \(rulesByRow.keys.sorted()) vs damaged \(expected.keys.sorted())"
    )
    #expect(child.rejected == expected.count)
  }

  @Test(arguments: 1...24)
  func randomByteDamageNeverCrashesAndEveryRowIsAccountedFor(seed: Int) throws {
    var rng = SeededGenerator(seed: UInt64(1000 + seed))
    let (volunteer, roster, cells) = validData(&rng)
    var bytes = Array(cells.map { line($0) }.joined(separator: "\n").utf8)
    let noise: [[UInt8]] = [
      [0x22], [0x2C], [0x0A], [0x0D], [0x00], [0xFF], [0xE4, 0xB8], Array("┋".utf8),
      Array("(跳过)".utf8),
    ]
    for _ in 0..<Int.random(in: 1...12, using: &rng) {
      let position = Int.random(in: 0...bytes.count, using: &rng)
      switch Int.random(in: 0..<3, using: &rng) {
      case 0: bytes.insert(contentsOf: noise.randomElement(using: &rng) ?? [0x22], at: position)
      case 1 where position < bytes.count: bytes.remove(at: position)
      default:
        if position < bytes.count { bytes[position] = UInt8.random(in: 0...255, using: &rng) }
      }
    }
    let result = try ingest(
      try kit("kit-mini"),
      [
        ("volunteer.csv", Array(volunteer.utf8)), ("roster.csv", Array(roster.utf8)),
        ("child.csv", bytes),
      ])
    for file in result.summary.files {
      #expect(file.read == file.accepted + file.rejected)
    }
    let rejectedRows = Set(
      result.rejects.filter { $0[0].hasSuffix("/child.csv") && $0[4] != "not-relevant" }.map {
        $0[2]
      })
    #expect(rejectedRows.count <= (result.file("child.csv")?.rejected ?? 0) + 1)
  }
}
