import SurveyScoring

extension GapReport {
  /// The report's estimates as `estimates.csv` (DESIGN.md §6): the contract
  /// columns in order, one row per estimate in scope, numbers as shortest
  /// round-trip decimals, blanks for NA. A suppressed row keeps only n, target
  /// and status. UTF-8 without BOM and LF line ends unless asked otherwise.
  /// - Parameters:
  ///   - byteOrderMark: start with a UTF-8 BOM (Excel on Chinese Windows).
  ///   - crlf: end lines with CR LF instead of LF.
  public func estimatesCSV(byteOrderMark: Bool = false, crlf: Bool = false) -> String {
    EstimatesCSV.text(estimates, byteOrderMark: byteOrderMark, crlf: crlf)
  }
}

/// Writes estimate rows as RFC 4180 CSV.
enum EstimatesCSV {
  static func text(_ rows: [Estimate], byteOrderMark: Bool, crlf: Bool) -> String {
    let end = crlf ? "\r\n" : "\n"
    var out = byteOrderMark ? "\u{FEFF}" : ""
    out += Estimate.csvColumns.joined(separator: ",") + end
    for row in rows {
      out += fields(row).map(quote).joined(separator: ",") + end
    }
    return out
  }

  /// The row's cells in contract order.
  static func fields(_ row: Estimate) -> [String] {
    let published = row.status != .suppressed
    func number(_ x: Double?, publish: Bool = published) -> String {
      guard publish, let x else { return "" }
      return "\(x)"
    }
    return [
      row.indicator, row.regionCode, row.regionName, row.level, row.group, "\(row.n)",
      number(row.estimate), number(row.se), number(row.ciLow), number(row.ciHigh), number(row.df),
      number(row.target, publish: true), row.status.rawValue, number(row.pValue),
      number(row.qValue),
    ]
  }

  /// Quotes a field when it holds a comma, quote, CR or LF (RFC 4180).
  static func quote(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
      return field
    }
    return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }
}
