/// Cell text of the CSV outputs: numbers as Swift's shortest round-trip decimal
/// (`0.75`, `1.0`, `6.4e-05`), blanks for NA, integers as digits.
enum CSVCell {
  static func number(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "" }
    return "\(x)"
  }
}

extension Estimate {
  /// The row's cells in the order of `csvColumns`. A suppressed row keeps only n,
  /// target and status (DESIGN.md §6).
  public var csvFields: [String] {
    let published = status != .suppressed
    func shown(_ x: Double?) -> String { published ? CSVCell.number(x) : "" }
    return [
      indicator, regionCode, regionName, level, group, String(n), shown(estimate), shown(se), shown(ciLow),
      shown(ciHigh), shown(df), CSVCell.number(target), status.rawValue, shown(pValue), shown(qValue),
    ]
  }
}

extension ReliabilityEstimate {
  /// The row's cells in the order of `csvColumns`.
  public var csvFields: [String] {
    [scale, regionCode, regionName, level, String(n), String(items), CSVCell.number(alpha)]
  }
}

extension AgreementEstimate {
  /// The row's cells in the order of `csvColumns`.
  public var csvFields: [String] {
    [
      pair, regionCode, regionName, level, String(n), CSVCell.number(agreement), CSVCell.number(kappa),
      CSVCell.number(kappaSE),
    ]
  }
}
