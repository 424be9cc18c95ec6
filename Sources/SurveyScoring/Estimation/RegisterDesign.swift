import SurveySchema

/// The survey design of the child register (STATISTICS.md §1, §3): which children are
/// in it, its mode, and each child's weight, stratum and PSU.
///
/// A design field counts as given when the roster's settings name it and at least
/// one register row fills it; with none given the mode is no design (a census).
/// In Taylor mode a blank weight, stratum or psu, or a weight that is negative or
/// not finite, is an error: that child is left out of every estimate and the
/// problem is reported at its register row.
struct RegisterDesign: Sendable {
  let design: SurveyDesign
  /// The children in the design, ordered by id so that results do not depend on the
  /// order of the register's rows.
  let members: [Int]
  let diagnostics: [Diagnostic]
  private let weights: [Double]
  private let strata: CodeColumn?
  private let psus: CodeColumn?
  /// Whether the design uses strata, weights (Taylor mode only).
  var hasStrata: Bool { strata != nil }
  let hasWeights: Bool

  /// Resolves the design of the children in the register.
  /// - Parameters:
  ///   - candidates: the children in the register.
  init(sink: ScoringSink, store: UnitStore, candidates: [Int]) {
    let plan = sink.plan
    let strata = plan.strataColumn.map { store.columns[$0] }
    let psus = plan.psuColumn.map { store.columns[$0] }
    let weights = sink.weights
    func weight(_ unit: Int) -> Double { unit < weights.count ? weights[unit] : .nan }
    let hasWeight = plan.hasWeightField && candidates.contains { !weight($0).isNaN }
    let hasStratum = strata.map { column in candidates.contains { column.code(at: $0) != 0 } } ?? false
    let hasPSU = psus.map { column in candidates.contains { column.code(at: $0) != 0 } } ?? false
    design = SurveyDesign(
      hasWeight: hasWeight, hasStratum: hasStratum, hasPSU: hasPSU, lonelyPSU: plan.options.lonelyPSU)

    var problems = DesignProblems(sink: sink)
    var members: [Int] = []
    members.reserveCapacity(candidates.count)
    for unit in candidates {
      if design.mode == .taylor {
        let w = weight(unit)
        if hasWeight && w.isNaN {
          problems.add(.weight, unit: unit, "the weight is blank; in a weighted survey every child in the register needs a weight")
          continue
        }
        if hasWeight && !(w.isFinite && w >= 0) {
          problems.add(.weight, unit: unit, "the weight \(w) is not allowed; weights must be finite and zero or more")
          continue
        }
        if hasStratum, let strata, strata.code(at: unit) == 0 {
          problems.add(.stratum, unit: unit, "the stratum is blank; in a stratified survey every child in the register needs one")
          continue
        }
        if hasPSU, let psus, psus.code(at: unit) == 0 {
          problems.add(.psu, unit: unit, "the psu is blank; in a clustered survey every child in the register needs one")
          continue
        }
      }
      members.append(unit)
    }
    let ids = store.ids
    members.sort { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }
    self.members = members
    self.diagnostics = problems.diagnostics + problems.summaries
    self.weights = weights
    self.strata = hasStratum ? strata : nil
    self.psus = hasPSU ? psus : nil
    self.hasWeights = hasWeight
  }

  /// A census of `units` (the volunteer register): no design, members ordered by id.
  init(census units: [Int], store: UnitStore) {
    design = .noDesign
    let ids = store.ids
    members = units.sorted { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }
    diagnostics = []
    weights = []
    strata = nil
    psus = nil
    hasWeights = false
  }

  /// A member's weight (1 without a weight field).
  func weight(_ unit: Int) -> Double {
    guard design.mode == .taylor, unit < weights.count, !weights[unit].isNaN else { return 1 }
    return weights[unit]
  }

  /// A member's stratum id (0 without strata).
  func stratum(_ unit: Int) -> Int { strata.map { Int($0.code(at: unit)) } ?? 0 }

  /// A member's PSU id (0 without PSUs).
  func psu(_ unit: Int) -> Int { psus.map { Int($0.code(at: unit)) } ?? 0 }
}

/// Collects design problems: the first few per field are located at their register
/// row, the rest are counted in one summary line.
private struct DesignProblems {
  enum Field: String { case weight, stratum, psu }
  static let listed = 10

  let sink: ScoringSink
  var diagnostics: [Diagnostic] = []
  var counts: [Field: Int] = [:]
  var firstLocation: SourceLocation?

  init(sink: ScoringSink) {
    self.sink = sink
  }

  mutating func add(_ field: Field, unit: Int, _ message: String) {
    counts[field, default: 0] += 1
    let location = self.location(of: unit)
    if firstLocation == nil { firstLocation = location }
    if counts[field, default: 0] <= Self.listed {
      let id = sink.children.ids[unit]
      diagnostics.append(Diagnostic(.error, at: location, "child \(id): \(message); the child is left out of the estimates"))
    }
  }

  func location(of unit: Int) -> SourceLocation {
    guard unit < sink.registerRows.count, sink.registerRows[unit] > 0 else {
      return SourceLocation(file: sink.plan.kit.roster?.formID ?? "roster", row: 1, column: 0)
    }
    let fileIndex = Int(sink.registerFileIndex[unit])
    let file = fileIndex < sink.registerFiles.count ? sink.registerFiles[fileIndex] : "roster"
    return SourceLocation(file: file, row: Int(sink.registerRows[unit]), column: 0)
  }

  var summaries: [Diagnostic] {
    counts.keys.sorted { $0.rawValue < $1.rawValue }.compactMap { field in
      guard let count = counts[field], count > Self.listed, let firstLocation else { return nil }
      return Diagnostic(.error, at: firstLocation, "\(count) children in the register have a blank or unusable \(field.rawValue); all are left out of the estimates")
    }
  }
}
