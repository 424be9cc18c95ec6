/// Streaming, mergeable Cronbach's alpha of one scale (STATISTICS.md §9).
///
/// Listwise deletion: only rows where every item is present count.
/// `alpha = k/(k − 1) · (1 − Σ_j var(x_j) / var(Σ_j x_j))`, with sample variances
/// (unweighted, the default) or weighted variances `Σ w(x − x̄_w)²/Σ w` (R
/// `svycralpha`). Both variance denominators cancel in the ratio.
public struct CronbachAlpha: Sendable, Hashable {
  /// The number of items k.
  public let itemCount: Int
  /// Whether rows are weighted.
  public let isWeighted: Bool
  /// Complete rows (with weight > 0 when weighted).
  public private(set) var n = 0
  private var items: [WeightedMoments]
  private var total = WeightedMoments()

  /// Creates an empty accumulator.
  ///
  /// - Parameters:
  ///   - itemCount: the number of items k of the scale.
  ///   - weighted: use the weights passed to ``add(_:weight:)``; unweighted by default.
  public init(itemCount: Int, weighted: Bool = false) {
    self.itemCount = itemCount
    self.isWeighted = weighted
    self.items = Array(repeating: WeightedMoments(), count: itemCount)
  }

  /// Adds one row's item values; a row with any item missing is skipped.
  ///
  /// - Parameters:
  ///   - values: one value per item, in scale order (after reverse scoring).
  ///   - weight: the row weight, used only when weighted.
  /// - Throws: ``EstimationError`` for a non-finite value or a bad weight.
  public mutating func add(_ values: [Double?], weight: Double = 1) throws(EstimationError) {
    precondition(values.count == itemCount, "one value per item")
    let w = isWeighted ? weight : 1
    guard w.isFinite, w >= 0 else { throw EstimationError(.invalidWeight(weight)) }
    var complete: [Double] = []
    complete.reserveCapacity(itemCount)
    for (index, value) in values.enumerated() {
      guard let x = value else { return }
      guard x.isFinite else { throw EstimationError(.invalidValue(x), variable: index) }
      complete.append(x)
    }
    guard w > 0 else { return }
    n += 1
    for (index, x) in complete.enumerated() { items[index].add(x, weight: w) }
    total.add(complete.reduce(0, +), weight: w)
  }

  /// Adds the rows of another accumulator of the same scale.
  public mutating func merge(_ other: CronbachAlpha) {
    precondition(
      itemCount == other.itemCount && isWeighted == other.isWeighted, "merging different scales")
    n += other.n
    for index in items.indices { items[index].merge(other.items[index]) }
    total.merge(other.total)
  }

  /// Alpha, or `nil` (NA) when k < 2, n < 2 or the total score does not vary.
  /// Alpha can be negative and is reported as computed.
  public var alpha: Double? {
    guard itemCount >= 2, n >= 2, total.squares > 0 else { return nil }
    let k = Double(itemCount)
    let itemSquares = items.reduce(0) { $0 + $1.squares }
    return k / (k - 1) * (1 - itemSquares / total.squares)
  }
}
