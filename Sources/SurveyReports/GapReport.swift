import SurveyScoring

/// The gap report: which regions fall short on what, by how much, and how sure we are.
///
/// Built once from a ``ReportInput`` by `init(input:)`, in one language, and rendered
/// by every output format from the same data: `html()`, `markdown()`, `json()`,
/// `writeEstimatesCSV(to:)` and `writeXLSX(to:)`. Building is pure and deterministic.
public struct GapReport: Sendable, Hashable, Codable {
  /// Names the JSON document type: `careeval-gap-report`.
  public var format = "careeval-gap-report"
  /// The JSON schema version (docs/report-json.md); 1 for this layout.
  public var version = 1
  public var language: ReportLanguage
  public var title: String
  /// Kit name and version, confidence level.
  public var subtitle: String
  public var scope: ReportScope
  /// Indicators in kit order.
  public var indicators: [IndicatorInfo]
  public var headline: HeadlineSection
  public var areas: [AreaSection]
  public var leagueTables: [LeagueTable]
  /// Every shortfall and possible shortfall in scope, ranked (see ``ShortfallEntry``).
  public var shortfalls: [ShortfallEntry]
  /// The region tree of the scope, top level first.
  public var drillDown: [DrillNode]
  public var breakdowns: [Breakdown]
  public var quality: QualitySection
  public var methods: MethodsSection
  /// Every estimate row in scope (as in estimates.csv), for the CSV and XLSX outputs.
  public var estimates: [Estimate]
}

/// What the report covers.
public struct ReportScope: Sendable, Hashable, Codable {
  /// The root domain: a region code, or `all` for the whole data set.
  public var rootCode: String
  public var rootName: String
  /// The root's level (`all`, or the level of the report's region).
  public var rootLevel: String
  /// Levels shown, top first.
  public var levels: [String]
}

/// An indicator as the report shows it.
public struct IndicatorInfo: Sendable, Hashable, Codable {
  public var name: String
  public var label: String
  public var area: IndicatorArea
  public var unit: IndicatorUnit
  public var kind: IndicatorKind
  public var direction: IndicatorDirection
  public var description: String
  public var expression: String
  public var population: String
  /// The distinct targets in scope, ascending (a target may differ by region).
  public var targets: [Double]
}

/// One estimate as shown in a table or chart cell.
///
/// A suppressed cell carries `n`, `target` and `status` only: its estimate is never
/// shown, not even as zero.
public struct ReportCell: Sendable, Hashable, Codable {
  public var indicator: String
  public var regionCode: String
  public var regionName: String
  public var level: String
  public var group: String
  /// The group as a reader sees it (`留守儿童`); blank without a group.
  public var groupLabel: String
  public var n: Int
  public var estimate: Double?
  public var ciLow: Double?
  public var ciHigh: Double?
  public var target: Double?
  public var status: ShortfallStatus
  public var pValue: Double?
  public var qValue: Double?
  /// How far the estimate is on the wrong side of the target, in the indicator's
  /// unit (0 when it meets the target); `nil` without target or estimate.
  public var gap: Double?
}

/// Counts of cells per status.
public struct StatusCounts: Sendable, Hashable, Codable {
  public var meets = 0
  public var possibleShortfall = 0
  public var shortfall = 0
  public var indeterminate = 0
  public var noTarget = 0
  public var suppressed = 0

  public init() {}

  /// The count of one status.
  public subscript(status: ShortfallStatus) -> Int {
    get {
      switch status {
      case .meets: meets
      case .possibleShortfall: possibleShortfall
      case .shortfall: shortfall
      case .indeterminate: indeterminate
      case .noTarget: noTarget
      case .suppressed: suppressed
      }
    }
    set {
      switch status {
      case .meets: meets = newValue
      case .possibleShortfall: possibleShortfall = newValue
      case .shortfall: shortfall = newValue
      case .indeterminate: indeterminate = newValue
      case .noTarget: noTarget = newValue
      case .suppressed: suppressed = newValue
      }
    }
  }

  /// All cells counted.
  public var total: Int { ShortfallStatus.allCases.reduce(0) { $0 + self[$1] } }
}

/// The headline: register, pairing, questionnaires, and the worst shortfalls.
public struct HeadlineSection: Sendable, Hashable, Codable {
  public var childrenInRegister: Int
  public var childrenPaired: Int?
  public var pairedShare: Double?
  public var volunteersInRegister: Int?
  public var instruments: [InstrumentLine]
  /// Status counts over every region cell in scope (no breakdown groups).
  public var statusCounts: StatusCounts
  /// The first entries of the ranked shortfall list, breakdown groups left out.
  public var worstShortfalls: [ShortfallEntry]
}

/// Questionnaires of one instrument.
public struct InstrumentLine: Sendable, Hashable, Codable {
  public var instrument: String
  public var label: String
  public var expected: Int?
  public var received: Int
  public var responseRate: Double?
}

/// One area (coverage, routine…) and its indicators.
public struct AreaSection: Sendable, Hashable, Codable {
  public var area: IndicatorArea
  public var title: String
  public var indicators: [IndicatorSection]
}

/// One indicator: the root estimate and the estimates of every region shown.
public struct IndicatorSection: Sendable, Hashable, Codable {
  public var indicator: String
  /// The root domain's estimate (whole data set, or the report's region).
  public var overall: ReportCell?
  /// Region estimates per level, regions in tree order.
  public var levels: [LevelCells]
}

/// The cells of one level.
public struct LevelCells: Sendable, Hashable, Codable {
  public var level: String
  public var cells: [ReportCell]
}

/// Regions of one level ranked worst first.
public struct LeagueTable: Sendable, Hashable, Codable {
  public var level: String
  public var rows: [LeagueRow]
}

/// A region's place in its level's league table.
public struct LeagueRow: Sendable, Hashable, Codable {
  /// Competition rank (1, 2, 2, 4): equal counts share a rank.
  public var rank: Int
  public var regionCode: String
  public var regionName: String
  public var counts: StatusCounts
}

/// One shortfall or possible shortfall, with its place in the ranking.
///
/// Ranking: `shortfall` before `possible_shortfall`; then the larger relative gap
/// first (the gap in percentage points for a proportion, the gap as a share of
/// the target for a mean); then the smaller q-value; then the larger n; then
/// indicator order, level order, region code and group.
public struct ShortfallEntry: Sendable, Hashable, Codable {
  public var rank: Int
  public var indicatorLabel: String
  public var kind: IndicatorKind
  public var direction: IndicatorDirection
  public var cell: ReportCell
  /// The gap on the common ranking scale (see the type's description).
  public var relativeGap: Double
}

/// A region in the drill-down tree with its cells and sub-regions.
public struct DrillNode: Sendable, Hashable, Codable {
  public var regionCode: String
  public var regionName: String
  public var level: String
  /// `false` when the level is filtered out (the node only groups its children).
  public var isShown: Bool
  public var counts: StatusCounts
  /// One cell per indicator in kit order (status `suppressed` with n = 0 where
  /// the pipeline produced no row).
  public var cells: [ReportCell]
  public var children: [DrillNode]
}

/// One indicator broken down by a roster field for the root domain.
public struct Breakdown: Sendable, Hashable, Codable {
  public var field: String
  public var fieldLabel: String
  public var indicator: String
  public var rows: [BreakdownRow]
}

/// One group of a breakdown.
public struct BreakdownRow: Sendable, Hashable, Codable {
  /// The group's value (`orphan` of `category=orphan`).
  public var value: String
  public var label: String
  public var cell: ReportCell
}
