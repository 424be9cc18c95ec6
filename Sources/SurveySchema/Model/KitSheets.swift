/// How a scale combines its items.
public enum ScaleMethod: String, Sendable, Hashable, CaseIterable {
  /// The mean of the valid items.
  case mean
  /// The sum of the valid items (prorated rules are the scorer's business).
  case sum
}

/// A row of `scales.csv`: a score computed from items of one instrument.
public struct Scale: Sendable, Hashable {
  /// The scale's name; expressions refer to it like a question (`${wellbeing}`).
  public var name: String
  /// Labels by language.
  public var labels: LocalizedText
  /// The form_id of the instrument holding the items.
  public var form: String
  /// The item question names, in order.
  public var items: [String]
  /// The items scored reversed (`itemMin + itemMax - x`); a subset of `items`.
  public var reverse: [String]
  /// Mean or sum.
  public var method: ScaleMethod
  /// The fewest answered items for a valid score; `nil` = all items.
  public var minValid: Int?
  /// The lowest item value (for reversing); `nil` = from the items' choice values.
  public var itemMin: Double?
  /// The highest item value (for reversing); `nil` = from the items' choice values.
  public var itemMax: Double?
  /// Optional ascending cut-offs that split scores into bands.
  public var bands: [Double]
  /// The row; the column is the `name` cell.
  public var location: SourceLocation
  /// The `items` cell (for messages about items).
  public var itemsLocation: SourceLocation
  /// The `reverse` cell.
  public var reverseLocation: SourceLocation
  /// The `form` cell.
  public var formLocation: SourceLocation

  /// Creates a scale.
  public init(
    name: String, labels: LocalizedText = .init(), form: String, items: [String],
    reverse: [String] = [], method: ScaleMethod = .mean, minValid: Int? = nil,
    itemMin: Double? = nil, itemMax: Double? = nil, bands: [Double] = [],
    location: SourceLocation, itemsLocation: SourceLocation? = nil,
    reverseLocation: SourceLocation? = nil,
    formLocation: SourceLocation? = nil
  ) {
    self.name = name
    self.labels = labels
    self.form = form
    self.items = items
    self.reverse = reverse
    self.method = method
    self.minValid = minValid
    self.itemMin = itemMin
    self.itemMax = itemMax
    self.bands = bands
    self.location = location
    self.itemsLocation = itemsLocation ?? location
    self.reverseLocation = reverseLocation ?? location
    self.formLocation = formLocation ?? location
  }
}

/// The programme area an indicator belongs to.
public enum IndicatorArea: String, Sendable, Hashable, CaseIterable {
  /// Who is reached: children paired, needs covered (应结尽结).
  case coverage
  /// The care routine: contact frequency, activities (e.g. Chongqing's "6+1").
  case routine
  /// The five need areas and their matching services.
  case needs
  /// How the children are doing: scale scores and their changes.
  case outcome
  /// Whether informants agree (triangulation).
  case consistency
  /// Volunteer capacity: training, speciality.
  case capacity
}

/// What an indicator counts: children or volunteers.
public enum IndicatorUnit: String, Sendable, Hashable, CaseIterable {
  /// One value per child (the roster and the questionnaires about children).
  case child
  /// One value per volunteer (the volunteer register).
  case volunteer
}

/// Whether an indicator is a share (value boolean) or a mean (value numeric).
public enum IndicatorKind: String, Sendable, Hashable, CaseIterable {
  /// The share of units whose (true/false) value is true.
  case proportion
  /// The mean of a numeric value.
  case mean
}

/// Which way is better for an indicator.
public enum Direction: String, Sendable, Hashable, CaseIterable {
  /// Higher values are better.
  case higher
  /// Lower values are better.
  case lower
}

/// A row of `indicators.csv`.
public struct Indicator: Sendable, Hashable {
  /// The indicator's name (targets refer to it).
  public var name: String
  /// Labels by language.
  public var labels: LocalizedText
  /// The programme area.
  public var area: IndicatorArea
  /// Children or volunteers.
  public var unit: IndicatorUnit
  /// Proportion or mean.
  public var kind: IndicatorKind
  /// The per-unit value: boolean for a proportion, numeric for a mean.
  public var value: ExpressionSource
  /// Which units count; `nil` = all units.
  public var population: ExpressionSource?
  /// Whether higher or lower values are better.
  public var direction: Direction
  /// The row; the column is the `name` cell.
  public var location: SourceLocation

  /// Creates an indicator.
  public init(
    name: String, labels: LocalizedText = .init(), area: IndicatorArea, unit: IndicatorUnit,
    kind: IndicatorKind, value: ExpressionSource, population: ExpressionSource? = nil,
    direction: Direction = .higher, location: SourceLocation
  ) {
    self.name = name
    self.labels = labels
    self.area = area
    self.unit = unit
    self.kind = kind
    self.value = value
    self.population = population
    self.direction = direction
    self.location = location
  }
}

/// A row of `targets.csv`: the level an indicator should reach in a region.
public struct Target: Sendable, Hashable {
  /// The indicator's name.
  public var indicator: String
  /// The region code; `nil` = everywhere. A region inherits its nearest ancestor's target.
  public var region: String?
  /// The target value (a share in [0, 1] for proportions).
  public var target: Double
  /// The row; the column is the `indicator` cell.
  public var location: SourceLocation
  /// The `region` cell.
  public var regionLocation: SourceLocation
  /// The `target` cell.
  public var targetLocation: SourceLocation

  /// Creates a target.
  public init(
    indicator: String, region: String? = nil, target: Double, location: SourceLocation,
    regionLocation: SourceLocation? = nil, targetLocation: SourceLocation? = nil
  ) {
    self.indicator = indicator
    self.region = region
    self.target = target
    self.location = location
    self.regionLocation = regionLocation ?? location
    self.targetLocation = targetLocation ?? location
  }
}

/// A row of `agreement.csv`: two informants' reports of the same thing.
public struct AgreementPair: Sendable, Hashable {
  /// The pair's name.
  public var name: String
  /// Labels by language.
  public var labels: LocalizedText
  /// What the first informant reports.
  public var left: ExpressionSource
  /// What the second informant reports.
  public var right: ExpressionSource
  /// The row; the column is the `name` cell.
  public var location: SourceLocation

  /// Creates an agreement pair.
  public init(
    name: String, labels: LocalizedText = .init(), left: ExpressionSource, right: ExpressionSource,
    location: SourceLocation
  ) {
    self.name = name
    self.labels = labels
    self.left = left
    self.right = right
    self.location = location
  }
}
