/// Reads indicators.csv, targets.csv and agreement.csv.
enum IndicatorsLoader {
  static func loadIndicators(_ columns: SheetColumns) -> ([Indicator], [Diagnostic]) {
    var loader = KitSheetLoader(columns)
    loader.diagnostics += columns.missing(["name", "area", "kind", "value"])
    var indicators: [Indicator] = []
    for row in loader.rows {
      guard let name = loader.name(in: row, what: "indicator") else { continue }
      let owner = "indicator '\(name)'"
      let area: IndicatorArea? = loader.choice("area", in: row, of: owner)
      let unit: IndicatorUnit? = loader.choice("unit", in: row, of: owner, default: .child)
      let kind: IndicatorKind? = loader.choice("kind", in: row, of: owner)
      let direction: Direction? = loader.choice("direction", in: row, of: owner, default: .higher)
      let value = loader.expression("value", in: row, message: "\(owner) has no value expression")
      guard let area, let unit, let kind, let direction, let value else { continue }
      indicators.append(
        Indicator(
          name: name, labels: columns.localized("label", in: row), area: area, unit: unit,
          kind: kind, value: value,
          population: columns.expression("population", in: row), direction: direction,
          location: columns.location("name", in: row)))
    }
    return (indicators, loader.diagnostics)
  }

  static func loadTargets(_ columns: SheetColumns) -> ([Target], [Diagnostic]) {
    var loader = KitSheetLoader(columns)
    loader.diagnostics += columns.missing(["indicator", "target"])
    var targets: [Target] = []
    var firstRow: [String: Int] = [:]
    for row in loader.rows {
      guard
        let indicator = loader.required(
          "indicator", in: row, message: "this target names no indicator")
      else {
        continue
      }
      let region = columns.optional("region", in: row)
      let owner = "indicator '\(indicator)'"
      let (value, ok) = loader.number("target", in: row, of: owner)
      guard ok else { continue }
      guard let value else {
        loader.diagnostics.append(
          Diagnostic(
            .error, at: columns.location("target", in: row), "no target value for \(owner)"))
        continue
      }
      let key = "\(indicator)\u{1F}\(region ?? "")"
      if let first = firstRow[key] {
        let place = region.map { "region \($0)" } ?? "everywhere (blank region)"
        loader.diagnostics.append(
          Diagnostic(
            .error, at: columns.location("indicator", in: row),
            "duplicate target for '\(indicator)' in \(place) (first in row \(first))"))
        continue
      }
      firstRow[key] = row.number
      targets.append(
        Target(
          indicator: indicator, region: region, target: value,
          location: columns.location("indicator", in: row),
          regionLocation: columns.location("region", in: row),
          targetLocation: columns.location("target", in: row)))
    }
    return (targets, loader.diagnostics)
  }

  static func loadAgreements(_ columns: SheetColumns) -> ([AgreementPair], [Diagnostic]) {
    var loader = KitSheetLoader(columns)
    loader.diagnostics += columns.missing(["name", "left", "right"])
    var pairs: [AgreementPair] = []
    for row in loader.rows {
      guard let name = loader.name(in: row, what: "agreement pair") else { continue }
      let left = loader.expression(
        "left", in: row, message: "agreement pair '\(name)' has no left expression")
      let right = loader.expression(
        "right", in: row, message: "agreement pair '\(name)' has no right expression")
      guard let left, let right else { continue }
      pairs.append(
        AgreementPair(
          name: name, labels: columns.localized("label", in: row), left: left, right: right,
          location: columns.location("name", in: row)))
    }
    return (pairs, loader.diagnostics)
  }
}
