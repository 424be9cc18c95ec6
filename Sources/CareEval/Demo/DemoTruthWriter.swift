import Foundation
import SurveySchema

/// The census value of each indicator in one county: the count of units with a value and
/// the sum of their values (1/0 for a proportion).
struct CensusTally: Sendable {
  private(set) var n: [Int]
  private(set) var sum: [Double]

  init(count: Int) {
    n = Array(repeating: 0, count: count)
    sum = Array(repeating: 0, count: count)
  }

  /// Adds one unit's values for the indicators of `unit`.
  mutating func add(_ values: [Double?], unit: IndicatorUnit, indicators: [Indicator]) {
    for (index, value) in values.enumerated() where indicators[index].unit == unit {
      guard let value else { continue }
      n[index] += 1
      sum[index] += value
    }
  }

  /// The census value of indicator `index`, or nil when no unit has one.
  func value(_ index: Int) -> Double? { n[index] > 0 ? sum[index] / Double(n[index]) : nil }
}

/// Writes truth.csv: per county and indicator, the target, where the county was planted
/// relative to it, the generating parameter and the census value (docs/demo-data.md §7).
struct DemoTruthWriter {
  static let header = [
    "indicator", "region_code", "region_name", "level", "unit", "kind", "direction", "target",
    "planted",
    "parameter", "census_value", "census_n",
  ]
  private let file: DemoCSVFile
  private let kit: Kit

  init(directory: String, kit: Kit) throws(DemoError) {
    self.kit = kit
    file = try DemoCSVFile(
      directory: directory, name: "truth.csv", dialect: DemoDialect(encoding: .utf8))
    try file.write(Self.header)
  }

  mutating func write(
    county: DemoCounty, model: CountyModel, formulas: TruthFormulas, tally: CensusTally
  )
    throws(DemoError)
  {
    let parameters = formulas.parameters(model: model)
    for (index, indicator) in kit.indicators.enumerated() {
      let target = kit.target(for: indicator.name, in: county.code)?.target
      let parameter = parameters[indicator.name]
      var planted = ""
      if let target, let parameter {
        planted =
          PlantedClass.of(parameter, target: target, direction: indicator.direction).rawValue
      }
      try file.write([
        indicator.name, county.code, county.name, "county", indicator.unit.rawValue,
        indicator.kind.rawValue,
        indicator.direction.rawValue, target.map(Self.number) ?? "", planted,
        parameter.map(Self.number) ?? "",
        tally.value(index).map(Self.number) ?? "", String(tally.n[index]),
      ])
    }
  }

  func close() throws(DemoError) { try file.close() }

  /// A number in the shortest text that reads back to the same double.
  static func number(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return "\(x)"
  }
}

/// Progress on standard error while generating, only when it is a terminal.
struct DemoProgress {
  let total: Int
  let enabled: Bool
  private(set) var done = 0
  private var next = 0

  init(total: Int, enabled: Bool) {
    self.total = total
    self.enabled = enabled && isatty(2) != 0
  }

  mutating func advance() {
    done += 1
    guard enabled, done >= next else { return }
    next = done + max(1, total / 200)
    let percent = total > 0 ? done * 100 / total : 100
    FileHandle.standardError.write(
      Data("\rcareeval demo: \(done) of \(total) children (\(percent)%)".utf8))
  }

  func finish() {
    guard enabled else { return }
    FileHandle.standardError.write(
      Data("\rcareeval demo: \(done) of \(total) children (100%)\n".utf8))
  }
}
