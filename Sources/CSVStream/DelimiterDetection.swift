/// Chooses the field delimiter of a CSV text from its first records.
enum DelimiterDetection {
  /// The candidates, in the order that breaks ties: `,` `;` TAB `|`.
  static let candidates: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]

  /// Picks the candidate that splits the first records (up to 50) most
  /// consistently, counting only outside quoted text.
  ///
  /// For each candidate, the most common count per record is its "width"; the
  /// candidate found that many times in the largest share of records wins,
  /// then the widest, then the earliest in ``candidates``. A text in which no
  /// candidate occurs is read with `,` (one column).
  /// - Parameters:
  ///   - text: The start of the input, decoded to UTF-8.
  ///   - isWholeInput: Whether `text` is all of the input; if not, its last
  ///     (possibly cut-off) record is ignored.
  static func detect(in text: [UInt8], isWholeInput: Bool) -> UInt8 {
    var rows: [[Int]] = []
    var counts = [0, 0, 0, 0]
    var inQuotes = false
    var recordHasBytes = false
    var complete = true
    for byte in text {
      if byte == 0x22 { inQuotes.toggle() }
      if !inQuotes, byte == 0x0A || byte == 0x0D {
        if recordHasBytes { rows.append(counts) }
        counts = [0, 0, 0, 0]
        recordHasBytes = false
        if rows.count == 50 { break }
        continue
      }
      recordHasBytes = true
      if !inQuotes, let slot = candidates.firstIndex(of: byte) { counts[slot] += 1 }
    }
    if recordHasBytes && rows.count < 50 {
      complete = isWholeInput && !inQuotes
      if complete { rows.append(counts) }
    }
    var best: (share: Int, width: Int, slot: Int)?
    for slot in candidates.indices {
      var frequency: [Int: Int] = [:]
      for row in rows { frequency[row[slot], default: 0] += 1 }
      guard let (width, share) = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }),
        width > 0
      else { continue }
      if let current = best, (current.share, current.width) >= (share, width) { continue }
      best = (share, width, slot)
    }
    return candidates[best?.slot ?? 0]
  }
}
