/// The statistical method of a run, as the methods section describes it
/// (STATISTICS.md §1-7).
public struct ReportMethods: Sendable, Hashable, Codable {
  public var design: ReportDesign
  /// Confidence level L (0.95 by default).
  public var confidenceLevel: Double
  /// Minimum respondents k below which an estimate is suppressed (5 by default).
  public var minimumCount: Int
  /// Treatment of strata with a single PSU (Taylor mode only).
  public var lonelyPSU: LonelyPSURule
  public var kitName: String
  public var kitVersion: String

  public init(
    design: ReportDesign = .noDesign, confidenceLevel: Double = 0.95, minimumCount: Int = 5,
    lonelyPSU: LonelyPSURule = .adjust, kitName: String, kitVersion: String
  ) {
    self.design = design
    self.confidenceLevel = confidenceLevel
    self.minimumCount = minimumCount
    self.lonelyPSU = lonelyPSU
    self.kitName = kitName
    self.kitVersion = kitVersion
  }
}

/// The survey design: a census / simple random sample, or Taylor linearisation.
public enum ReportDesign: Sendable, Hashable, Codable {
  /// No weights, strata or PSUs (STATISTICS.md §3a).
  case noDesign
  /// Stratified, clustered, weighted design (STATISTICS.md §3b).
  case taylor(strata: Int, psus: Int, weighted: Bool)
}

/// The lonely-PSU rule of STATISTICS.md §3b.
public enum LonelyPSURule: String, Sendable, Hashable, Codable, CaseIterable {
  /// A lonely stratum contributes its squared PSU total (R `adjust`; the default).
  case adjust
  /// A lonely stratum contributes nothing (R `remove`).
  case remove
}

/// What part of the results a report shows and in which language.
public struct ReportOptions: Sendable, Hashable, Codable {
  public var language: ReportLanguage
  /// Levels to show (`["county"]`); empty shows every level.
  public var levels: [String]
  /// A region code: the report covers that region and its descendants only
  /// (a province's own report). `nil` covers everything.
  public var region: String?
  /// How many of the worst shortfalls the headline lists.
  public var topCount: Int

  public init(
    language: ReportLanguage = .zh, levels: [String] = [], region: String? = nil, topCount: Int = 10
  ) {
    self.language = language
    self.levels = levels
    self.region = region
    self.topCount = topCount
  }
}
