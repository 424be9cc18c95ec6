/// The respondents of one domain inside one PSU: what Taylor linearisation needs
/// from a PSU, `t_hj = (Σ w·y − est·Σ w)/W_d = B·(mean − est)/W_d`.
///
/// Keeps the weighted mean (updated in West's running form) instead of `Σ w·y`, so
/// that `mean − est` does not cancel the leading digits of large values.
struct PSUTotal: Sendable, Hashable {
  /// Respondent rows.
  var rows = 0
  /// Respondent rows with y = 1.
  var positives = 0
  /// Σ w over the respondents (B).
  var weight = 0.0
  /// Σ w·y / Σ w.
  var mean = 0.0

  /// Adds one respondent with value `y` and weight `w > 0`.
  mutating func add(_ y: Double, weight w: Double) {
    rows += 1
    if y == 1 { positives += 1 }
    weight += w
    mean += (w / weight) * (y - mean)
  }

  /// Combines the respondents of two parts of the same PSU.
  mutating func merge(_ other: PSUTotal) {
    guard other.rows > 0 else { return }
    guard rows > 0 else {
      self = other
      return
    }
    rows += other.rows
    positives += other.positives
    let total = weight + other.weight
    mean += (other.weight / total) * (other.mean - mean)
    weight = total
  }
}

/// Moments of a set of clusters (PSUs) j, each given by its respondent weight B_j
/// and weighted mean m_j, that let the Taylor variance be formed for any later
/// estimate `est` without revisiting the clusters.
///
/// With r = Σ B_j m_j / Σ B_j (the set's own mean) the moments are
/// `S = Σ B_j²(m_j − r)²`, `L = Σ B_j²(m_j − r)` and `C = Σ (B_j − B̄)²`. Then
/// `Σ_j B_j²(m_j − est)² = S + 2δL + δ²(C + (ΣB)²/m)` with `δ = r − est`, and nothing
/// large is subtracted. Two sets merge exactly in real arithmetic (Chan et al.'s
/// pairwise update, extended to L and C). Used where every row is its own PSU, and
/// with unit weights for no-design mode, where S is the sum of squared deviations.
struct ClusterMoments: Sendable, Hashable {
  /// Clusters with respondents (m).
  var clusters = 0
  /// Respondent rows.
  var rows = 0
  /// Respondent rows with y = 1.
  var positives = 0
  /// Σ B_j.
  var weight = 0.0
  /// r.
  var mean = 0.0
  /// S.
  var spread = 0.0
  /// L.
  var lean = 0.0
  /// C, the centred sum of squares of the cluster weights.
  var weightSpread = 0.0

  /// Σ B_j², from the centred form.
  var weightSquares: Double { weightSpread + weight * weight / Double(clusters) }

  /// Adds one cluster holding a single respondent with value `y` and weight `w > 0`.
  mutating func addRow(_ y: Double, weight w: Double) {
    var single = ClusterMoments()
    single.clusters = 1
    single.rows = 1
    single.positives = y == 1 ? 1 : 0
    single.weight = w
    single.mean = y
    merge(single)
  }

  /// Combines two disjoint sets of clusters.
  mutating func merge(_ other: ClusterMoments) {
    guard other.clusters > 0 else { return }
    guard clusters > 0 else {
      self = other
      return
    }
    let total = weight + other.weight
    let combinedMean = mean + (other.weight / total) * (other.mean - mean)
    let shift = mean - combinedMean
    let otherShift = other.mean - combinedMean
    let squares = weightSquares
    let otherSquares = other.weightSquares
    let m = Double(clusters)
    let n = Double(other.clusters)
    let meanWeightGap = other.weight / n - weight / m
    spread =
      (spread + 2 * shift * lean + shift * shift * squares)
      + (other.spread + 2 * otherShift * other.lean + otherShift * otherShift * otherSquares)
    lean = (lean + shift * squares) + (other.lean + otherShift * otherSquares)
    weightSpread += other.weightSpread + meanWeightGap * meanWeightGap * m * n / (m + n)
    clusters += other.clusters
    rows += other.rows
    positives += other.positives
    weight = total
    mean = combinedMean
  }

  /// `Σ_j (D_j − D̄)²` over `n_h` clusters, of which the `clusters` here have
  /// `D_j = B_j(m_j − est)` and the rest `D_j = 0`, with `D̄ = Σ D_j / n_h`.
  func centredSquares(about estimate: Double, among psuCount: Int) -> Double {
    let delta = mean - estimate
    let m = Double(clusters)
    let nh = Double(psuCount)
    let absent = weight * weight * (nh - m) / (m * nh)
    return max(0, spread + 2 * delta * lean + delta * delta * (weightSpread + absent))
  }
}
