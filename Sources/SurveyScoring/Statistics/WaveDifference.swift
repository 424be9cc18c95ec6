/// The change in one domain between two independent waves, wave 2 − wave 1
/// (STATISTICS.md §8): a Wald interval on the original scale with
/// Welch–Satterthwaite degrees of freedom.
public struct WaveDifference: Sendable, Hashable, Codable {
  /// est₂ − est₁.
  public var difference: Double?
  /// √(se₁² + se₂²); the waves are independent, so there is no covariance.
  public var se: Double?
  /// (se₁² + se₂²)² / (se₁⁴/df₁ + se₂⁴/df₂), or df₁ + df₂ when both SEs are 0.
  /// Generally not an integer.
  public var df: Double?
  /// Lower bound of `difference ± t_df⁻¹(1 − a)·se`.
  public var ciLow: Double?
  /// Upper bound of the interval.
  public var ciHigh: Double?
  /// Two-sided p-value `2·F_t(−|difference|/se; df)`; with se = 0, 1 if the
  /// difference is 0 and 0 otherwise.
  public var pValue: Double?

  /// Compares the same domain in two waves.
  ///
  /// Everything is `nil` (NA) when either wave has n < k, a missing SE or estimate,
  /// or df < 1.
  ///
  /// - Parameters:
  ///   - earlier: wave 1.
  ///   - later: wave 2.
  ///   - options: the confidence level and the threshold k.
  public init(
    earlier: DomainSummary, later: DomainSummary, options: EstimationOptions = EstimationOptions()
  ) {
    let k = options.minimumCount
    guard earlier.n >= k, later.n >= k,
      let est1 = earlier.estimate, let est2 = later.estimate,
      let se1 = earlier.se, let se2 = later.se,
      let df1 = earlier.df, let df2 = later.df, df1 >= 1, df2 >= 1
    else { return }
    let v1 = se1 * se1
    let v2 = se2 * se2
    let variance = v1 + v2
    let welch = variance == 0 ? df1 + df2 : variance * variance / (v1 * v1 / df1 + v2 * v2 / df2)
    guard welch >= 1 else { return }
    let diff = est2 - est1
    let se = variance.squareRoot()
    let t = StudentT(degreesOfFreedom: welch)
    let q = -t.quantile(options.tailProbability)
    difference = diff
    self.se = se
    df = welch
    ciLow = diff - q * se
    ciHigh = diff + q * se
    pValue = se == 0 ? (diff == 0 ? 1 : 0) : min(1, 2 * t.cdf(-abs(diff) / se))
  }
}
