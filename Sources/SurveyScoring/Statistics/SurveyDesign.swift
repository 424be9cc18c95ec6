/// How the rows of one file were sampled (STATISTICS.md §1, §3).
///
/// Build it from which design columns the file has, with
/// ``init(hasWeight:hasStratum:hasPSU:lonelyPSU:)``: no weight, stratum or psu column
/// means ``Mode/noDesign`` (a census or an unweighted simple random sample); any of
/// them means ``Mode/taylor``, where a missing weight column means every weight is 1,
/// a missing stratum column means one stratum, and a missing psu column makes every
/// row its own primary sampling unit (PSU). PSUs are nested in strata: the PSU
/// `"01"` of stratum A and the PSU `"01"` of stratum B are different units.
public struct SurveyDesign: Sendable, Hashable, Codable {
  /// The variance method.
  public enum Mode: String, Sendable, Hashable, Codable {
    /// Each domain is an iid sample: `se = s/√n`, `df = n − 1` (§3a).
    case noDesign = "none"
    /// Stratified, clustered, with-replacement Taylor linearisation (§3b).
    case taylor
  }

  /// The variance method.
  public var mode: Mode
  /// In Taylor mode, whether rows carry a PSU label. When `false`, every row is its
  /// own PSU, and the accumulator keeps per-stratum moments instead of per-PSU
  /// totals, so memory does not grow with the number of rows.
  public var hasPSU: Bool
  /// What a stratum with a single PSU in the whole file contributes to a variance.
  public var lonelyPSU: LonelyPSURule

  /// Creates a design with an explicit mode.
  ///
  /// - Parameters:
  ///   - mode: the variance method.
  ///   - hasPSU: whether rows carry a PSU label (ignored in no-design mode).
  ///   - lonelyPSU: the lonely-PSU rule; ``LonelyPSURule/adjust`` by default.
  public init(mode: Mode, hasPSU: Bool, lonelyPSU: LonelyPSURule = .adjust) {
    self.mode = mode
    self.hasPSU = mode == .taylor && hasPSU
    self.lonelyPSU = lonelyPSU
  }

  /// Creates the design that STATISTICS.md §1 prescribes for a file with the given
  /// design columns.
  ///
  /// - Parameters:
  ///   - hasWeight: the file has a weight column.
  ///   - hasStratum: the file has a stratum column.
  ///   - hasPSU: the file has a psu column.
  ///   - lonelyPSU: the lonely-PSU rule; ``LonelyPSURule/adjust`` by default.
  public init(hasWeight: Bool, hasStratum: Bool, hasPSU: Bool, lonelyPSU: LonelyPSURule = .adjust) {
    let isTaylor = hasWeight || hasStratum || hasPSU
    self.init(mode: isTaylor ? .taylor : .noDesign, hasPSU: hasPSU, lonelyPSU: lonelyPSU)
  }

  /// No design: a census or an unweighted simple random sample.
  public static let noDesign = SurveyDesign(mode: .noDesign, hasPSU: false)
}

/// The contribution of a stratum that has only one PSU in the whole file (§3b).
public enum LonelyPSURule: String, Sendable, Hashable, CaseIterable, Codable {
  /// The PSU total is measured from the grand mean of PSU totals, which is 0 for a
  /// linearised domain mean: it contributes `t_h1²`. Conservative; the default.
  /// Same as R `options(survey.lonely.psu = "adjust")`.
  case adjust
  /// The stratum contributes nothing (R "remove"/"certainty", samplics `skip`).
  case remove
}

/// Whether an indicator is a mean or a 0/1 proportion (STATISTICS.md §1, §5).
public enum MeasureKind: String, Sendable, Hashable, CaseIterable, Codable {
  /// Any finite values; t interval on the original scale.
  case mean
  /// Values 0 or 1 only; logit interval, Clopper–Pearson bounds at p = 0 or 1.
  case proportion
}

/// Which way an indicator improves, for the shortfall test and status (§6, §7).
public enum TargetDirection: String, Sendable, Hashable, CaseIterable, Codable {
  /// Higher values are better: a shortfall is a value below the target.
  case higher
  /// Lower values are better: a shortfall is a value above the target.
  case lower
}
