import SurveyScoring

/// Data quality: what happened to every row read, and where answers are missing.
public struct QualitySection: Sendable, Hashable, Codable {
  public var files: [ReportFileQuality]
  public var read: Int
  public var accepted: Int
  public var rejected: Int
  public var rejectsByRule: [ReportRejectCount]
  public var responseRates: [ResponseRateLine]
  /// Cells in scope (regions and breakdown groups) suppressed because n < k.
  public var suppressedCells: Int
  public var cellCount: Int
}

/// The response rate of one instrument in one region.
public struct ResponseRateLine: Sendable, Hashable, Codable {
  public var instrument: String
  public var instrumentLabel: String
  public var regionCode: String
  public var regionName: String
  public var level: String
  public var expected: Int
  public var received: Int
  public var rate: Double?
}

/// How the numbers were made, in words generated from the run's settings.
public struct MethodsSection: Sendable, Hashable, Codable {
  public var kitName: String
  public var kitVersion: String
  /// `no_design` or `taylor`.
  public var designMode: String
  public var strata: Int?
  public var psus: Int?
  public var confidenceLevel: Double
  public var minimumCount: Int
  /// The lonely-PSU rule (Taylor mode).
  public var lonelyRule: LonelyPSURule
  /// Paragraphs, in order: design, intervals, test and q-values, suppression,
  /// ranking.
  public var paragraphs: [String]
  public var statuses: [StatusMeaning]
}

/// What one status means.
public struct StatusMeaning: Sendable, Hashable, Codable {
  public var status: ShortfallStatus
  public var label: String
  public var symbol: String
  public var meaning: String
}
