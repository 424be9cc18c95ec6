/// How to score and estimate: breakdown, suppression, intervals and pseudonyms.
public struct ScoringOptions: Sendable, Hashable {
  /// A breakdown of every estimate by a register field (`category`, `gender`,
  /// `age_band` or any roster question); `nil` for regions only.
  public var by: String?
  /// Domains with fewer respondents than this are suppressed (STATISTICS.md §7).
  public var suppressionThreshold: Int
  /// The lonely-PSU rule for Taylor standard errors.
  public var lonelyPSU: LonelyPSURule
  /// The confidence level of intervals, in (0, 1).
  public var confidenceLevel: Double
  /// The salt of the pseudonymised child keys in scores.csv.
  public var salt: String
  /// The language of region names (`zh` or `en`), with the other as fallback.
  public var language: String
  /// The year ages are counted to for `--by age_band`; `nil` = the year of `today`.
  public var referenceYear: Int?
  /// The date `today()` returns in expressions (ISO `YYYY-MM-DD`); `nil` = the
  /// local date. Fix it for reproducible runs of kits that use `today()`.
  public var today: String?

  /// Creates options; the defaults are the toolkit's (k = 5, adjust, 95%).
  public init(
    by: String? = nil, suppressionThreshold: Int = 5, lonelyPSU: LonelyPSURule = .adjust,
    confidenceLevel: Double = 0.95, salt: String = Pseudonymizer.defaultSalt, language: String = "zh",
    referenceYear: Int? = nil, today: String? = nil
  ) {
    self.by = by
    self.suppressionThreshold = suppressionThreshold
    self.lonelyPSU = lonelyPSU
    self.confidenceLevel = confidenceLevel
    self.salt = salt
    self.language = language
    self.referenceYear = referenceYear
    self.today = today
  }
}
