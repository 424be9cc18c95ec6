import Foundation

/// A confidence interval; bounds may fall outside [0, 1] for a mean of 0/1 data.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
  /// Lower bound.
  public var low: Double
  /// Upper bound.
  public var high: Double

  /// Creates an interval.
  public init(low: Double, high: Double) {
    self.low = low
    self.high = high
  }
}

extension DomainSummary {
  /// The confidence interval of §5: `est ± q·se` for a mean, the logit interval for a
  /// proportion, Clopper–Pearson bounds at p = 0 or 1.
  ///
  /// - Parameter level: the confidence level L.
  /// - Returns: `nil` (NA) when n = 0, the SE is NA, or df < 1.
  public func confidenceInterval(level: Double) -> ConfidenceInterval? {
    guard n > 0, let estimate, let se, let df, df >= 1 else { return nil }
    let a = (1 - level) / 2
    if isAllZero { return ConfidenceInterval(low: 0, high: -expm1(log(a) / Double(n))) }
    if isAllOne { return ConfidenceInterval(low: exp(log(a) / Double(n)), high: 1) }
    let q = -StudentT(degreesOfFreedom: df).quantile(a)
    if kind == .mean || se == 0 {
      return ConfidenceInterval(low: estimate - q * se, high: estimate + q * se)
    }
    let centre = logit(estimate)
    let halfWidth = q * se / (estimate * (1 - estimate))
    return ConfidenceInterval(low: expit(centre - halfWidth), high: expit(centre + halfWidth))
  }

  /// The one-sided p-value of §6 for H1 "worse than the target", on the scale of the
  /// confidence interval, so that p < a exactly when the interval lies wholly on the
  /// bad side of the target.
  ///
  /// Edge targets of a proportion (T ≥ 1 when higher is better, T ≤ 0 when lower is
  /// better) are decided by counting and do not need an interval; otherwise the
  /// result is `nil` wherever ``confidenceInterval(level:)`` is. A target that cannot
  /// be missed (T ≤ 0 higher, T ≥ 1 lower, for a proportion) gives 1.
  public func shortfallPValue(target: Double, direction: TargetDirection, level: Double) -> Double?
  {
    if let edge = edgeShortfall(target: target, direction: direction) { return edge ? 0 : 1 }
    guard confidenceInterval(level: level) != nil, let estimate, let se, let df else { return nil }
    let t = StudentT(degreesOfFreedom: df)
    switch kind {
    case .mean:
      if se == 0 {
        let worse = direction == .higher ? estimate < target : estimate > target
        return worse ? 0 : 1
      }
      let statistic = (estimate - target) / se
      return direction == .higher ? t.cdf(statistic) : t.survival(statistic)
    case .proportion:
      // Lower is better: test 1 − y against 1 − T with higher is better.
      let flip = direction == .lower
      let p = flip ? 1 - estimate : estimate
      let goal = flip ? 1 - target : target
      let successes = flip ? n - positives : positives
      if goal <= 0 { return 1 }
      if successes == 0 { return pow(1 - goal, Double(n)) }
      if successes == n { return 1 }
      if se == 0 { return p < goal ? 0 : 1 }
      let statistic = (logit(p) - logit(goal)) / (se / (p * (1 - p)))
      return t.cdf(statistic)
    }
  }

  /// For a proportion with an edge target (T ≥ 1 higher is better, T ≤ 0 lower is
  /// better), whether one respondent on the wrong side already proves a shortfall;
  /// `nil` for every other case.
  func edgeShortfall(target: Double, direction: TargetDirection) -> Bool? {
    guard kind == .proportion, n > 0 else { return nil }
    switch direction {
    case .higher where target >= 1: return !(isAllOne && target == 1)
    case .lower where target <= 0: return !(isAllZero && target == 0)
    default: return nil
    }
  }
}

/// ln(x/(1 − x)).
func logit(_ x: Double) -> Double { log(x) - log1p(-x) }

/// 1/(1 + e^(−u)).
func expit(_ u: Double) -> Double { 1 / (1 + exp(-u)) }
