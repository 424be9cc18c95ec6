/// Σw, the weighted mean and `Σ w(x − mean)²` of one variable, updated in West's
/// running form and merged with Chan et al.'s pairwise formula.
struct WeightedMoments: Sendable, Hashable {
  var weight = 0.0
  var mean = 0.0
  var squares = 0.0

  mutating func add(_ x: Double, weight w: Double) {
    weight += w
    let delta = x - mean
    mean += (w / weight) * delta
    squares += w * delta * (x - mean)
  }

  mutating func merge(_ other: WeightedMoments) {
    guard other.weight > 0 else { return }
    guard weight > 0 else {
      self = other
      return
    }
    let total = weight + other.weight
    let delta = other.mean - mean
    squares += other.squares + delta * delta * weight * other.weight / total
    mean += (other.weight / total) * delta
    weight = total
  }
}
