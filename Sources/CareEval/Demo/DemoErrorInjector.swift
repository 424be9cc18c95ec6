import SurveySchema

/// The kinds of data error `--errors` injects (docs/demo-data.md §8).
enum InjectedErrorKind: String, Sendable, CaseIterable {
  /// A select_one cell holding a code that is neither a choice name nor a label.
  case badCode = "bad_code"
  /// A required question, asked and answered, left blank.
  case blankRequired = "blank_required"
  /// The same child's questionnaire (or register row) submitted twice; the copy is the
  /// earlier submission, so it is the one a validator rejects.
  case duplicate
  /// A child id that is not in the register (a typo: one digit too many).
  case unknownChild = "unknown_child"
  /// A quote inside a field that is not properly quoted (text after a closing quote, or a
  /// quote in an unquoted field), which a strict CSV reader rejects for the record.
  case brokenQuoting = "broken_quoting"

  /// The share of injected errors of each kind.
  static let shares: [(InjectedErrorKind, Double)] = [
    (.badCode, 0.3), (.blankRequired, 0.2), (.duplicate, 0.2), (.unknownChild, 0.15),
    (.brokenQuoting, 0.15),
  ]
}

/// Writes the rows of the data files, injecting errors into a share `rate` of them (each
/// error on its own row) and listing each in errors.csv: file, row (the record number,
/// header = 1), column, kind, original and injected text.
struct ErrorInjector {
  let rate: Double
  private var random: DemoRandom
  private let log: DemoCSVFile?
  private(set) var count = 0

  static let header = ["file", "row", "column", "kind", "original", "injected", "note"]

  init(rate: Double, seed: UInt64, log: DemoCSVFile?) throws(DemoError) {
    self.rate = rate
    random = DemoRandom(seed: seed, stream: [DemoStream.errors.rawValue])
    self.log = log
    try log?.write(Self.header)
  }

  /// Closes errors.csv.
  func close() throws(DemoError) { try log?.close() }

  /// Whether the next row gets an error (draws from the error stream).
  mutating func shouldInject() -> Bool { rate > 0 && random.bernoulli(rate) }

  /// Writes one response with an injected error of a random kind; a kind that does not
  /// apply to the row (no select_one answered, say) falls back to a duplicate.
  /// - Parameters:
  ///   - duplicate: the cells of an earlier submission of the same response.
  ///   - subject: the slot of the child id (nil for the volunteer register).
  mutating func inject(
    _ cells: [String], duplicate: [String], layout: ColumnLayout, form: FormAnswers, subject: Int?,
    to file: DemoCSVFile
  ) throws(DemoError) {
    var kinds = InjectedErrorKind.shares
    if subject == nil || [.roster, .volunteer].contains(layout.plan.instrument.respondent) {
      kinds.removeAll { $0.0 == .unknownChild }
    }
    let kind = kinds[random.categorical(kinds.map(\.1))].0
    if try inject(
      kind, cells, layout: layout, form: form, subject: subject, file: file, duplicate: duplicate)
    {
      return
    }
    _ = try inject(
      .duplicate, cells, layout: layout, form: form, subject: subject, file: file,
      duplicate: duplicate)
  }

