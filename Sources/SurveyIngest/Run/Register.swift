/// The child register as ingestion keeps it: one small entry per child, so memory
/// grows with the number of children, never with the number of rows.
struct Register {
  struct Child {
    /// Index into `regions`, or -1 when unknown.
    var region: Int32 = -1
    /// One bit per informant instrument: an accepted response was seen.
    var responded: UInt32 = 0
    /// Whether an accepted register row names the child.
    var isAccepted = false
    /// The file index and row of a rejected register row, when no row was accepted.
    var rejectedFile: Int32 = -1
    var rejectedRow: Int32 = 0
  }

  /// One entry per child id, in the order the ids were first seen.
  private(set) var children = IDTable<Child>()
  private(set) var regions: [String] = []
  private var regionIndex: [String: Int32] = [:]
  /// Whether a register file was read, so that responses can be linked.
  var isLoaded = false

  /// Records an accepted register row (a later accepted row replaces the region).
  mutating func accept(_ id: String, region: String?) {
    let regionIndex = region.map { index(ofRegion: $0) } ?? -1
    let entry = children.entry(of: id, inserting: Child()).entry
    children[entry].isAccepted = true
    children[entry].region = regionIndex
  }

  /// Records a rejected register row, unless the child already has an accepted one.
  mutating func reject(_ id: String, file: Int, row: Int) {
    let entry = children.entry(of: id, inserting: Child()).entry
    guard !children[entry].isAccepted, children[entry].rejectedFile < 0 else { return }
    children[entry].rejectedFile = Int32(file)
    children[entry].rejectedRow = Int32(truncatingIfNeeded: row)
  }

  /// The entry of a child id, or `nil` when the register does not name it.
  func entry(of id: String) -> Int? { children.entry(of: id) }

  /// Marks an accepted response of the informant instrument with this bit.
  mutating func markResponded(entry: Int, bit: Int) {
    children[entry].responded |= 1 << UInt32(bit)
  }

  func child(_ id: String) -> Child? { children.entry(of: id).map { children[$0] } }

  /// The region code of a child entry, or `nil`.
  func region(ofEntry entry: Int) -> String? {
    let index = children[entry].region
    return index >= 0 ? regions[Int(index)] : nil
  }

  /// The region code of a child, or `nil`.
  func region(of id: String) -> String? {
    children.entry(of: id).flatMap { region(ofEntry: $0) }
  }

  private mutating func index(ofRegion code: String) -> Int32 {
    if let index = regionIndex[code] { return index }
    let index = Int32(regions.count)
    regions.append(code)
    regionIndex[code] = index
    return index
  }
}

/// The rows kept so far for one instrument: per subject the kept row (to find the
/// same child answering twice), per response id the first row.
struct KeptRows {
  struct Kept {
    /// Submission time in seconds since 1970, NaN when unknown.
    var time: Double
    var record: Int32
    var line: Int32
    var file: Int32
    /// Where the row's cells are in the spool.
    var spill: Int64
  }

  /// The row that claimed a response id.
  struct Claim {
    var record: Int32
    /// The file index, or -1 once the claim was withdrawn (the row was rejected).
    var file: Int32

    var isWithdrawn: Bool { file < 0 }
  }

  var bySubject = IDTable<Kept>()
  var byResponseID = IDTable<Claim>()

  /// Whether a new row with time `new` replaces a kept row with time `kept`: the
  /// later time wins; with equal or unknown times, the row read last wins.
  static func replaces(_ new: Double, _ kept: Double) -> Bool {
    if new.isNaN || kept.isNaN { return true }
    return new >= kept
  }
}
