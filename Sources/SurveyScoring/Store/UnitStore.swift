import SurveySchema

/// The compact store of one kind of unit (children or volunteers): interned ids, the
/// forms each unit has a response of, and one `CodeColumn` per stored field.
///
/// Memory is O(units): a few bytes per unit per stored field, never per row read.
struct UnitStore: Sendable {
  /// The ids, in order of first appearance.
  private var table = IDTable()
  /// Per unit, bit `f` set when a response of the kit's form `f` was accepted
  /// (`FormPlan.bit`).
  private(set) var formMask: [UInt32] = []
  /// The stored fields' columns, by column index.
  var columns: [CodeColumn]

  init(columnCount: Int) {
    columns = Array(repeating: CodeColumn(), count: columnCount)
  }

  /// Unit index -> id, in order of first appearance.
  var ids: [String] { table.ids }

  /// The number of units.
  var count: Int { table.count }

  /// The index of a unit, or `nil` if it was never seen.
  func unit(ofID id: String) -> Int? {
    table.index(of: id)
  }

  /// The index of a unit, interning its id when new.
  mutating func intern(_ id: String) -> Int {
    let (unit, isNew) = table.intern(id)
    if isNew { formMask.append(0) }
    return unit
  }

  /// Marks that `unit` has a response of the form with `bit`.
  mutating func markResponse(_ unit: Int, bit: UInt32) {
    formMask[unit] |= bit
  }

  /// Sets one stored value of a unit, growing the column as needed.
  mutating func set(_ value: Value?, column: Int, unit: Int) {
    if columns[column].count <= unit { columns[column].grow(to: ids.count) }
    columns[column].set(value, at: unit)
  }

  /// A stored value (`nil` = missing, also for a unit the column never reached).
  func value(column: Int, unit: Int) -> Value? {
    unit < columns[column].count ? columns[column].value(at: unit) : nil
  }

  /// A stored code (`0` = missing).
  @inline(__always)
  func code(column: Int, unit: Int) -> UInt32 {
    unit < columns[column].count ? columns[column].code(at: unit) : 0
  }

  /// Grows every column to hold every unit (after ingestion, before evaluation).
  mutating func finishGrowing() {
    for i in columns.indices { columns[i].grow(to: ids.count) }
  }
}

/// The answers of one unit, as bound expressions read them (slot = column index).
struct UnitContext: ExpressionContext {
  let store: UnitStore
  let unit: Int
  let today: String

  func answer(slot: Int) -> Answer {
    store.value(column: slot, unit: unit).map(Answer.value) ?? .blank
  }
}
