import Foundation
import SurveyScoring

extension GapReport {
  /// The creation time written into every workbook (2000-01-01T00:00:00Z), so that
  /// the same report always gives a byte-identical file.
  public static let fixedCreationTime: Int = 946_684_800

  /// Writes the report as an Excel workbook with the sheets Summary, Shortfalls,
  /// Estimates and Data quality: header rows frozen, proportions as `0.0%`, means
  /// as `0.00`, status cells coloured as in the HTML report.
  /// - Throws: ``ReportError`` naming the libxlsxwriter call that failed; no
  ///   half-written file is left behind.
  public func writeXLSX(to path: String) throws(ReportError) {
    let book = try XLSXWorkbook(path: path)
    try book.setProperties(title: title, subject: subtitle, created: time_t(Self.fixedCreationTime))
    let writer = XLSXReportWriter(report: self, book: book)
    try writer.summary(try book.addSheet("Summary"))
    try writer.shortfalls(try book.addSheet("Shortfalls"))
    try writer.estimates(try book.addSheet("Estimates"))
    try writer.quality(try book.addSheet("Data quality"))
    try book.close()
  }
}

/// Fills the sheets of the report's workbook.
struct XLSXReportWriter {
  let report: GapReport
  let book: XLSXWorkbook
  let kinds: [String: IndicatorKind]
  let labels: [String: String]
  var language: ReportLanguage { report.language }

  init(report: GapReport, book: XLSXWorkbook) {
    self.report = report
    self.book = book
    let lookup = IndicatorLookup(report)
    self.kinds = lookup.kinds
    self.labels = lookup.labels
  }

  func t(_ phrase: Phrase) -> String { phrase.text(language) }

  /// The number style of an indicator's values.
  func valueStyle(_ indicator: String) -> XLSXStyle {
    kinds[indicator] == .mean ? .decimal : .percent
  }

  /// Headers of the shortfall table (Summary and Shortfalls sheets).
  func shortfallHeaders(ranked: Bool) -> [String] {
    (ranked ? [t(.rank)] : [])
      + [t(.indicator), t(.region), t(.level), t(.group), t(.n), t(.estimate), t(.ci) + " −",
        t(.ci) + " +", t(.target), t(.gap), t(.status), t(.pValue), t(.qValue), "indicator",
        "region_code"]
  }

  /// One shortfall entry as a row (with its rank first when `ranked`); suppressed
  /// numbers are never written.
  func writeShortfall(_ entry: ShortfallEntry, row: Int, ranked: Bool, on sheet: XLSXSheet)
    throws(ReportError)
  {
    let cell = entry.cell
    let style = valueStyle(cell.indicator)
    var column = 0
    func next() -> Int {
      defer { column += 1 }
      return column
    }
    if ranked { try sheet.write(row, next(), Double(entry.rank), .integer) }
    try sheet.write(row, next(), entry.indicatorLabel, .wrapped)
    try sheet.write(row, next(), cell.regionName)
    try sheet.write(row, next(), levelName(cell.level, language))
    try sheet.write(row, next(), cell.groupLabel)
    try sheet.write(row, next(), Double(cell.n), .integer)
    try sheet.write(row, next(), cell.estimate, style)
    try sheet.write(row, next(), cell.ciLow, style)
    try sheet.write(row, next(), cell.ciHigh, style)
    try sheet.write(row, next(), cell.target, style)
    try sheet.write(row, next(), cell.gap, style)
    try sheet.write(row, next(), cell.status.symbol + " " + cell.status.label(language), .status(cell.status))
    try sheet.write(row, next(), cell.pValue, .probability)
    try sheet.write(row, next(), cell.qValue, .probability)
    try sheet.write(row, next(), cell.indicator)
    try sheet.write(row, next(), cell.regionCode)
  }

  static let shortfallWidths: [Double] = [26, 18, 9, 22, 7, 9, 9, 9, 9, 9, 14, 9, 9, 16, 11]

