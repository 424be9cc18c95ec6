/// The stratified two-stage sample of `--sample` in one county (the stratum): a simple
/// random sample of villages (the PSUs) without replacement, then a simple random sample
/// of children in each sampled village. A sampled child's design weight is the inverse of
/// her inclusion probability, (V / m) · (N_v / k_v).
struct CountySample: Sendable {
  /// For each village: nil when not sampled, else the sampled positions (sorted) and the weight.
  private let chosen: [(positions: Set<Int>, weight: Double)?]

  /// Draws the sample. `villages` are the villages' sizes.
  init(villages: [Int], villagesPerCounty: Int, childrenPerVillage: Int, random: inout DemoRandom) {
    let count = villages.count
    let m = min(count, max(1, villagesPerCounty))
    let selected = Set(random.sortedSample(m, of: count))
    chosen = villages.indices.map { village in
      guard selected.contains(village) else { return nil }
      let size = villages[village]
      let k = min(size, max(1, childrenPerVillage))
      let positions = Set(random.sortedSample(k, of: size))
      let weight = (Double(count) / Double(m)) * (Double(size) / Double(k))
      return (positions, weight)
    }
  }

  /// The design weight of the child at `position` of `village`, or nil when not sampled.
  func weight(village: Int, position: Int) -> Double? {
    guard let entry = chosen[village], entry.positions.contains(position) else { return nil }
    return entry.weight
  }
}
