/// Reads the `choices` sheet of an instrument into choice lists.
enum ChoicesSheetLoader {
  /// The lists in order of first appearance, and the problems found.
  /// - Parameters:
  ///   - columns: the normalised sheet.
  ///   - allowDuplicates: the `allow_choice_duplicates` setting (duplicate names are then allowed).
  static func load(_ columns: SheetColumns, allowDuplicates: Bool) -> ([ChoiceList], [Diagnostic]) {
    var diagnostics = columns.missing(["list_name", "name"])
    var lists: [ChoiceList] = []
    var position: [String: Int] = [:]
    var firstRow: [String: [String: Int]] = [:]
    for row in columns.sheet.rows where !columns.isBlank(row) {
      let listName = columns.value("list_name", in: row)
      let name = columns.value("name", in: row)
      let nameLocation = columns.location("name", in: row)
      guard !listName.isEmpty else {
        diagnostics.append(
          Diagnostic(
            .error, at: columns.location("list_name", in: row), "choice '\(name)' has no list_name")
        )
        continue
      }
      guard !name.isEmpty else {
        diagnostics.append(
          Diagnostic(.error, at: nameLocation, "a choice in list \(listName) has no name"))
        continue
      }
      if let first = firstRow[listName]?[name], !allowDuplicates {
        diagnostics.append(
          Diagnostic(
            .error, at: nameLocation,
            "duplicate choice '\(name)' in list \(listName) (first in row \(first))"))
        continue
      }
      firstRow[listName, default: [:]][name] = firstRow[listName]?[name] ?? row.number
      var value: Double?
      if let text = columns.optional("value", in: row) {
        value = Double(text).flatMap { $0.isFinite ? $0 : nil }
        if value == nil {
          diagnostics.append(
            Diagnostic(
              .error, at: columns.location("value", in: row),
              "choice value '\(text)' is not a number"))
        }
      }
      let choice = Choice(
        name: name, labels: columns.localized("label", in: row), value: value,
        location: nameLocation)
      if let index = position[listName] {
        lists[index].choices.append(choice)
      } else {
        position[listName] = lists.count
        lists.append(
          ChoiceList(
            name: listName, choices: [choice], location: columns.location("list_name", in: row)))
      }
    }
    return (lists, diagnostics)
  }
}

/// The values of the one-row `settings` sheet.
struct SettingsValues: Sendable {
  var formID: String?
  var formIDLocation: SourceLocation
  var title: String?
  var version: String?
  var defaultLanguage: String?
  var allowChoiceDuplicates = false
  var respondent: Respondent?
  /// careeval field settings (`subject`, `region`…) with where they are written.
  var fields: [String: (name: String, location: SourceLocation)] = [:]
  var diagnostics: [Diagnostic] = []

  static let fieldSettings = [
    "subject", "response_id", "submitted_at", "region", "weight", "strata", "psu",
  ]

  /// Reads the settings sheet (`nil` when the instrument has none).
  init(_ columns: SheetColumns?, file: String) {
    formIDLocation = SourceLocation(file: file, row: 1, column: 1)
    guard let columns else { return }
    let rows = columns.sheet.rows.filter { !columns.isBlank($0) }
    guard let row = rows.first else {
      formIDLocation = columns.location("form_id", in: SheetRow(number: 2, cells: []))
      return
    }
    if rows.count > 1 {
      diagnostics.append(
        Diagnostic(
          .warning, at: columns.sheet.location(row: rows[1].number, column: 1),
          "settings has more than one row; only row \(row.number) is used"))
    }
    formID = columns.optional("form_id", in: row)
    formIDLocation = columns.location("form_id", in: row)
    title = columns.optional("form_title", in: row)
    version = columns.optional("version", in: row)
    defaultLanguage = columns.optional("default_language", in: row).map(
      HeaderNormalizer.languageCode)
    if let text = columns.optional("allow_choice_duplicates", in: row) {
      allowChoiceDuplicates = ["yes", "true", "true()"].contains(text.lowercased())
    }
    if let text = columns.optional("respondent", in: row) {
      respondent = Respondent(rawValue: text.lowercased())
      if respondent == nil {
        let allowed = Respondent.allCases.map(\.rawValue).joined(separator: ", ")
        diagnostics.append(
          Diagnostic(
            .error, at: columns.location("respondent", in: row),
            "respondent '\(text)' is not one of \(allowed)"))
      }
    }
    for setting in Self.fieldSettings {
      if let name = columns.optional(setting, in: row) {
        fields[setting] = (name, columns.location(setting, in: row))
      }
    }
  }
}
