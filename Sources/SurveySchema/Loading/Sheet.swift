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
  /// Malformed records that were skipped, as located errors.
  var problems: [Diagnostic] = []

  /// The location of a cell (1-based column).
  func location(row: Int, column: Int) -> SourceLocation {
    SourceLocation(file: file, row: row, column: column)
  }

  /// Reads a CSV sheet through CSVStream (encoding and delimiter detected).
  ///
  /// A malformed record (a broken quote, a wrong number of fields) is reported in
  /// `problems` and skipped, so the rest of the sheet still loads. An empty file is
  /// an empty sheet.
  /// - Parameters:
  ///   - path: the file's path on disk.
  ///   - file: the name to use in messages.
  /// - Throws: `SheetError` when the file cannot be opened or decoded at all.
  static func read(path: String, file: String) throws(SheetError) -> Sheet {
    var problems: [Diagnostic] = []
    func located(_ error: CSVError) -> Diagnostic {
      Diagnostic(
        .error,
        at: SourceLocation(file: file, row: max(error.record, 1), column: max(error.column, 1)),
        "\(error.message) (this row is skipped)")
    }
    do {
      let reader = try CSVReader(path: path, options: CSVReaderOptions(recoverFromErrors: true))
      var rows: [SheetRow] = []
      while let entry = try reader.nextEntry() {
        switch entry {
        case .record(let record): rows.append(SheetRow(number: record.number, cells: record.fields))
        case .malformed(let error): problems.append(located(error))
        }
      }
      return Sheet(file: file, header: reader.header ?? [], rows: rows, problems: problems)
    } catch  where error.kind == .emptyFile {
      return Sheet(file: file, header: [], rows: [], problems: [])
    } catch {
      var diagnostic = located(error)
      diagnostic.message = "cannot read this sheet: \(error.message)"
      throw SheetError(diagnostic: diagnostic)
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
