import SurveySchema

extension IngestRun {
  /// Completes the summary (response rates, column counts, notes) and writes rejects.csv.
  mutating func finish() throws(IngestError) -> IngestSummary {
    summary.columnProblems = columnCounts.map { key, count in
      ColumnProblemCount(
        file: summary.files[key.file].path, column: key.column, rule: key.rule, count: count)
    }.sorted { ($0.file, $0.column, $0.rule) < ($1.file, $1.column, $1.rule) }
    summary.responseRates = responseRates()
    let informantFiles = summary.files.contains { informantBits[$0.form] != nil }
    if informantFiles, !register.isLoaded, kit.roster != nil {
      summary.notes.append(
        Diagnostic(
          .warning, at: SourceLocation(file: kit.roster?.formID ?? "roster", row: 1, column: 1),
          "no child register file was given, so responses were not linked to registered children and no response rates were computed"
        ))
    }
    let rosterRead = summary.files.contains {
      kit.instrument(formID: $0.form)?.respondent == .roster
    }
    if rosterRead, !volunteersLoaded, let volunteer = kit.instruments(for: .volunteer).first {
      summary.notes.append(
        Diagnostic(
          .note, at: SourceLocation(file: volunteer.formID, row: 1, column: 1),
          "no volunteer register file was given, so the volunteer ids of the child register were not checked"
        ))
    }
    summary.notes.sort()
    if let path = options.rejectsPath, let rejects {
      try writeRejects(from: rejects, to: path)
    }
    return summary
  }

  /// Children registered and responding, per informant instrument read and region,
  /// rolled up to every ancestor region and to `all`.
  private func responseRates() -> [ResponseRate] {
    guard register.isLoaded else { return [] }
    let formsRead = Set(summary.files.map(\.form))
    let informants = kit.instruments.filter {
      formsRead.contains($0.formID) && informantBits[$0.formID] != nil
    }
    guard !informants.isEmpty else { return [] }
    // (bit, region index) -> (registered, responded); region index -1 = unknown.
    var counts: [Int32: (registered: Int, responded: [Int])] = [:]
    for child in register.children.values where child.isAccepted {
      var entry = counts[child.region] ?? (0, [Int](repeating: 0, count: 32))
      entry.registered += 1
      for bit in 0..<32 where child.responded & (1 << UInt32(bit)) != 0 {
        entry.responded[bit] += 1
      }
      counts[child.region] = entry
    }
    var byRegion: [String: (registered: Int, responded: [Int])] = [:]
    func add(_ code: String, _ entry: (registered: Int, responded: [Int])) {
      var total = byRegion[code] ?? (0, [Int](repeating: 0, count: 32))
      total.registered += entry.registered
      for bit in 0..<32 { total.responded[bit] += entry.responded[bit] }
      byRegion[code] = total
    }
    for (index, entry) in counts {
      add("all", entry)
      guard index >= 0 else {
        add("unknown", entry)
        continue
      }
      let code = register.regions[Int(index)]
      add(code, entry)
      for ancestor in kit.regions.ancestors(of: code) { add(ancestor.code, entry) }
    }
    let codes = byRegion.keys.sorted { a, b in
      let rank: (String) -> Int = { $0 == "all" ? 0 : ($0 == "unknown" ? 2 : 1) }
      return (rank(a), a) < (rank(b), b)
    }
    var rates: [ResponseRate] = []
    for instrument in informants {
      guard let bit = informantBits[instrument.formID] else { continue }
      for code in codes {
        guard let entry = byRegion[code] else { continue }
        let level =
          code == "all" || code == "unknown"
          ? nil : (kit.regions.node(code)?.level ?? RegionCode.level(of: code))
        rates.append(
          ResponseRate(
            form: instrument.formID, region: code, level: level, registered: entry.registered,
            responded: entry.responded[bit]))
      }
    }
    return rates
  }

  /// Writes rejects.csv: UTF-8 with a byte-order mark and CRLF line ends (so Excel on
  /// Chinese Windows opens it correctly), one line per problem, the original cells
  /// padded to the widest row.
  private func writeRejects(from spool: RecordSpool, to path: String) throws(IngestError) {
    let header =
      ["file", "line", "record", "column", "rule", "message"]
      + (0..<widestRejectedRow).map { "cell_\($0 + 1)" }
    try RejectsFile.save(spool, header: header, to: path)
  }
}
