import CLibXLSXWriter
import Foundation
import SurveyScoring

/// The cell styles the report's workbook uses.
enum XLSXStyle: Hashable {
  case title, header, text, wrapped, integer, percent, percentFine, decimal, probability, general
  case status(ShortfallStatus)
}

/// An open libxlsxwriter workbook: the only place that calls libxlsxwriter.
///
/// A class because it owns a C resource; `close()` writes the file, and a workbook
/// dropped without `close()` (after an error) is closed and its file removed.
/// Every libxlsxwriter error code is checked and thrown as a ``ReportError``.
final class XLSXWorkbook {
  private var workbook: UnsafeMutablePointer<lxw_workbook>?
  private var formats: [XLSXStyle: UnsafeMutablePointer<lxw_format>] = [:]
  let path: String

  /// Creates the workbook file. Calls `workbook_new_opt`.
  init(path: String) throws(ReportError) {
    self.path = path
    var options = lxw_workbook_options(constant_memory: 0, tmpdir: nil, use_zip64: 0)
    guard let workbook = workbook_new_opt(path, &options) else {
      throw .xlsx(path, "workbook_new_opt", "the file cannot be created")
    }
    self.workbook = workbook
  }

  deinit {
    if let workbook {
      _ = workbook_close(workbook)
      try? FileManager.default.removeItem(atPath: path)
    }
  }

  private func open() throws(ReportError) -> UnsafeMutablePointer<lxw_workbook> {
    guard let workbook else { throw .xlsx(path, "workbook", "the workbook is already closed") }
    return workbook
  }

  /// Throws when `error` is not `LXW_NO_ERROR`.
  func check(_ error: lxw_error, _ call: String) throws(ReportError) {
    guard error != LXW_NO_ERROR else { return }
    let reason = lxw_strerror(error).map { String(cString: $0) } ?? "error \(error.rawValue)"
    throw .xlsx(path, call, reason)
  }

  /// Sets the title and a fixed creation time, so the same report gives the same
  /// bytes. Calls `workbook_set_properties` (which copies the strings).
  func setProperties(title: String, subject: String, created: time_t) throws(ReportError) {
    let workbook = try open()
    let title = strdup(title)
    let subject = strdup(subject)
    let author = strdup("careeval")
    defer {
      free(title)
      free(subject)
      free(author)
    }
    var properties = lxw_doc_properties()
    properties.title = title
    properties.subject = subject
    properties.author = author
    properties.created = created
    try check(workbook_set_properties(workbook, &properties), "workbook_set_properties")
  }

  /// Adds a worksheet. Calls `workbook_add_worksheet`.
  func addSheet(_ name: String) throws(ReportError) -> XLSXSheet {
    let workbook = try open()
    guard let sheet = workbook_add_worksheet(workbook, name) else {
      throw .xlsx(path, "workbook_add_worksheet", "sheet name '\(name)' was refused")
    }
    worksheet_set_paper(sheet, 9)  // A4
    worksheet_set_landscape(sheet)
    worksheet_fit_to_pages(sheet, 1, 0)  // one page wide, as many tall as needed
    return XLSXSheet(sheet: sheet, workbook: self)
  }

  /// The format of a style, created on first use. Calls `workbook_add_format`.
  func format(_ style: XLSXStyle) throws(ReportError) -> UnsafeMutablePointer<lxw_format> {
    if let format = formats[style] { return format }
    let workbook = try open()
    guard let format = workbook_add_format(workbook) else {
      throw .xlsx(path, "workbook_add_format", "out of memory")
    }
    format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
    switch style {
    case .title:
      format_set_bold(format)
      format_set_font_size(format, 14)
    case .header:
      format_set_bold(format)
      format_set_text_wrap(format)
      format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
      format_set_bg_color(format, 0xE8E8E8)
      format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue))
    case .text, .general: break
    case .wrapped: format_set_text_wrap(format)
    case .integer: format_set_num_format(format, "#,##0")
    case .percent: format_set_num_format(format, "0.0%")
    case .percentFine: format_set_num_format(format, "0.00%")
    case .decimal: format_set_num_format(format, "0.00")
    case .probability: format_set_num_format(format, "0.0000")
    case .status(let status):
      format_set_bold(format)
      format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
      format_set_bg_color(format, Self.color(StatusStyle.fill(status)))
      format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
    }
    formats[style] = format
    return format
  }

  /// `#RRGGBB` -> 0xRRGGBB.
  private static func color(_ hex: String) -> lxw_color_t {
    lxw_color_t(hex.dropFirst(), radix: 16) ?? 0xFFFFFF
  }

  /// Writes the file and frees the workbook. Calls `workbook_close`.
  func close() throws(ReportError) {
    let workbook = try open()
    self.workbook = nil
    formats = [:]
    let error = workbook_close(workbook)
    if error != LXW_NO_ERROR { try? FileManager.default.removeItem(atPath: path) }
    try check(error, "workbook_close")
  }
}

/// One worksheet of an ``XLSXWorkbook``; rows and columns are 0-based.
struct XLSXSheet {
  let sheet: UnsafeMutablePointer<lxw_worksheet>
  let workbook: XLSXWorkbook

  /// Writes text, or nothing for an empty string. Calls `worksheet_write_string`.
  func write(_ row: Int, _ column: Int, _ text: String, _ style: XLSXStyle = .text) throws(ReportError) {
    guard !text.isEmpty else { return try blank(row, column, style) }
    let format = try workbook.format(style)
    try workbook.check(
      worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), text, format),
      "worksheet_write_string")
  }

  /// Writes a number, or a blank cell for NA. Calls `worksheet_write_number`.
  func write(_ row: Int, _ column: Int, _ number: Double?, _ style: XLSXStyle) throws(ReportError) {
    guard let number, number.isFinite else { return try blank(row, column, style) }
    let format = try workbook.format(style)
    try workbook.check(
      worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), number, format),
      "worksheet_write_number")
  }

  /// A formatted empty cell. Calls `worksheet_write_blank`.
  func blank(_ row: Int, _ column: Int, _ style: XLSXStyle) throws(ReportError) {
    let format = try workbook.format(style)
    try workbook.check(
      worksheet_write_blank(sheet, lxw_row_t(row), lxw_col_t(column), format), "worksheet_write_blank")
  }

  /// A header row in the header style.
  func header(_ row: Int, _ titles: [String]) throws(ReportError) {
    for (column, title) in titles.enumerated() { try write(row, column, title, .header) }
  }

  /// Column widths in characters, from column 0. Calls `worksheet_set_column`.
  func widths(_ widths: [Double]) throws(ReportError) {
    for (column, width) in widths.enumerated() {
      try workbook.check(
        worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), width, nil),
        "worksheet_set_column")
    }
  }

  /// Keeps the first `rows` rows in view, repeats them on printed pages and, when
  /// `filterColumns` > 0, adds an autofilter over the table below them.
  func freeze(rows: Int, filterColumns: Int = 0, lastRow: Int = 0) throws(ReportError) {
    worksheet_freeze_panes(sheet, lxw_row_t(rows), 0)
    try workbook.check(
      worksheet_repeat_rows(sheet, 0, lxw_row_t(max(0, rows - 1))), "worksheet_repeat_rows")
    if filterColumns > 0 && lastRow >= rows {
      try workbook.check(
        worksheet_autofilter(
          sheet, lxw_row_t(rows - 1), 0, lxw_row_t(lastRow), lxw_col_t(filterColumns - 1)),
        "worksheet_autofilter")
    }
  }
}
