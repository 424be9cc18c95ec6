import Foundation

/// The demo generator's random numbers: xoshiro256** seeded through SplitMix64.
///
/// Every draw the generator makes comes from here, never from the system generator,
/// so a seed fixes every byte of the output. Streams are derived from the seed and a
/// list of labels (`DemoRandom(seed: s, stream: [county, purpose])`), so the children of
/// one county, or the sampling decisions, do not shift when something else changes.
/// The distributions are written out here rather than taken from the standard library,
/// whose algorithms may change between Swift releases.
struct DemoRandom {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// A stream for `seed` and the labels, e.g. `[countyIndex, Purpose.children]`.
  init(seed: UInt64, stream labels: [UInt64] = []) {
    var mixer = SplitMix64(state: seed)
    var key = mixer.next()
    for label in labels {
      mixer = SplitMix64(state: key ^ (label &* 0xD6E8_FEB8_6659_FD93))
      key = mixer.next()
    }
    var seeder = SplitMix64(state: key)
    s0 = seeder.next()
    s1 = seeder.next()
    s2 = seeder.next()
    s3 = seeder.next()
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // xoshiro's one forbidden state
  }

  /// A generator in exactly this state (for checking against published outputs).
  init(state: (UInt64, UInt64, UInt64, UInt64)) {
    (s0, s1, s2, s3) = state
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    let result = rotate(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotate(s3, 45)
    return result
  }

  private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  /// A uniform number in [0, 1) with 53 random bits.
  mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A uniform number in [low, high).
  mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * uniform() }

  /// A uniform integer in 0..<bound (Lemire's multiply-and-reject, unbiased).
  mutating func int(below bound: Int) -> Int {
    precondition(bound > 0, "the bound must be positive")
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold { product = next().multipliedFullWidth(by: range) }
    }
    return Int(product.high)
  }

  /// A uniform integer in the closed range.
  mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
  }

  /// True with probability `p` (0 and 1 are exact: never and always).
  mutating func bernoulli(_ p: Double) -> Bool {
    if p <= 0 { return false }
    if p >= 1 { return true }
    return uniform() < p
  }

  /// An index drawn with the given weights (they need not sum to 1; all zero gives the last index).
  mutating func categorical(_ weights: [Double]) -> Int {
    let total = weights.reduce(0, +)
    guard total > 0 else { return weights.count - 1 }
    var u = uniform() * total
    for (index, weight) in weights.enumerated() {
      if u < weight { return index }
      u -= weight
    }
    return weights.count - 1
  }

  /// A standard normal number (Box–Muller; one of the pair is used).
  mutating func normal() -> Double {
    var u = uniform()
    while u <= 0 { u = uniform() }
    let v = uniform()
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
  }

  /// A normal number with this mean and standard deviation.
  mutating func normal(mean: Double, sd: Double) -> Double { mean + sd * normal() }

  /// A Poisson count (Knuth's product method; fine for the small means used here).
  mutating func poisson(_ mean: Double) -> Int {
    guard mean > 0 else { return 0 }
    if mean > 30 { return max(0, Int((mean + mean.squareRoot() * normal()).rounded())) }
    let limit = exp(-mean)
    var count = 0
    var product = uniform()
    while product > limit {
      count += 1
      product *= uniform()
    }
    return count
  }

  /// One element of a non-empty array, uniformly.
  mutating func pick<T>(_ items: [T]) -> T { items[int(below: items.count)] }

  /// `k` distinct indices of 0..<n in increasing order (selection sampling, Knuth's
  /// Algorithm S): each subset of size k is equally likely.
  mutating func sortedSample(_ k: Int, of n: Int) -> [Int] {
    var chosen: [Int] = []
    chosen.reserveCapacity(max(0, min(k, n)))
    var needed = min(k, n)
    var index = 0
    while needed > 0 && index < n {
      if Double(n - index) * uniform() < Double(needed) {
        chosen.append(index)
        needed -= 1
      }
      index += 1
    }
    return chosen
  }
}

/// SplitMix64, used to seed xoshiro and to derive streams.
struct SplitMix64 {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The purposes streams are derived for, so that each kind of decision has its own
/// numbers (a sample or error injection never changes the population).
enum DemoStream: UInt64 {
  case layout = 1
  case counties, children, volunteers, sample, errors, metadata, registers
}
