/// A domain's summary judged against its target (STATISTICS.md §5–§7): the interval,
/// the one-sided p-value and the status.
public struct DomainAssessment: Sendable, Hashable, Codable {
  /// The estimate, SE and df.
  public var summary: DomainSummary
  /// The confidence interval, or `nil` (NA).
  public var interval: ConfidenceInterval?
  /// The target, if one applies.
  public var target: Double?
  /// The one-sided p-value of "worse than target", or `nil` (NA).
  public var pValue: Double?
  /// The status.
  public var status: ShortfallStatus

  /// Judges `summary` against `target`.
  ///
  /// The checks run in the order of §7: `suppressed` (n < k), `no_target`, the edge
  /// targets of a proportion (§6), `indeterminate` (no interval), then `shortfall`
  /// (the whole interval on the bad side), `possible_shortfall` (the estimate on the
  /// bad side) and `meets`. Unrounded numbers are compared.
  ///
  /// - Parameters:
  ///   - summary: the domain's estimate, SE and df.
  ///   - target: the target T, or `nil` when none applies.
  ///   - direction: whether higher or lower values are better.
  ///   - options: the confidence level and the suppression threshold k.
  public init(
    _ summary: DomainSummary, target: Double?, direction: TargetDirection,
    options: EstimationOptions
  ) {
    self.summary = summary
    self.target = target
    let interval = summary.confidenceInterval(level: options.confidenceLevel)
    self.interval = interval
    self.pValue = nil
    guard summary.n >= options.minimumCount else {
      status = .suppressed
      return
    }
    guard let target else {
      status = .noTarget
      return
    }
    if let edge = summary.edgeShortfall(target: target, direction: direction) {
      pValue = edge ? 0 : 1
      status = edge ? .shortfall : .meets
      return
    }
    guard let interval, let estimate = summary.estimate else {
      status = .indeterminate
      return
    }
    pValue = summary.shortfallPValue(
      target: target, direction: direction, level: options.confidenceLevel)
    switch direction {
    case .higher:
      status = interval.high < target ? .shortfall : estimate < target ? .possibleShortfall : .meets
    case .lower:
      status = interval.low > target ? .shortfall : estimate > target ? .possibleShortfall : .meets
    }
  }

  /// Whether the estimate is published: every status but `suppressed`.
  public var isPublished: Bool { status != .suppressed }
}