  private mutating func inject(
    _ kind: InjectedErrorKind, _ cells: [String], layout: ColumnLayout, form: FormAnswers,
    subject: Int?,
    file: DemoCSVFile, duplicate: [String]
  ) throws(DemoError) -> Bool {
    let answerColumns: [(column: Int, entry: FormPlan.Entry)] = layout.columns.indices.compactMap {
      column in
      guard case .answer(let slot) = layout.columns[column].source else { return nil }
      return (column, layout.plan.entries[slot])
    }
    switch kind {
    case .badCode:
      let candidates = answerColumns.filter { item in
        if case .selectOne = item.entry.question.type {
          return form.answers[item.entry.slot].value != nil
        }
        return false
      }
      guard !candidates.isEmpty else { return false }
      let (column, entry) = random.pick(candidates)
      let bad = badCode(for: entry, layout: layout)
      return try replace(cells, column: column, with: bad, kind: kind, layout: layout, file: file)
    case .blankRequired:
      let candidates = answerColumns.filter { item in
        item.entry.isRequired && !item.entry.isMultiple && item.entry.slot != subject
          && item.entry.calculation == nil && form.answers[item.entry.slot].value != nil
      }
      guard !candidates.isEmpty else { return false }
      let (column, _) = random.pick(candidates)
      return try replace(cells, column: column, with: "", kind: kind, layout: layout, file: file)
    case .unknownChild:
      guard let subject,
        let column = answerColumns.first(where: { $0.entry.slot == subject })?.column
      else {
        return false
      }
      let typo = cells[column] + String(random.int(in: 0...9))
      return try replace(cells, column: column, with: typo, kind: kind, layout: layout, file: file)
    case .duplicate:
      try file.write(cells)
      let original = file.records
      try file.write(duplicate)
      try record(
        file: file, row: file.records, column: "", kind: kind, original: "", injected: "",
        note: "an earlier submission of the response in row \(original)")
      return true
    case .brokenQuoting:
      let column: Int
      if let text = answerColumns.first(where: { item in
        item.entry.question.privacy == .sensitive && item.entry.question.type == .text
          && !cells[item.column].isEmpty
          && !cells[item.column].contains(where: { $0 == "\"" || $0.isNewline })
          && !cells[item.column].unicodeScalars.contains {
            $0.value == UInt32(file.dialect.delimiter)
          }
      })?.column {
        column = text
      } else if let subject,
        let id = answerColumns.first(where: { $0.entry.slot == subject })?.column
      {
        column = id
      } else {
        return false
      }
      let value = cells[column]
      let middle = value.index(value.startIndex, offsetBy: value.count / 2)
      let broken = String(value[..<middle]) + "\"" + String(value[middle...])
      let text = file.dialect.quoteAll ? "\"\(value[..<middle])\"\(value[middle...])" : broken
      var fields = cells.map { file.quoted($0) }
      fields[column] = text
      try file.writeRaw(fields.joined(separator: String(UnicodeScalar(file.dialect.delimiter))))
      try record(
        file: file, row: file.records, column: layout.columns[column].header, kind: kind,
        original: value, injected: text, note: "")
      return true
    }
  }

  private mutating func replace(
    _ cells: [String], column: Int, with value: String, kind: InjectedErrorKind,
    layout: ColumnLayout,
    file: DemoCSVFile
  ) throws(DemoError) -> Bool {
    var changed = cells
    changed[column] = value
    try file.write(changed)
    try record(
      file: file, row: file.records, column: layout.columns[column].header, kind: kind,
      original: cells[column],
      injected: value, note: "")
    return true
  }

  private mutating func record(
    file: DemoCSVFile, row: Int, column: String, kind: InjectedErrorKind, original: String,
    injected: String,
    note: String
  ) throws(DemoError) {
    count += 1
    try log?.write([file.name, String(row), column, kind.rawValue, original, injected, note])
  }

  /// A code for a select_one that is neither one of its choice names nor one of its labels.
  private mutating func badCode(for entry: FormPlan.Entry, layout: ColumnLayout) -> String {
    var taken = Set(entry.choices)
    for label in (layout.labels[entry.slot] ?? [:]).values { taken.insert(label) }
    if let list = entry.question.type.choiceList.flatMap({
      layout.plan.instrument.choiceList(named: $0)
    }) {
      for choice in list.choices { for text in choice.labels.texts.values { taken.insert(text) } }
    }
    let options = ["9", "99", "0", "-1", "N/A", "不详"] + entry.choices.map { $0 + "x" }
    let start = random.int(below: options.count)
    for offset in 0..<options.count where !taken.contains(options[(start + offset) % options.count])
    {
      return options[(start + offset) % options.count]
    }
    return "?invalid?"
  }
}
