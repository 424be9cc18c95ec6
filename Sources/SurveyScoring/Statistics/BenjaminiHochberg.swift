/// Benjamini–Hochberg adjusted p-values (q-values), STATISTICS.md §6.
public enum BenjaminiHochberg {
  /// Adjusts one family of p-values: with the m non-NA values sorted,
  /// `q_(i) = min(1, min_{j ≥ i} m·p_(j)/j)`. NA stays NA and does not count in m.
  ///
  /// Same as R `p.adjust(p, "BH")` and statsmodels `multipletests(method="fdr_bh")`.
  /// - Parameter pValues: the family, in any order.
  /// - Returns: the q-values, in the same order.
  public static func adjust(_ pValues: [Double?]) -> [Double?] {
    let present = pValues.indices.filter { pValues[$0] != nil }
    // Ties keep input order, so the result does not depend on the sort's stability.
    let order = present.sorted { (pValues[$0] ?? 0, $0) < (pValues[$1] ?? 0, $1) }
    let m = Double(order.count)
    var result = [Double?](repeating: nil, count: pValues.count)
    var running = 1.0
    for (rank, index) in order.enumerated().reversed() {
      let p = pValues[index] ?? 0
      running = min(running, m * p / Double(rank + 1))
      result[index] = running
    }
    return result
  }
}
