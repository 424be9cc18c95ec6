/// Settings shared by every estimate of a run.
public struct EstimationOptions: Sendable, Hashable, Codable {
  /// The confidence level L of the intervals; 0.95 by default. The one-sided test
  /// uses a = (1 − L)/2, so `shortfall` means p < a.
  public var confidenceLevel: Double
  /// The suppression threshold k: a domain with fewer respondents is `suppressed`.
  /// 5 by default; at least 1.
  public var minimumCount: Int

  /// Creates options.
  ///
  /// Check a level typed by a user with ``isValidConfidenceLevel(_:)`` first: an
  /// out-of-range level is a programming error here.
  ///
  /// - Parameters:
  ///   - confidenceLevel: L, strictly between 0 and 1.
  ///   - minimumCount: k; values below 1 are taken as 1.
  public init(confidenceLevel: Double = 0.95, minimumCount: Int = 5) {
    precondition(confidenceLevel > 0 && confidenceLevel < 1, "confidence level must lie in (0, 1)")
    self.confidenceLevel = confidenceLevel
    self.minimumCount = max(1, minimumCount)
  }

  /// Whether `level` can serve as a confidence level (0 < L < 1).
  public static func isValidConfidenceLevel(_ level: Double) -> Bool { level > 0 && level < 1 }

  /// a = (1 − L)/2, the probability in each tail of the interval.
  public var tailProbability: Double { (1 - confidenceLevel) / 2 }
}
