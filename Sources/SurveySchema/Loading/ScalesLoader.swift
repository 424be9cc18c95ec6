/// Reads scales.csv.
enum ScalesLoader {
  static func load(_ columns: SheetColumns) -> ([Scale], [Diagnostic]) {
    var loader = KitSheetLoader(columns)
    loader.diagnostics += columns.missing(["name", "form", "items"])
    var scales: [Scale] = []
    for row in loader.rows {
      guard let name = loader.name(in: row, what: "scale") else { continue }
      let owner = "scale '\(name)'"
      let form = loader.required(
        "form", in: row,
        message: "\(owner) has no form: name the instrument (form_id) holding its items")
      let items = loader.words("items", in: row)
      let itemsLocation = columns.location("items", in: row)
      if items.isEmpty {
        loader.diagnostics.append(Diagnostic(.error, at: itemsLocation, "\(owner) has no items"))
      }
      var seen: Set<String> = []
      for item in items where !seen.insert(item).inserted {
        loader.diagnostics.append(
          Diagnostic(.error, at: itemsLocation, "item '\(item)' is listed twice in \(owner)"))
      }
      let method: ScaleMethod? = loader.choice("method", in: row, of: owner, default: .mean)
      let minValid = minimumValid(&loader, row: row, owner: owner, itemCount: items.count)
      let (itemMin, minOK) = loader.number("item_min", in: row, of: owner)
      let (itemMax, maxOK) = loader.number("item_max", in: row, of: owner)
      if let itemMin, let itemMax, itemMin >= itemMax {
        loader.diagnostics.append(
          Diagnostic(
            .error, at: columns.location("item_min", in: row),
            "item_min \(format(itemMin)) of \(owner) is not below item_max \(format(itemMax))"))
      }
      let bands = self.bands(&loader, row: row, owner: owner)
      guard let form, let method, !items.isEmpty, minOK, maxOK, let bands, minValid.ok else {
        continue
      }
      scales.append(
        Scale(
          name: name, labels: columns.localized("label", in: row), form: form, items: items,
          reverse: loader.words("reverse", in: row), method: method, minValid: minValid.value,
          itemMin: itemMin,
          itemMax: itemMax, bands: bands, location: columns.location("name", in: row),
          itemsLocation: itemsLocation,
          reverseLocation: columns.location("reverse", in: row),
          formLocation: columns.location("form", in: row)))
    }
    return (scales, loader.diagnostics)
  }

  /// `min_valid`: blank, or a whole number from 1 to the number of items.
  private static func minimumValid(
    _ loader: inout KitSheetLoader, row: SheetRow, owner: String, itemCount: Int
  ) -> (value: Int?, ok: Bool) {
    guard let text = loader.columns.optional("min_valid", in: row) else { return (nil, true) }
    let location = loader.columns.location("min_valid", in: row)
    guard let value = Int(text) else {
      loader.diagnostics.append(
        Diagnostic(.error, at: location, "min_valid '\(text)' of \(owner) is not a whole number"))
      return (nil, false)
    }
    guard itemCount > 0, (1...itemCount).contains(value) else {
      loader.diagnostics.append(
        Diagnostic(
          .error, at: location,
          "min_valid \(value) of \(owner) is out of range: it has \(itemCount) items, so min_valid must be 1 to \(itemCount)"
        ))
      return (nil, false)
    }
    return (value, true)
  }

  /// `bands`: ascending numbers, or blank.
  private static func bands(_ loader: inout KitSheetLoader, row: SheetRow, owner: String)
    -> [Double]?
  {
    let words = loader.words("bands", in: row)
    let location = loader.columns.location("bands", in: row)
    var values: [Double] = []
    for word in words {
      guard let value = Double(word), value.isFinite else {
        loader.diagnostics.append(
          Diagnostic(.error, at: location, "band cut-off '\(word)' of \(owner) is not a number"))
        return nil
      }
      if let last = values.last, value <= last {
        loader.diagnostics.append(
          Diagnostic(
            .error, at: location,
            "band cut-offs of \(owner) must ascend; \(word) follows \(format(last))"))
        return nil
      }
      values.append(value)
    }
    return values
  }
}

/// A number as a person writes it: `3`, not `3.0`; `0.25`.
func format(_ value: Double) -> String {
  if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
  return String(value)
}
