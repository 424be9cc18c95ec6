import SurveyScoring

/// Everything a gap report is built from, filled in by the pipeline.
///
/// The report module does not read files itself: the caller (CareEval) passes the
/// kit's indicator and region metadata, the finished estimates (every level, every
/// breakdown group), the run's headline counts and data-quality tallies, and a
/// description of the statistical method. `GapReport(input:)` turns this into the
/// report model that every output format renders.
public struct ReportInput: Sendable, Hashable {
  /// Report title; `nil` uses the default title of the string table.
  public var title: LocalizedPair?
  /// Indicators in kit order; the report keeps this order within each area.
  public var indicators: [ReportIndicator]
  /// The region tree (every level); regions that appear only in `estimates`
  /// are added from the estimate rows.
  public var regions: [ReportRegion]
  /// All `estimates.csv` rows: every level, including `all` and the breakdown
  /// rows (`group` such as `category=orphan`).
  public var estimates: [Estimate]
  /// Labels of breakdown groups, keyed by the full group text (`category=orphan`)
  /// and of breakdown fields, keyed by the field name (`category`).
  public var groupLabels: [String: LocalizedPair]
  public var headline: ReportHeadline
  public var quality: ReportQuality
  public var methods: ReportMethods
  public var options: ReportOptions

  public init(
    title: LocalizedPair? = nil, indicators: [ReportIndicator], regions: [ReportRegion],
    estimates: [Estimate], groupLabels: [String: LocalizedPair] = [:],
    headline: ReportHeadline, quality: ReportQuality, methods: ReportMethods,
    options: ReportOptions = ReportOptions()
  ) {
    self.title = title
    self.indicators = indicators
    self.regions = regions
    self.estimates = estimates
    self.groupLabels = groupLabels
    self.headline = headline
    self.quality = quality
    self.methods = methods
    self.options = options
  }
}

/// The language a report is written in. Chinese is the default.
public enum ReportLanguage: String, Sendable, Hashable, Codable, CaseIterable {
  case zh
  case en
}

/// A text in Chinese and English (the kit's `label::zh` and `label::en`).
public struct LocalizedPair: Sendable, Hashable, Codable {
  public var zh: String
  public var en: String

  public init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }

  /// The text in `language`, falling back to the other language when blank.
  public func text(_ language: ReportLanguage) -> String {
    switch language {
    case .zh: zh.isEmpty ? en : zh
    case .en: en.isEmpty ? zh : en
    }
  }
}

/// An indicator's area (DESIGN.md §4, indicators.csv `area`).
public enum IndicatorArea: String, Sendable, Hashable, Codable, CaseIterable {
  case coverage, routine, needs, outcome, consistency, capacity
}

/// Whether an indicator is counted over children or volunteers.
public enum IndicatorUnit: String, Sendable, Hashable, Codable, CaseIterable {
  case child, volunteer
}

/// A proportion (0/1 values, estimates in [0, 1]) or a mean.
public enum IndicatorKind: String, Sendable, Hashable, Codable, CaseIterable {
  case proportion, mean
}

/// Which side of the target is good.
public enum IndicatorDirection: String, Sendable, Hashable, Codable, CaseIterable {
  case higher, lower
}

/// One indicator of the kit, as the report describes it.
public struct ReportIndicator: Sendable, Hashable, Codable {
  public var name: String
  public var label: LocalizedPair
  public var area: IndicatorArea
  public var unit: IndicatorUnit
  public var kind: IndicatorKind
  public var direction: IndicatorDirection
  /// What the indicator counts, in words.
  public var description: LocalizedPair
  /// The kit's `value` expression.
  public var expression: String
  /// The kit's `population` expression; blank means all units.
  public var population: String

  public init(
    name: String, label: LocalizedPair, area: IndicatorArea, unit: IndicatorUnit = .child,
    kind: IndicatorKind, direction: IndicatorDirection = .higher,
    description: LocalizedPair = LocalizedPair(zh: "", en: ""), expression: String = "",
    population: String = ""
  ) {
    self.name = name
    self.label = label
    self.area = area
    self.unit = unit
    self.kind = kind
    self.direction = direction
    self.description = description
    self.expression = expression
    self.population = population
  }
}

/// One region of the tree (regions.csv, or derived from GB/T 2260 codes).
public struct ReportRegion: Sendable, Hashable, Codable {
  public var code: String
  public var name: LocalizedPair
  /// `province`, `city`, `county`, or another level name of the kit.
  public var level: String
  /// The parent region's code; `nil` for a top-level region.
  public var parent: String?

  public init(code: String, name: LocalizedPair, level: String, parent: String? = nil) {
    self.code = code
    self.name = name
    self.level = level
    self.parent = parent
  }
}
