import SurveySchema

/// `scores.csv`: one row per child of the register, in register order.
///
/// Columns: `child_key` (the pseudonymised child id, see `Pseudonymizer`), `region`
/// (the child's region code as resolved in the kit's tree), `categories` (the
/// register's categories, space-separated), then every scale score (and its band,
/// `<scale>_band`, for scales with cut-offs), then every child indicator. An
/// indicator cell is `1`/`0` for a proportion, the value for a mean, `NA` when the
/// child is in the indicator's population but its value is missing, and blank when
/// the child is not in the population. Rows are produced on demand, so writing the
/// file never holds more than one row.
public struct ScoresTable: Sendable {
  /// The column names, in order.
  public let columns: [String]
  /// The children, by unit index, in register order.
  let units: [Int]
  let plan: ScoringPlan
  let store: UnitStore
  /// Region code text -> resolved code.
  let regions: [String: String]
  let pseudonymizer: Pseudonymizer

  init(plan: ScoringPlan, store: UnitStore, units: [Int], regions: [String: String]) {
    var columns = ["child_key", "region", "categories"]
    for field in plan.scaleColumns(of: .child) {
      columns.append(field.name)
      if field.hasBands { columns.append(field.name + "_band") }
    }
    columns += plan.indicators.filter { $0.unit == .child }.map(\.indicator.name)
    self.columns = columns
    self.units = units
    self.plan = plan
    self.store = store
    self.regions = regions
    self.pseudonymizer = Pseudonymizer(salt: plan.options.salt)
  }

  /// The number of rows (children in the register).
  public var count: Int { units.count }

  /// Calls `body` with each row's cells, in register order.
  public func forEachRow(_ body: ([String]) throws -> Void) rethrows {
    var evaluators = plan.indicators.filter { $0.unit == .child }.map {
      IndicatorEvaluator($0, store: store, today: plan.today)
    }
    let scales = plan.scaleColumns(of: .child)
    var row: [String] = []
    row.reserveCapacity(columns.count)
    for unit in units {
      row.removeAll(keepingCapacity: true)
      row.append(pseudonymizer.key(for: store.ids[unit]))
      let region = plan.childRegionColumn.flatMap { store.value(column: $0, unit: unit) }?.stringValue ?? ""
      row.append(regions[region] ?? region)
      row.append(plan.categoriesColumn.flatMap { store.value(column: $0, unit: unit) }?.selectedNames.joined(separator: " ") ?? "")
      for scale in scales {
        let score = store.value(column: scale.column, unit: unit)?.numberValue
        row.append(score.map { "\($0)" } ?? "")
        if scale.hasBands { row.append(scale.scorer.band(of: score).map(String.init) ?? "") }
      }
      for i in evaluators.indices {
        switch evaluators[i].outcome(unit: unit, store: store) {
        case .outside: row.append("")
        case .missing, .invalid: row.append("NA")
        case .value(let y):
          row.append(evaluators[i].bound.indicator.kind == .proportion ? (y == 1 ? "1" : "0") : "\(y)")
        }
      }
      try body(row)
    }
  }
}

extension ScoringPlan {
  /// A scale's score column with what scores.csv needs to write it.
  struct ScaleColumn {
    var name: String
    var column: Int
    var scorer: ScaleScorer
    var hasBands: Bool
  }

  /// The scales scored over one kind of unit, in kit order.
  func scaleColumns(of unit: UnitKind) -> [ScaleColumn] {
    forms.values.filter { $0.unit == unit }.flatMap(\.scales).sorted { $0.index < $1.index }.map {
      ScaleColumn(name: $0.scorer.scale.name, column: $0.scoreColumn, scorer: $0.scorer, hasBands: !$0.scorer.scale.bands.isEmpty)
    }
  }
}
