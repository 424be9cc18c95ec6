@testable import SurveyScoring

/// SplitMix64: a small seeded generator, so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A synthetic survey row for property tests.
struct SyntheticRow {
  var values: [Double?]
  var weight: Double
  var stratum: Int
  var psu: Int
  var domains: [Int]

  /// Rows in 4 strata (stratum 3 has a single PSU), PSUs of varying size, weights
  /// with some zeros, about 10% missing values, 5 regions plus the whole file
  /// (domain 9) and an overlapping subgroup (domain 7).
  static func sample(count: Int, seed: UInt64) -> [SyntheticRow] {
    var random = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
      let stratum = Int.random(in: 0..<4, using: &random)
      let psu = stratum == 3 ? 0 : Int.random(in: 0..<(2 + stratum * 2), using: &random)
      let weight =
        Double.random(in: 0..<1, using: &random) < 0.05
        ? 0 : Double.random(in: 0.5...4, using: &random)
      let mean: Double? =
        Double.random(in: 0..<1, using: &random) < 0.1
        ? nil : 1000 + Double(stratum) + Double.random(in: -2...2, using: &random)
      let proportion: Double? =
        Double.random(in: 0..<1, using: &random) < 0.1
        ? nil : (Double.random(in: 0..<1, using: &random) < 0.3 + 0.1 * Double(stratum) ? 1 : 0)
      var domains = [Int.random(in: 0..<5, using: &random), 9]
      if Bool.random(using: &random) { domains.append(7) }
      return SyntheticRow(
        values: [mean, proportion], weight: weight, stratum: stratum, psu: psu, domains: domains)
    }
  }

  static func accumulate(_ rows: some Sequence<SyntheticRow>, design: SurveyDesign) throws
    -> SurveyAccumulator
  {
    var accumulator = SurveyAccumulator(design: design, kinds: [.mean, .proportion])
    for row in rows {
      try accumulator.add(
        row.values, weight: row.weight, stratum: row.stratum, psu: row.psu, domains: row.domains)
    }
    return accumulator
  }
}
