/// Streaming, mergeable sums for estimating several variables of one file in many
/// domains at once (STATISTICS.md §1–§4).
///
/// Feed every row of the file once with ``add(_:weight:stratum:psu:domains:)``,
/// including rows whose values are all missing and rows with weight 0: they stay in
/// the design and count towards the PSUs of their stratum (§3b). Then read
/// ``summaries()`` or ``estimates(for:)``.
///
/// Memory: one entry per (domain, stratum, PSU) with respondents and variable when the
/// design has PSUs; one per (domain, stratum) and variable otherwise (no-design mode,
/// or Taylor mode where every row is its own PSU); plus the PSU list of the design.
/// It never grows with rows unless the PSUs do.
///
/// Accumulators built from disjoint sets of rows of one file (chunks, threads,
/// provinces), with ids from the same interners, combine with ``merge(_:)``. Merging
/// is commutative and associative: counts exactly, sums and moments to rounding
/// (about 1e-15 relative; the tests check 1e-12). Estimates do not depend on the
/// chunking or the order of rows beyond that rounding.
public struct SurveyAccumulator: Sendable {
  /// The design of the file.
  public let design: SurveyDesign
  /// The kind of each variable, indexed like the values passed to `add`.
  public let kinds: [MeasureKind]

  /// Cell keys by slot; a cell is (domain, stratum, PSU), with PSU 0 when the design
  /// keeps moments, and stratum 0 as well in no-design mode.
  var keys: [CellKey] = []
  var slots: [CellKey: Int] = [:]
  /// `kinds.count` entries per slot, used when `design.hasPSU`.
  var totals: [PSUTotal] = []
  /// `kinds.count` entries per slot, used otherwise.
  var moments: [ClusterMoments] = []
  /// The design's PSUs (stratum, psu) of the whole file, when `design.hasPSU`.
  var designPSUs: Set<PSUKey> = []
  /// Rows per stratum of the whole file, when every row is its own PSU.
  var designRows: [Int: Int] = [:]

  /// Creates an empty accumulator.
  ///
  /// - Parameters:
  ///   - design: the design of the file whose rows will be added.
  ///   - kinds: one kind per variable; proportions accept only 0 and 1.
  public init(design: SurveyDesign, kinds: [MeasureKind]) {
    self.design = design
    self.kinds = kinds
  }

  /// Creates an empty accumulator for one variable.
  public init(design: SurveyDesign, kind: MeasureKind) {
    self.init(design: design, kinds: [kind])
  }

  /// Adds one row of the file.
  ///
  /// - Parameters:
  ///   - values: one value per variable; `nil` is missing.
  ///   - weight: the row's weight (≥ 0, finite); ignored in no-design mode.
  ///   - stratum: the stratum id; ignored in no-design mode.
  ///   - psu: the PSU id within its stratum; ignored unless `design.hasPSU`.
  ///   - domains: the ids of every domain the row belongs to (region at each level,
  ///     subgroups, the whole file…). Each id at most once.
  /// - Throws: ``EstimationError`` for a bad weight, a non-finite value or a
  ///   proportion value other than 0 and 1; the accumulator is then unchanged.
  public mutating func add(
    _ values: [Double?], weight: Double, stratum: Int, psu: Int, domains: some Sequence<Int>
  ) throws(EstimationError) {
    precondition(values.count == kinds.count, "one value per variable")
    let isTaylor = design.mode == .taylor
    if isTaylor {
      guard weight.isFinite, weight >= 0 else { throw EstimationError(.invalidWeight(weight)) }
    }
    for (index, value) in values.enumerated() {
      guard let y = value else { continue }
      guard y.isFinite else { throw EstimationError(.invalidValue(y), variable: index) }
      if kinds[index] == .proportion && y != 0 && y != 1 {
        throw EstimationError(.notBinary(y), variable: index)
      }
    }
    let w = isTaylor ? weight : 1
    let h = isTaylor ? stratum : 0
    let j = design.hasPSU ? psu : 0
    if design.hasPSU {
      designPSUs.insert(PSUKey(stratum: h, psu: j))
    } else if isTaylor {
      designRows[h, default: 0] += 1
    }
    guard w > 0 else { return }
    let width = kinds.count
    for domain in domains {
      let base = slot(for: CellKey(domain: domain, stratum: h, psu: j)) * width
      for (index, value) in values.enumerated() {
        guard let y = value else { continue }
        if design.hasPSU {
          totals[base + index].add(y, weight: w)
        } else {
          moments[base + index].addRow(y, weight: w)
        }
      }
    }
  }

  /// Adds one row of a single-variable accumulator.
  public mutating func add(
    _ value: Double?, weight: Double, stratum: Int, psu: Int, domains: some Sequence<Int>
  ) throws(EstimationError) {
    try add([value], weight: weight, stratum: stratum, psu: psu, domains: domains)
  }

  /// Adds one row in no-design mode (weight 1, no strata or PSUs).
  public mutating func add(_ values: [Double?], domains: some Sequence<Int>) throws(EstimationError)
  {
    try add(values, weight: 1, stratum: 0, psu: 0, domains: domains)
  }

  /// The slot of a cell, creating empty entries on first use.
  mutating func slot(for key: CellKey) -> Int {
    if let existing = slots[key] { return existing }
    let created = keys.count
    slots[key] = created
    keys.append(key)
    if design.hasPSU {
      totals.append(contentsOf: repeatElement(PSUTotal(), count: kinds.count))
    } else {
      moments.append(contentsOf: repeatElement(ClusterMoments(), count: kinds.count))
    }
    return created
  }
}

/// A (domain, stratum, PSU) cell.
struct CellKey: Hashable, Sendable, Comparable {
  var domain: Int
  var stratum: Int
  var psu: Int

  static func < (a: CellKey, b: CellKey) -> Bool {
    (a.domain, a.stratum, a.psu) < (b.domain, b.stratum, b.psu)
  }
}

/// A PSU of the design: PSU labels are nested in strata.
struct PSUKey: Hashable, Sendable {
  var stratum: Int
  var psu: Int
}
