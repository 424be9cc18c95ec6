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

  private(set) var children: [String: Child] = [:]
  private(set) var regions: [String] = []
  private var regionIndex: [String: Int32] = [:]
  /// Whether a register file was read, so that responses can be linked.
  var isLoaded = false

  /// Records an accepted register row (a later accepted row replaces the region).
  mutating func accept(_ id: String, region: String?) {
    var child = children[id] ?? Child()
    child.isAccepted = true
    if let region { child.region = index(ofRegion: region) } else { child.region = -1 }
    children[id] = child
  }

  /// Records a rejected register row, unless the child already has an accepted one.
  mutating func reject(_ id: String, file: Int, row: Int) {
    var child = children[id] ?? Child()
    guard !child.isAccepted else { return }
    if child.rejectedFile < 0 {
      child.rejectedFile = Int32(file)
      child.rejectedRow = Int32(truncatingIfNeeded: row)
    }
    children[id] = child
  }

  /// Marks an accepted response of the informant instrument with this bit.
  mutating func markResponded(_ id: String, bit: Int) {
    children[id]?.responded |= 1 << UInt32(bit)
  }

  func child(_ id: String) -> Child? { children[id] }

  /// The region code of a child, or `nil`.
  func region(of id: String) -> String? {
    guard let index = children[id]?.region, index >= 0 else { return nil }
    return regions[Int(index)]
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

  var bySubject: [String: Kept] = [:]
  var byResponseID: [String: (record: Int32, file: Int32)] = [:]

  /// Whether a new row with time `new` replaces a kept row with time `kept`: the
  /// later time wins; with equal or unknown times, the row read last wins.
  static func replaces(_ new: Double, _ kept: Double) -> Bool {
    if new.isNaN || kept.isNaN { return true }
    return new >= kept
  }
}