  func summary(_ sheet: XLSXSheet) throws(ReportError) {
    try sheet.widths(Self.shortfallWidths)
    try sheet.write(0, 0, report.title, .title)
    try sheet.write(1, 0, report.subtitle)
    let head = report.headline
    var row = 3
    try sheet.header(row, [t(.headlineFigures), t(.count), t(.responseRate)])
    row += 1
    try sheet.write(row, 0, t(.childrenInRegister))
    try sheet.write(row, 1, Double(head.childrenInRegister), .integer)
    row += 1
    if let paired = head.childrenPaired {
      try sheet.write(row, 0, t(.childrenPaired))
      try sheet.write(row, 1, Double(paired), .integer)
      try sheet.write(row, 2, head.pairedShare, .percent)
      row += 1
    }
    if let volunteers = head.volunteersInRegister {
      try sheet.write(row, 0, t(.volunteersInRegister))
      try sheet.write(row, 1, Double(volunteers), .integer)
      row += 1
    }
    for line in head.instruments {
      try sheet.write(row, 0, t(.questionnaires) + ReportFormat.colon(language) + line.label)
      try sheet.write(row, 1, Double(line.received), .integer)
      try sheet.write(row, 2, line.responseRate, .percent)
      row += 1
    }
    row += 1
    try sheet.header(row, [t(.statusCountsCaption), t(.count)])
    row += 1
    for status in StatusStyle.legendOrder {
      try sheet.write(row, 0, status.symbol + " " + status.label(language), .status(status))
      try sheet.write(row, 1, Double(head.statusCounts[status]), .integer)
      row += 1
    }
    row += 1
    try sheet.write(row, 0, t(.worstShortfalls), .title)
    row += 1
    try sheet.header(row, shortfallHeaders(ranked: false))
    row += 1
    if head.worstShortfalls.isEmpty { try sheet.write(row, 0, t(.noShortfalls)) }
    for entry in head.worstShortfalls {
      try writeShortfall(entry, row: row, ranked: false, on: sheet)
      row += 1
    }
    try sheet.freeze(rows: 2)
  }

  func shortfalls(_ sheet: XLSXSheet) throws(ReportError) {
    let headers = shortfallHeaders(ranked: true)
    try sheet.widths([6] + Self.shortfallWidths)
    try sheet.header(0, headers)
    for (index, entry) in report.shortfalls.enumerated() {
      try writeShortfall(entry, row: index + 1, ranked: true, on: sheet)
    }
    try sheet.freeze(rows: 1, filterColumns: headers.count, lastRow: report.shortfalls.count)
  }

  /// The estimates.csv columns, numbers as numbers, plus the indicator's label.
  func estimates(_ sheet: XLSXSheet) throws(ReportError) {
    let columns = Estimate.csvColumns + ["label"]
    try sheet.widths([16, 11, 16, 9, 22, 7, 9, 9, 9, 9, 7, 9, 18, 9, 9, 26])
    try sheet.header(0, columns)
    for (index, row) in report.estimates.enumerated() {
      let r = index + 1
      let published = row.status != .suppressed
      let style = valueStyle(row.indicator)
      let fine: XLSXStyle = kinds[row.indicator] == .mean ? .probability : .percentFine
      try sheet.write(r, 0, row.indicator)
      try sheet.write(r, 1, row.regionCode)
      try sheet.write(r, 2, row.regionName)
      try sheet.write(r, 3, row.level)
      try sheet.write(r, 4, row.group)
      try sheet.write(r, 5, Double(row.n), .integer)
      try sheet.write(r, 6, published ? row.estimate : nil, style)
      try sheet.write(r, 7, published ? row.se : nil, fine)
      try sheet.write(r, 8, published ? row.ciLow : nil, style)
      try sheet.write(r, 9, published ? row.ciHigh : nil, style)
      try sheet.write(r, 10, published ? row.df : nil, .general)
      try sheet.write(r, 11, row.target, style)
      try sheet.write(r, 12, row.status.rawValue, .status(row.status))
      try sheet.write(r, 13, published ? row.pValue : nil, .probability)
      try sheet.write(r, 14, published ? row.qValue : nil, .probability)
      try sheet.write(r, 15, labels[row.indicator] ?? "")
    }
    try sheet.freeze(rows: 1, filterColumns: columns.count, lastRow: report.estimates.count)
  }
}
