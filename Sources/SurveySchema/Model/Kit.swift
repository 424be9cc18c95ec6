/// A survey kit: the instruments, scales, indicators, targets, agreement pairs and
/// regions of one evaluation, loaded from a folder of CSV sheets (DESIGN.md §4).
public struct Kit: Sendable, Hashable {
  /// The kit folder as given to the loader.
  public var root: String
  /// The instruments, sorted by folder name.
  public var instruments: [Instrument]
  /// The rows of scales.csv.
  public var scales: [Scale]
  /// The rows of indicators.csv.
  public var indicators: [Indicator]
  /// The rows of targets.csv.
  public var targets: [Target]
  /// The rows of agreement.csv.
  public var agreements: [AgreementPair]
  /// The region tree: from regions.csv, or derived from codes (empty until data is seen).
  public var regions: RegionTree

  /// Creates a kit.
  public init(
    root: String, instruments: [Instrument] = [], scales: [Scale] = [],
    indicators: [Indicator] = [],
    targets: [Target] = [], agreements: [AgreementPair] = [],
    regions: RegionTree = RegionTree(isDerived: true)
  ) {
    self.root = root
    self.instruments = instruments
    self.scales = scales
    self.indicators = indicators
    self.targets = targets
    self.agreements = agreements
    self.regions = regions
  }

  /// The instrument with this form_id, or `nil`.
  public func instrument(formID: String) -> Instrument? {
    instruments.first { $0.formID == formID }
  }

  /// The instruments answered by this respondent, in kit order.
  public func instruments(for respondent: Respondent) -> [Instrument] {
    instruments.filter { $0.respondent == respondent }
  }

  /// The child register (the instrument whose respondent is `roster`), if any.
  public var roster: Instrument? { instruments.first { $0.respondent == .roster } }

  /// The scale with this name, or `nil`.
  public func scale(named name: String) -> Scale? {
    scales.first { $0.name == name }
  }

  /// The indicator with this name, or `nil`.
  public func indicator(named name: String) -> Indicator? {
    indicators.first { $0.name == name }
  }

  /// The agreement pair with this name, or `nil`.
  public func agreement(named name: String) -> AgreementPair? {
    agreements.first { $0.name == name }
  }

  /// The targets of one indicator, in sheet order.
  public func targets(for indicator: String) -> [Target] {
    targets.filter { $0.indicator == indicator }
  }

  /// The target that applies to an indicator in a region: the region's own, else its
  /// nearest ancestor's, else the kit-wide one (blank region); `nil` when none.
  /// - Parameters:
  ///   - indicator: the indicator's name.
  ///   - region: a region code, or `nil` for the whole data set.
  public func target(for indicator: String, in region: String?) -> Target? {
    let candidates = targets(for: indicator)
    if let region {
      let resolved = regions.resolve(region) ?? region
      let chain = [resolved] + regions.ancestors(of: resolved).map(\.code)
      for code in chain {
        if let hit = candidates.first(where: { $0.region.map { regions.resolve($0) ?? $0 } == code }
        ) {
          return hit
        }
      }
    }
    return candidates.first { $0.region == nil }
  }
}
