/// Reads regions.csv (code, name::LANG, level, parent) and aliases.csv
/// (old_code, new_code) into a `RegionTree`.
enum RegionsLoader {
  /// The tree from regions.csv (or a derived tree when `regions` is `nil`), with
  /// the aliases of aliases.csv.
  static func load(regions: SheetColumns?, aliases: SheetColumns?) -> (RegionTree, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var tree = RegionTree(isDerived: regions == nil)
    if let regions {
      diagnostics += loadNodes(regions, into: &tree)
    }
    if let aliases {
      diagnostics += loadAliases(aliases, into: &tree)
    }
    return (tree, diagnostics)
  }

  private static func loadNodes(_ columns: SheetColumns, into tree: inout RegionTree)
    -> [Diagnostic]
  {
    var diagnostics = columns.diagnostics + columns.missing(["code"])
    var rows: [(node: RegionNode, parentLocation: SourceLocation, parentWritten: Bool)] = []
    var firstRow: [String: Int] = [:]
    for row in columns.sheet.rows where !columns.isBlank(row) {
      let written = columns.value("code", in: row)
      let code = RegionCode.normalised(written)
      let codeLocation = columns.location("code", in: row)
      guard let shapeLevel = RegionCode.level(of: code) else {
        diagnostics.append(
          Diagnostic(
            .error, at: codeLocation,
            code.isEmpty
              ? "this region has no code"
              : "region code '\(written)' is not a 6-, 9- or 12-digit administrative code (PP0000 province, PPCC00 city, PPCCDD county)"
          ))
        continue
      }
      if let first = firstRow[code] {
        diagnostics.append(
          Diagnostic(
            .error, at: codeLocation, "duplicate region code \(code) (first in row \(first))"))
        continue
      }
      firstRow[code] = row.number
      var level = shapeLevel
      if let text = columns.optional("level", in: row) {
        if let written = RegionLevel(rawValue: text.lowercased()) {
          level = written
        } else {
          let allowed = RegionLevel.allCases.map(\.rawValue).joined(separator: ", ")
          diagnostics.append(
            Diagnostic(
              .error, at: columns.location("level", in: row),
              "level '\(text)' of region \(code) is not one of \(allowed)"))
        }
      }
      let parentText = columns.optional("parent", in: row).map(RegionCode.normalised)
      let parent = parentText ?? RegionCode.parent(of: code)
      let node = RegionNode(
        code: code, names: columns.localized("name", in: row), level: level, parent: parent,
        location: columns.location("code", in: row))
      rows.append(
        (node, columns.location(parentText == nil ? "code" : "parent", in: row), parentText != nil))
    }
    for (node, _, _) in rows { tree.insert(node) }
    for (node, location, written) in rows {
      guard let parent = node.parent, tree.node(parent) == nil || parent == node.code else {
        continue
      }
      let message =
        written
        ? "parent \(parent) of region \(node.code) is not in \(columns.sheet.file)"
        : "region \(node.code) has no parent; its code implies \(parent), which is not in \(columns.sheet.file)"
      diagnostics.append(
        Diagnostic(
          .error, at: location,
          parent == node.code ? "region \(node.code) is its own parent" : message))
    }
    return diagnostics
  }

  private static func loadAliases(_ columns: SheetColumns, into tree: inout RegionTree)
    -> [Diagnostic]
  {
    var diagnostics = columns.diagnostics + columns.missing(["old_code", "new_code"])
    for row in columns.sheet.rows where !columns.isBlank(row) {
      let old = columns.value("old_code", in: row)
      let new = columns.value("new_code", in: row)
      var ok = true
      for (code, column) in [(old, "old_code"), (new, "new_code")]
      where RegionCode.level(of: code) == nil {
        diagnostics.append(
          Diagnostic(
            .error, at: columns.location(column, in: row),
            code.isEmpty
              ? "this alias has no \(column)"
              : "region code '\(code)' is not a 6-, 9- or 12-digit administrative code"))
        ok = false
      }
      guard ok else { continue }
      if let existing = tree.aliases[old], existing != new {
        diagnostics.append(
          Diagnostic(
            .error, at: columns.location("old_code", in: row),
            "region code \(old) is already an alias of \(existing)"))
        continue
      }
      tree.aliases[old] = new
      if !tree.isDerived, tree.node(new) == nil {
        diagnostics.append(
          Diagnostic(
            .error, at: columns.location("new_code", in: row),
            "new code \(new) of alias \(old) is not in regions.csv"))
      }
    }
    return diagnostics
  }
}
