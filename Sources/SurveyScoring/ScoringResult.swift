import SurveySchema

/// Everything a scoring run produces: the estimates, reliability and agreement per
/// region, the per-child scores, the problems found, and counts for the report.
public struct ScoringResult: Sendable {
  /// The rows of `estimates.csv`, ordered by indicator (kit order), level (all,
  /// province, city, county), region code and group.
  public var estimates: [Estimate]
  /// The rows of `reliability.csv`: Cronbach's alpha per scale and region.
  public var reliability: [ReliabilityEstimate]
  /// The rows of `agreement.csv`: kappa and percent agreement per pair and region.
  public var agreement: [AgreementEstimate]
  /// One row per child of the register (`scores.csv`).
  public var scores: ScoresTable
  /// Data problems found while estimating (design cells, unknown regions, indicator
  /// values of the wrong kind), located where they can be fixed.
  public var diagnostics: [Diagnostic]
  /// Counts for the run summary and the report headline.
  public var summary: ScoringSummary

  /// Creates a result.
  public init(
    estimates: [Estimate], reliability: [ReliabilityEstimate], agreement: [AgreementEstimate],
    scores: ScoresTable, diagnostics: [Diagnostic], summary: ScoringSummary
  ) {
    self.estimates = estimates
    self.reliability = reliability
    self.agreement = agreement
    self.scores = scores
    self.diagnostics = diagnostics
    self.summary = summary
  }

  /// Whether any diagnostic is an error (the command then exits with status 1).
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Counts of a scoring run.
public struct ScoringSummary: Sendable, Hashable, Codable {
  /// Children with a register row.
  public var childrenInRegister: Int
  /// Children whose design cells are usable (the rows every estimate is built on).
  public var childrenInDesign: Int
  /// Children with responses but no register row; they are not estimated.
  public var childrenNotInRegister: Int
  /// Register children whose region code is blank or unknown (only in `all`).
  public var childrenWithoutRegion: Int
  /// Volunteers in the volunteer register.
  public var volunteers: Int
  /// Accepted responses per form (after replacing duplicates: one per subject).
  public var responses: [String: Int]
  /// The variance method: `none` (census) or `taylor`.
  public var designMode: String
  /// Whether the design has strata (Taylor mode).
  public var hasStrata: Bool
  /// Whether the design has PSUs (Taylor mode; without them every child is its own PSU).
  public var hasPSUs: Bool
  /// Whether the design has weights (Taylor mode; without them every weight is 1).
  public var hasWeights: Bool

  /// Creates a summary.
  public init(
    childrenInRegister: Int, childrenInDesign: Int, childrenNotInRegister: Int, childrenWithoutRegion: Int,
    volunteers: Int, responses: [String: Int], designMode: String, hasStrata: Bool, hasPSUs: Bool, hasWeights: Bool
  ) {
    self.childrenInRegister = childrenInRegister
    self.childrenInDesign = childrenInDesign
    self.childrenNotInRegister = childrenNotInRegister
    self.childrenWithoutRegion = childrenWithoutRegion
    self.volunteers = volunteers
    self.responses = responses
    self.designMode = designMode
    self.hasStrata = hasStrata
    self.hasPSUs = hasPSUs
    self.hasWeights = hasWeights
  }
}

/// One row of `reliability.csv`: Cronbach's alpha of a scale in one region
/// (STATISTICS.md §9; unweighted, listwise deletion).
public struct ReliabilityEstimate: Sendable, Hashable, Codable {
  /// The scale's name.
  public var scale: String
  /// Region code, or `all` for the whole data set.
  public var regionCode: String
  /// The region's name.
  public var regionName: String
  /// `all`, `province`, `city` or `county`.
  public var level: String
  /// Children with every item answered.
  public var n: Int
  /// The number of items k.
  public var items: Int
  /// Alpha; `nil` (blank) when k < 2, n < 2, the total does not vary, or n is below
  /// the suppression threshold.
  public var alpha: Double?

  /// Creates a row.
  public init(scale: String, regionCode: String, regionName: String, level: String, n: Int, items: Int, alpha: Double?) {
    self.scale = scale
    self.regionCode = regionCode
    self.regionName = regionName
    self.level = level
    self.n = n
    self.items = items
    self.alpha = alpha
  }

  /// The column names of `reliability.csv`, in order.
  public static let csvColumns = ["scale", "region_code", "region_name", "level", "n", "items", "alpha"]
}

/// One row of `agreement.csv`: how often two informants agree in one region
/// (STATISTICS.md §10; unweighted Cohen's kappa).
public struct AgreementEstimate: Sendable, Hashable, Codable {
  /// The agreement pair's name.
  public var pair: String
  /// Region code, or `all` for the whole data set.
  public var regionCode: String
  /// The region's name.
  public var regionName: String
  /// `all`, `province`, `city` or `county`.
  public var level: String
  /// Children for whom both informants answered.
  public var n: Int
  /// Percent agreement p_o as a proportion.
  public var agreement: Double?
  /// Cohen's kappa.
  public var kappa: Double?
  /// The asymptotic SE of kappa.
  public var kappaSE: Double?

  /// Creates a row.
  public init(
    pair: String, regionCode: String, regionName: String, level: String, n: Int, agreement: Double?,
    kappa: Double?, kappaSE: Double?
  ) {
    self.pair = pair
    self.regionCode = regionCode
    self.regionName = regionName
    self.level = level
    self.n = n
    self.agreement = agreement
    self.kappa = kappa
    self.kappaSE = kappaSE
  }

  /// The column names of `agreement.csv`, in order.
  public static let csvColumns = ["pair", "region_code", "region_name", "level", "n", "agreement", "kappa", "kappa_se"]
}
