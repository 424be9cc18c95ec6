/// Shortfall status of one estimate against its target (STATISTICS.md §7).
///
/// The raw values are the contract spellings of `estimates.csv` (DESIGN.md §6).
public enum ShortfallStatus: String, Sendable, Hashable, CaseIterable, Codable {
  case meets
  case possibleShortfall = "possible_shortfall"
  case shortfall
  case indeterminate
  case noTarget = "no_target"
  case suppressed
}

/// One row of `estimates.csv`: an indicator estimated in one domain
/// (a region at one level, optionally crossed with a breakdown group).
///
/// Proportions are in [0, 1]. `nil` means NA and is written as a blank cell.
/// A suppressed row keeps `n`, `target` and `status` only.
public struct Estimate: Sendable, Hashable, Codable {
  /// The indicator's name (indicators.csv).
  public var indicator: String
  /// Region code, or `all` for the whole data set.
  public var regionCode: String
  /// The region's name in the run's language, or the code when it has none.
  public var regionName: String
  /// `province`, `city`, `county`, … or `all`.
  public var level: String
  /// Blank, or a breakdown such as `category=orphan`.
  public var group: String
  /// Unweighted respondent count n_d.
  public var n: Int
  /// The (weighted) proportion or mean (STATISTICS.md §2).
  public var estimate: Double?
  /// Its standard error (§3).
  public var se: Double?
  /// The lower bound of the confidence interval (§5).
  public var ciLow: Double?
  /// The upper bound of the confidence interval (§5).
  public var ciHigh: Double?
  /// Degrees of freedom; not always an integer (STATISTICS.md §8).
  public var df: Double?
  /// The target that applies in this region, if any (targets.csv, inherited from the nearest ancestor).
  public var target: Double?
  /// The shortfall status (§7).
  public var status: ShortfallStatus
  /// The one-sided p-value of "worse than the target" (§6).
  public var pValue: Double?
  /// The Benjamini–Hochberg adjusted p-value within the row's family (§6).
  public var qValue: Double?

  /// Creates a row.
  public init(
    indicator: String, regionCode: String, regionName: String, level: String, group: String = "",
    n: Int, estimate: Double?, se: Double?, ciLow: Double?, ciHigh: Double?, df: Double?,
    target: Double?, status: ShortfallStatus, pValue: Double?, qValue: Double?
  ) {
    self.indicator = indicator
    self.regionCode = regionCode
    self.regionName = regionName
    self.level = level
    self.group = group
    self.n = n
    self.estimate = estimate
    self.se = se
    self.ciLow = ciLow
    self.ciHigh = ciHigh
    self.df = df
    self.target = target
    self.status = status
    self.pValue = pValue
    self.qValue = qValue
  }

  /// The contract column names of `estimates.csv`, in order (DESIGN.md §6).
  public static let csvColumns = [
    "indicator", "region_code", "region_name", "level", "group", "n", "estimate", "se",
    "ci_low", "ci_high", "df", "target", "status", "p_value", "q_value",
  ]
}
