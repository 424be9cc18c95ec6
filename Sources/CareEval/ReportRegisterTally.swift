import SurveySchema

/// Counts what the report's headline and methods say about the child register:
/// children paired (a register question named `paired` answered `yes`), and the
/// strata and primary sampling units of the design.
///
/// It looks at the register rows only. Each child keeps one small
/// entry (a 64-bit hash of its id and two codes), so memory grows with the
/// children, not the rows; a later register row for the same child replaces the
/// earlier one, as ingestion requires of every sink.
struct ReportRegisterTally: ResponseSink {
  private let pairedSlot: Int?
  private let strataSlot: Int?
  private let psuSlot: Int?
  private var entries: [UInt64: Entry] = [:]
  private var strata = Codes()
  private var psus = Codes()

  private struct Entry {
    var paired: Bool
    var stratum: UInt32
    var psu: UInt32
  }

  /// Distinct texts numbered from 1 (0 = blank).
  private struct Codes {
    var numbers: [String: UInt32] = [:]
    mutating func code(_ text: String) -> UInt32 {
      guard !text.isEmpty else { return 0 }
      if let number = numbers[text] { return number }
      let number = UInt32(numbers.count + 1)
      numbers[text] = number
      return number
    }
  }

  /// A tally of the register fields of `kit`'s roster instrument.
  init(kit: Kit) {
    let roster = kit.roster
    pairedSlot = roster?.index(ofQuestion: "paired")
    strataSlot = roster.flatMap { roster in
      roster.strataField.flatMap { roster.index(ofQuestion: $0) }
    }
    psuSlot = roster.flatMap { roster in roster.psuField.flatMap { roster.index(ofQuestion: $0) } }
  }

  mutating func accept(_ response: Response, of instrument: Instrument) {
    if instrument.respondent == .roster, let subject = response.subject, !subject.isEmpty {
      func text(_ slot: Int?) -> String {
        guard let slot, slot < response.answers.count else { return "" }
        return response.answers[slot].value?.stringValue ?? ""
      }
      let stratum = strata.code(text(strataSlot))
      let psu = psus.code(text(strataSlot) + "\u{1F}" + text(psuSlot))
      entries[Self.key(subject)] = Entry(
        paired: text(pairedSlot) == "yes", stratum: stratum, psu: text(psuSlot).isEmpty ? 0 : psu)
    }
  }

  /// Children in the register with `paired` = yes; `nil` when the register has no
  /// such question.
  var childrenPaired: Int? {
    guard pairedSlot != nil else { return nil }
    return entries.values.reduce(0) { $0 + ($1.paired ? 1 : 0) }
  }

  /// Distinct strata and PSUs (a PSU is counted within its stratum) among the
  /// register children; blank cells are not counted.
  var designCounts: (strata: Int, psus: Int) {
    var strata: Set<UInt32> = []
    var psus: Set<UInt32> = []
    for entry in entries.values {
      if entry.stratum != 0 { strata.insert(entry.stratum) }
      if entry.psu != 0 { psus.insert(entry.psu) }
    }
    return (strata.count, psus.count)
  }

  /// FNV-1a over the id's UTF-8 bytes: stable across runs and platforms.
  private static func key(_ id: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in id.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }
}
