/// Shared row helpers for the kit's own sheets (scales, indicators, targets, agreement).
struct KitSheetLoader {
  let columns: SheetColumns
  var diagnostics: [Diagnostic] = []
  private var firstUse: [String: Int] = [:]

  init(_ columns: SheetColumns) {
    self.columns = columns
    diagnostics = columns.diagnostics
  }

  /// The rows that have content.
  var rows: [SheetRow] { columns.sheet.rows.filter { !columns.isBlank($0) } }

  /// The row's name (`name` column), checked present, well formed and unique in the sheet.
  mutating func name(in row: SheetRow, what: String) -> String? {
    let name = columns.value("name", in: row)
    let location = columns.location("name", in: row)
    guard !name.isEmpty else {
      diagnostics.append(Diagnostic(.error, at: location, "this \(what) has no name"))
      return nil
    }
    guard XLSFormName.isValid(name) else {
      diagnostics.append(
        Diagnostic(
          .error, at: location,
          "invalid name '\(name)': a name starts with a letter or '_' and has only letters, digits, '-', '_' and '.'"
        ))
      return nil
    }
    if let first = firstUse[name] {
      diagnostics.append(
        Diagnostic(.error, at: location, "duplicate \(what) '\(name)' (first in row \(first))"))
      return nil
    }
    firstUse[name] = row.number
    return name
  }

  /// A required cell; reports its absence.
  mutating func required(_ column: String, in row: SheetRow, message: String) -> String? {
    if let value = columns.optional(column, in: row) { return value }
    diagnostics.append(Diagnostic(.error, at: columns.location(column, in: row), message))
    return nil
  }

  /// A required expression cell; reports its absence.
  mutating func expression(_ column: String, in row: SheetRow, message: String) -> ExpressionSource?
  {
    if let value = columns.expression(column, in: row) { return value }
    diagnostics.append(Diagnostic(.error, at: columns.location(column, in: row), message))
    return nil
  }

  /// An enumerated cell: blank gives `defaultValue` (or an error when there is none),
  /// anything else must be one of the cases (case-insensitive).
  mutating func choice<E: RawRepresentable & CaseIterable>(
    _ column: String, in row: SheetRow, of owner: String, default defaultValue: E? = nil
  ) -> E? where E.RawValue == String {
    let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
    guard let text = columns.optional(column, in: row) else {
      if let defaultValue { return defaultValue }
      diagnostics.append(
        Diagnostic(
          .error, at: columns.location(column, in: row),
          "\(owner) has no \(column); expected one of \(allowed)"))
      return nil
    }
    if let value = E(rawValue: text.lowercased()) { return value }
    diagnostics.append(
      Diagnostic(
        .error, at: columns.location(column, in: row),
        "\(column) '\(text)' of \(owner) is not one of \(allowed)"))
    return nil
  }

  /// A number cell: `nil` when blank; reports a cell that is not a finite number.
  mutating func number(_ column: String, in row: SheetRow, of owner: String) -> (Double?, ok: Bool)
  {
    guard let text = columns.optional(column, in: row) else { return (nil, true) }
    if let value = Double(text), value.isFinite { return (value, true) }
    diagnostics.append(
      Diagnostic(
        .error, at: columns.location(column, in: row),
        "\(column) '\(text)' of \(owner) is not a number"))
    return (nil, false)
  }

  /// A space-separated list cell.
  func words(_ column: String, in row: SheetRow) -> [String] {
    columns.value(column, in: row).split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(
      String.init)
  }
}
