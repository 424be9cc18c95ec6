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
    // Cell texts are made once per distinct stored value or outcome, not per child.
    var outcomeTexts = Array(repeating: [String](), count: evaluators.count)
    let scales = plan.scaleColumns(of: .child)
    let scoreTexts = scales.map { scale in
      [""] + store.columns[scale.column].values.map { "\($0.numberValue)" }
    }
    let bandTexts = scales.map { scale in
      [""] + store.columns[scale.column].values.map { scale.scorer.band(of: $0.numberValue).map(String.init) ?? "" }
    }
    let regionTexts = plan.childRegionColumn.map { column in
      [""] + store.columns[column].values.map { regions[$0.stringValue] ?? $0.stringValue }
    }
    let categoryTexts = plan.categoriesColumn.map { column in
      [""] + store.columns[column].values.map { $0.selectedNames.joined(separator: " ") }
    }
    let scaleColumns = scales.map(\.column)
    let scaleHasBands = scales.map(\.hasBands)
    var row: [String] = []
    row.reserveCapacity(columns.count)
    for unit in units {
      row.removeAll(keepingCapacity: true)
      row.append(pseudonymizer.key(for: store.ids[unit]))
      if let column = plan.childRegionColumn, let regionTexts {
        row.append(regionTexts[Int(store.code(column: column, unit: unit))])
      } else {
        row.append("")
      }
      if let column = plan.categoriesColumn, let categoryTexts {
        row.append(categoryTexts[Int(store.code(column: column, unit: unit))])
      } else {
        row.append("")
      }
      for i in scaleColumns.indices {
        let code = Int(store.code(column: scaleColumns[i], unit: unit))
        row.append(scoreTexts[i][code])
        if scaleHasBands[i] { row.append(bandTexts[i][code]) }
      }
      for i in evaluators.indices {
        guard let index = evaluators[i].outcomeIndex(unit: unit, store: store) else {
          row.append(Self.text(evaluators[i].outcome(unit: unit, store: store), isProportion: evaluators[i].isProportion))
          continue
        }
        while outcomeTexts[i].count <= index {
          let outcome = evaluators[i].outcomes[outcomeTexts[i].count]
          outcomeTexts[i].append(Self.text(outcome, isProportion: evaluators[i].isProportion))
        }
        row.append(outcomeTexts[i][index])
      }
      try body(row)
    }
  }

  private static func text(_ outcome: IndicatorOutcome, isProportion: Bool) -> String {
    switch outcome {
    case .outside: ""
    case .missing, .invalid: "NA"
    case .value(let y): isProportion ? (y == 1 ? "1" : "0") : "\(y)"
    }
  }
}

extension ScoringPlan {
  /// A scale's columns with what scores.csv and reliability need.
  struct ScaleColumn: Sendable {
    var name: String
    var column: Int
    var itemColumns: [Int]
    var scorer: ScaleScorer
    var hasBands: Bool { !scorer.bands.isEmpty }
  }

  /// The scales scored over one kind of unit, in kit order.
  func scaleColumns(of unit: UnitKind) -> [ScaleColumn] {
    forms.values.filter { $0.unit == unit }.flatMap(\.scales).sorted { $0.index < $1.index }.map {
      ScaleColumn(name: $0.scorer.name, column: $0.scoreColumn, itemColumns: $0.itemColumns, scorer: $0.scorer)
    }
  }
}
