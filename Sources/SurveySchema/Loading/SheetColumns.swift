/// The columns of one sheet after header normalisation: where each canonical
/// column is, and the problems found in the header row.
struct SheetColumns: Sendable {
  let sheet: Sheet
  let kind: SheetKind
  /// Canonical column (and language) -> 0-based index of its first occurrence.
  private(set) var indices: [ColumnKey: Int] = [:]
  /// Problems in the header row (duplicates, unknown columns).
  private(set) var diagnostics: [Diagnostic] = []

  struct ColumnKey: Hashable, Sendable {
    var name: String
    var language: String?
  }

  init(_ sheet: Sheet, kind: SheetKind) {
    self.sheet = sheet
    self.kind = kind
    diagnostics = sheet.problems
    let doubleColon = HeaderNormalizer.usesDoubleColon(sheet.header)
    var firstHeader: [ColumnKey: String] = [:]
    for (index, header) in sheet.header.enumerated() {
      let location = sheet.location(row: 1, column: index + 1)
      switch HeaderNormalizer.meaning(of: header, kind: kind, doubleColon: doubleColon) {
      case .column(let name, let language):
        let key = ColumnKey(name: name, language: language)
        let shown = language.map { "\(name)::\($0)" } ?? name
        if let first = firstHeader[key] {
          let same = HeaderNormalizer.snakeCase(first) == HeaderNormalizer.snakeCase(header)
          let message =
            same
            ? "Duplicate column header: \(shown)"
            : "Duplicate column header: \(shown) ('\(first)' and '\(header.trimmingWhitespace)' are names for the same column)"
          diagnostics.append(Diagnostic(.error, at: location, message))
        } else {
          firstHeader[key] = header.trimmingWhitespace
          indices[key] = index
        }
      case .ignored, .empty:
        break
      case .unknown:
        diagnostics.append(
          Diagnostic(
            .note, at: location,
            "column '\(header.trimmingWhitespace)' is not a \(kind.columnFamily) column; careeval ignores it"
          ))
      }
    }
  }

  /// The 0-based index of an untranslated column, or `nil` when the sheet lacks it.
  func index(_ name: String) -> Int? {
    indices[ColumnKey(name: name, language: nil)]
  }

  /// Whether the sheet has the column in any language.
  func has(_ name: String) -> Bool {
    indices.keys.contains { $0.name == name }
  }

  /// The trimmed cell of an untranslated column in a row (`""` when absent).
  func value(_ name: String, in row: SheetRow) -> String {
    index(name).map { row[$0].trimmingWhitespace } ?? ""
  }

  /// The trimmed cell, or `nil` when it is blank or the column is absent.
  func optional(_ name: String, in row: SheetRow) -> String? {
    let text = value(name, in: row)
    return text.isEmpty ? nil : text
  }

  /// The location of a column's cell in a row (column 1 when the sheet lacks it).
  func location(_ name: String, in row: SheetRow) -> SourceLocation {
    sheet.location(row: row.number, column: (index(name) ?? 0) + 1)
  }

  /// The texts of a translatable column in a row, by language (`""` for the plain column).
  func localized(_ name: String, in row: SheetRow) -> LocalizedText {
    var texts: [String: String] = [:]
    for (key, index) in indices where key.name == name {
      let text = row[index].trimmingWhitespace
      if !text.isEmpty { texts[key.language ?? ""] = text }
    }
    return LocalizedText(texts)
  }

  /// An expression cell as an `ExpressionSource`, or `nil` when blank. As pyxform
  /// does for binding columns, the spellings yes/no/true/false (any case pyxform
  /// accepts) become `true()` / `false()`.
  func expression(_ name: String, in row: SheetRow) -> ExpressionSource? {
    guard let index = index(name) else { return nil }
    var text = row[index].trimmingWhitespace
    guard !text.isEmpty else { return nil }
    if let constant = Self.bindingConversions[text] { text = constant }
    return ExpressionSource(
      text: text, location: sheet.location(row: row.number, column: index + 1))
  }

  /// pyxform's binding conversions.
  static let bindingConversions: [String: String] = [
    "yes": "true()", "Yes": "true()", "YES": "true()", "true": "true()", "True": "true()",
    "TRUE": "true()",
    "no": "false()", "No": "false()", "NO": "false()", "false": "false()", "False": "false()",
    "FALSE": "false()",
  ]

  /// Whether every column careeval knows is blank in the row (such rows are skipped;
  /// blank rows keep the numbering of the rows after them).
  func isBlank(_ row: SheetRow) -> Bool {
    indices.values.allSatisfy { row[$0].trimmingWhitespace.isEmpty }
  }

  /// An error for each required column the sheet lacks, at the header row. A sheet
  /// with no data rows needs no columns, except the survey sheet.
  func missing(_ required: [String]) -> [Diagnostic] {
    let hasData = sheet.rows.contains { row in row.cells.contains { !$0.trimmingWhitespace.isEmpty }
    }
    guard hasData || kind == .survey else { return [] }
    return required.filter { !has($0) }.map {
      Diagnostic(
        .error, at: sheet.location(row: 1, column: 1), "\(sheet.file) has no '\($0)' column")
    }
  }
}

extension SheetKind {
  /// How the sheet's columns are described in messages.
  var columnFamily: String {
    switch self {
    case .survey, .choices, .settings: "known XLSForm \(rawValue)"
    default: "\(fileName)"
    }
  }
}
