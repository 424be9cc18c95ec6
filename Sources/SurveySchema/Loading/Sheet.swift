import CSVStream

/// One CSV sheet of a kit, read whole (kit sheets are small; data files are
/// streamed elsewhere). Rows keep their spreadsheet numbers: the header is row 1.
struct Sheet: Sendable {
  /// The name used in messages: the path relative to the kit root (`child/survey.csv`).
  var file: String
  /// The header cells as written.
  var header: [String]
  /// The data rows, blank rows included (they are skipped by the loaders, not here).
  var rows: [SheetRow]

  /// The location of a cell (1-based column).
  func location(row: Int, column: Int) -> SourceLocation {
    SourceLocation(file: file, row: row, column: column)
  }

  /// Reads a CSV sheet through CSVStream.
  /// - Parameters:
  ///   - path: the file's path on disk.
  ///   - file: the name to use in messages.
  /// - Throws: `Diagnostic` (an error located in the file) when the file cannot be read or is not valid CSV.
  static func read(path: String, file: String) throws(SheetError) -> Sheet {
    do {
      let reader = try CSVReader(path: path)
      var rows: [SheetRow] = []
      while let record = try reader.next() {
        rows.append(SheetRow(number: record.number, cells: record.fields))
      }
      return Sheet(file: file, header: reader.header ?? [], rows: rows)
    } catch {
      throw SheetError(
        diagnostic: Diagnostic(.error, at: SourceLocation(file: file, row: 1, column: 1), "cannot read this sheet: \(error.description)"))
    }
  }
}

/// A fatal problem reading a sheet, as a located diagnostic.
struct SheetError: Error {
  var diagnostic: Diagnostic
}

/// One data row of a sheet.
struct SheetRow: Sendable {
  /// The spreadsheet row number (header = 1).
  var number: Int
  /// The cells; a short row has fewer cells than the header.
  var cells: [String]

  /// The cell at a 0-based index, or `""` past the end of a short row.
  subscript(index: Int) -> String {
    index < cells.count ? cells[index] : ""
  }
}
