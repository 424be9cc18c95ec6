/// Point estimate, standard error and degrees of freedom of one variable in one
/// domain (STATISTICS.md §2–§4), before confidence intervals and targets.
public struct DomainSummary: Sendable, Hashable, Codable {
  /// Mean or proportion.
  public var kind: MeasureKind
  /// Respondents n_d: rows of the domain with a value (and, in Taylor mode, w > 0).
  public var n: Int
  /// Respondents with value 1; decides p = 0 and p = 1 by counting.
  public var positives: Int
  /// The (weighted) mean or proportion; `nil` when n = 0.
  public var estimate: Double?
  /// The standard error; `nil` when n = 0, or n = 1 without a design.
  public var se: Double?
  /// Degrees of freedom (§4, or Welch–Satterthwaite for a difference); `nil` when n = 0.
  public var df: Double?

  /// Creates a summary from its parts (for example, read back from `estimates.csv`).
  public init(
    kind: MeasureKind, n: Int, positives: Int = 0, estimate: Double?, se: Double?, df: Double?
  ) {
    self.kind = kind
    self.n = n
    self.positives = positives
    self.estimate = estimate
    self.se = se
    self.df = df
  }

  /// A domain without respondents: everything NA.
  public static func empty(_ kind: MeasureKind) -> DomainSummary {
    DomainSummary(kind: kind, n: 0, estimate: nil, se: nil, df: nil)
  }

  /// For a proportion, whether no respondent has y = 1 (decided by counting).
  public var isAllZero: Bool { kind == .proportion && n > 0 && positives == 0 }
  /// For a proportion, whether every respondent has y = 1 (decided by counting).
  public var isAllOne: Bool { kind == .proportion && n > 0 && positives == n }
}
