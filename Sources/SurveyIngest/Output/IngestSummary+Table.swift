/// The summary as a survey coordinator reads it after `careeval validate`.
extension IngestSummary {
  /// A plain-text report: one line per file (layout, encoding, delimiter, rows read,
  /// accepted and rejected), the totals with `read = accepted + rejected`, then per
  /// file the problems by rule with a located example each and how the columns
  /// matched, the response rates per instrument (overall and the lowest regions),
  /// and the run's notes.
  /// - Parameter examplesPerRule: How many located examples to show per rule.
  public func table(examplesPerRule: Int = 1) -> String {
    var rows: [[String]] = [
      ["file", "form", "layout", "encoding", "delim", "read", "accepted", "rejected"]
    ]
    for file in files {
      rows.append([
        file.path, file.form, file.layout?.displayName ?? "-", file.encoding?.displayName ?? "-",
        file.delimiterName.isEmpty ? "-" : file.delimiterName, String(file.read),
        String(file.accepted),
        String(file.rejected),
      ])
    }
    rows.append(["total", "", "", "", "", String(read), String(accepted), String(rejected)])
    var text = TextTable.render(rows, rightAligned: [5, 6, 7])
    text +=
      "read \(read) = accepted \(accepted) + rejected \(rejected) (\(TextTable.percent(rejectRate)) rejected)\n"
    for file in files {
      text += "\n" + section(for: file, examplesPerRule: examplesPerRule)
    }
    text += responseRateSection()
    if !notes.isEmpty {
      text += "\nnotes:\n" + notes.map { "  \($0.description)\n" }.joined()
    }
    return text
  }

  private func section(for file: FileReport, examplesPerRule: Int) -> String {
    var text = "\(file.path) (form \(file.form)):\n"
    if let failure = file.failure {
      return text + "  could not be read: \(failure)\n"
    }
    if file.hasHXLRow { text += "  second header row of HXL tags skipped\n" }
    let total = file.problems.values.reduce(0, +)
    if total == 0 {
      text += "  no problems\n"
    } else {
      text +=
        "  \(file.rejected) row\(file.rejected == 1 ? "" : "s") rejected, \(total) problem\(total == 1 ? "" : "s")"
      if file.blankedCells > 0 {
        text += ", \(file.blankedCells) cell\(file.blankedCells == 1 ? "" : "s") blanked"
      }
      text += ":\n"
      let ordered = file.problems.sorted {
        $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
      }
      for (rule, count) in ordered {
        text += "    \(rule.rawValue): \(count)\n"
        for example in file.examples.filter({ $0.rule == rule }).prefix(examplesPerRule) {
          text += "      \(example.diagnostic.description)\n"
        }
      }
    }
    let fed = file.columns.filter { ["answer", "option", "other-text"].contains($0.kind) }
    let byHow = Dictionary(grouping: fed, by: \.match).mapValues(\.count)
    let hows = ["path", "label", "order", "case-insensitive"].compactMap { how in
      byHow[how].map { "\($0) by \(how)" }
    }
    text +=
      "  columns: \(fed.count) feed questions"
      + (hows.isEmpty ? "" : " (\(hows.joined(separator: ", ")))")
    let metadata = file.columns.filter { $0.kind.hasSuffix("metadata") }.count
    if metadata > 0 { text += ", \(metadata) metadata" }
    let ignored = file.columns.filter { $0.kind == "ignored" }
    text += ", \(ignored.count) ignored\n"
    for column in ignored.prefix(8) {
      text += "    ignored '\(column.header)': \(column.reason)\n"
    }
    if ignored.count > 8 { text += "    … and \(ignored.count - 8) more (see quality.json)\n" }
    if !file.missingQuestions.isEmpty {
      let names = file.missingQuestions.prefix(12).map { name in
        file.missingRequired.contains(name) ? "\(name) (required)" : name
      }
      let more = file.missingQuestions.count > 12 ? ", …" : ""
      text += "  no column for: \(names.joined(separator: ", "))\(more)\n"
    }
    return text
  }

  private func responseRateSection() -> String {
    guard !responseRates.isEmpty else { return "" }
    var text = "\nresponse rates (register children with an accepted response):\n"
    let forms = responseRates.reduce(into: [String]()) {
      if !$0.contains($1.form) { $0.append($1.form) }
    }
    for form in forms {
      let rates = responseRates.filter { $0.form == form }
      guard let all = rates.first(where: { $0.region == "all" }) else { continue }
      text +=
        "  \(form): \(all.responded) of \(all.registered)"
        + (all.rate.map { " (\(TextTable.percent($0)))" } ?? "")
      text += ", \(all.missing) without a response\n"
      let deepest = rates.compactMap(\.level).max()
      let lowest = rates.filter { $0.level != nil && $0.level == deepest && $0.missing > 0 }
        .sorted { ($0.rate ?? 0, $0.region) < ($1.rate ?? 0, $1.region) }
      for rate in lowest.prefix(5) {
        text +=
          "    lowest: \(rate.region) \(rate.responded) of \(rate.registered)"
          + (rate.rate.map { " (\(TextTable.percent($0)))" } ?? "") + "\n"
      }
    }
    return text
  }
}
