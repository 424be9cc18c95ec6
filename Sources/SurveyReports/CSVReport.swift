import CSVStream
import SurveyScoring

extension GapReport {
  /// Writes the report's estimates as `estimates.csv` (DESIGN.md §6): the contract
  /// columns in order, one row per estimate in scope, numbers as shortest
  /// round-trip decimals, blanks for NA; a suppressed row keeps only n, target
  /// and status. UTF-8 without BOM and LF line ends unless asked otherwise.
  /// Calls CSVStream's `CSVWriter` (RFC 4180 quoting).
  /// - Parameters:
  ///   - path: Where to write.
  ///   - byteOrderMark: Start with a UTF-8 BOM (Excel on Chinese Windows).
  ///   - crlf: End lines with CR LF instead of LF.
  /// - Throws: ``ReportError`` when the file cannot be written.
  public func writeEstimatesCSV(to path: String, byteOrderMark: Bool = false, crlf: Bool = false)
    throws(ReportError)
  {
    do {
      let writer = try CSVWriter(path: path, options: CSVWriterOptions(crlf: crlf, bom: byteOrderMark))
      try writer.write(Estimate.csvColumns)
      for row in estimates { try writer.write(Self.csvFields(row)) }
      try writer.close()
    } catch {
      throw .cannotWrite(path, error.description)
    }
  }

  /// One estimate's cells in contract order; numbers use Swift's shortest
  /// round-trip spelling (`"\(double)"`).
  static func csvFields(_ row: Estimate) -> [String] {
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
}
