import SurveySchema

/// The groups of a breakdown (`--by`) and which groups each stored value falls in.
///
/// A select_one or text field puts a child in one group, a select_multiple in one
/// group per selected choice, `age_band` in the band of its age in the reference
/// year. A blank value puts the child in no group (STATISTICS.md §1).
struct GroupMap: Sendable {
  /// Group labels in output order (`category=orphan`), without the blank group.
  let labels: [String]
  /// Per stored code of the breakdown column (index = code), the group numbers
  /// (1-based, 0 being the blank group of the catalog).
  let groupsByCode: [[Int]]
  let column: Int?

  /// No breakdown.
  init() {
    labels = []
    groupsByCode = []
    column = nil
  }

  init(breakdown: Breakdown, column: CodeColumn) {
    var namesByCode: [[String]] = [[]]
    for value in column.values {
      switch breakdown.source {
      case .values:
        switch value {
        case .choices(let names): namesByCode.append(names)
        default: namesByCode.append(value.stringValue.isEmpty ? [] : [value.stringValue])
        }
      case .ageBand(let year):
        let born: Int?
        switch value {
        case .number(let x): born = x.isFinite ? Int(x) : nil
        default: born = Int(value.stringValue.prefix(4))
        }
        namesByCode.append(born.flatMap { AgeBand.name(forAge: year - $0) }.map { [$0] } ?? [])
      }
    }
    let seen = Set(namesByCode.joined())
    let ordered = breakdown.order.filter(seen.contains) + seen.subtracting(breakdown.order).sorted()
    var number: [String: Int] = [:]
    for (i, name) in ordered.enumerated() { number[name] = i + 1 }
    labels = ordered.map { "\(breakdown.label)=\($0)" }
    groupsByCode = namesByCode.map { names in
      var groups: [Int] = []
      for name in names { if let g = number[name], !groups.contains(g) { groups.append(g) } }
      return groups
    }
    self.column = breakdown.column
  }

  /// The groups of a unit, given its stored code of the breakdown column.
  func groups(code: UInt32) -> [Int] {
    Int(code) < groupsByCode.count ? groupsByCode[Int(code)] : []
  }
}
