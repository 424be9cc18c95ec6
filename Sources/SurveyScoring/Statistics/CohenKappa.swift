import Foundation

/// Streaming, mergeable agreement between two informants on one nominal question:
/// percent agreement and Cohen's kappa with the asymptotic SE of Fleiss, Cohen and
/// Everitt (1969) (STATISTICS.md §10).
///
/// Categories are integer ids from one interner shared by both informants. Only
/// pairs where both answered count; the categories are those observed in them.
public struct CohenKappa: Sendable, Hashable {
  /// Whether pairs are weighted (point estimate of R `svykappa`; no SE then).
  public let isWeighted: Bool
  /// Complete pairs.
  public private(set) var n = 0
  private var cells: [Pair: Double] = [:]

  private struct Pair: Hashable, Sendable, Comparable {
    var first: Int
    var second: Int
    static func < (a: Pair, b: Pair) -> Bool { (a.first, a.second) < (b.first, b.second) }
  }

  /// Creates an empty table.
  ///
  /// - Parameter weighted: use the weights passed to ``add(_:_:weight:)``.
  public init(weighted: Bool = false) {
    self.isWeighted = weighted
  }

  /// Adds one pair of answers; a pair with a missing answer is skipped.
  ///
  /// - Throws: ``EstimationError`` for a bad weight (when weighted).
  public mutating func add(_ first: Int?, _ second: Int?, weight: Double = 1)
    throws(EstimationError)
  {
    let w = isWeighted ? weight : 1
    guard w.isFinite, w >= 0 else { throw EstimationError(.invalidWeight(weight)) }
    guard let first, let second, w > 0 else { return }
    n += 1
    cells[Pair(first: first, second: second), default: 0] += w
  }

  /// Adds the pairs of another table.
  public mutating func merge(_ other: CohenKappa) {
    precondition(isWeighted == other.isWeighted, "merging weighted and unweighted tables")
    n += other.n
    cells.merge(other.cells, uniquingKeysWith: +)
  }

  /// Percent agreement, kappa and its SE.
  public var result: KappaResult {
    guard n > 0 else { return KappaResult(n: 0, agreement: nil, kappa: nil, se: nil) }
    let ordered = cells.sorted { $0.key < $1.key }
    let total = ordered.reduce(0.0) { $0 + $1.value }
    var rows: [Int: Double] = [:]
    var columns: [Int: Double] = [:]
    var observed = 0.0
    for (pair, weight) in ordered {
      let p = weight / total
      rows[pair.first, default: 0] += p
      columns[pair.second, default: 0] += p
      if pair.first == pair.second { observed += p }
    }
    let categories = Set(rows.keys).union(columns.keys).sorted()
    let expected = categories.reduce(0.0) { $0 + (rows[$1] ?? 0) * (columns[$1] ?? 0) }
    guard expected != 1 else { return KappaResult(n: n, agreement: observed, kappa: nil, se: nil) }
    let kappa = (observed - expected) / (1 - expected)
    guard !isWeighted else { return KappaResult(n: n, agreement: observed, kappa: kappa, se: nil) }
    var sum = 0.0
    for (pair, weight) in ordered {
      let p = weight / total
      if pair.first == pair.second {
        let margin = (rows[pair.first] ?? 0) + (columns[pair.first] ?? 0)
        let term = 1 - margin * (1 - kappa)
        sum += p * term * term
      } else {
        let margin = (columns[pair.first] ?? 0) + (rows[pair.second] ?? 0)
        sum += (1 - kappa) * (1 - kappa) * p * margin * margin
      }
    }
    let shift = kappa - expected * (1 - kappa)
    let variance = (sum - shift * shift) / (Double(n) * (1 - expected) * (1 - expected))
    return KappaResult(n: n, agreement: observed, kappa: kappa, se: max(0, variance).squareRoot())
  }
}

/// Agreement between two informants (`agreement.csv`).
public struct KappaResult: Sendable, Hashable, Codable {
  /// Pairs where both answered.
  public var n: Int
  /// Percent agreement p_o as a proportion; `nil` when n = 0.
  public var agreement: Double?
  /// Cohen's kappa; `nil` when n = 0 or p_e = 1.
  public var kappa: Double?
  /// Asymptotic SE of kappa (unweighted tables only).
  public var se: Double?

  /// Creates a result.
  public init(n: Int, agreement: Double?, kappa: Double?, se: Double?) {
    self.n = n
    self.agreement = agreement
    self.kappa = kappa
    self.se = se
  }
}
