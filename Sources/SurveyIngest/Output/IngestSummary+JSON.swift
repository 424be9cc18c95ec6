/// quality.json: the summary as JSON with a fixed key order (DESIGN.md §6).
extension IngestSummary {
  /// The summary as quality.json: `totals`, `files` (layout, encoding, delimiter,
  /// counts, problems by rule, located examples, the column map, questions with no
  /// column), `problems_by_rule`, `problems_by_column`, `problems_by_region`,
  /// `rejected_rows_by_region`, `response_rates` and `notes`. Keys keep this order
  /// and lists are sorted, so the same data gives the same bytes. A region of `""`
  /// (not known) is written as `unknown`.
  public func qualityJSON() -> String {
    typealias V = JSONText.Value
    func rules(_ counts: [IngestRule: Int]) -> V {
      .object(counts.keys.sorted().map { ($0.rawValue, .int(counts[$0] ?? 0)) })
    }
    func regions(_ counts: [String: Int]) -> V {
      .object(counts.keys.sorted().map { ($0.isEmpty ? "unknown" : $0, .int(counts[$0] ?? 0)) })
    }
    let files: [V] = files.map { file in
      var members: [(String, V)] = [
        ("path", .string(file.path)), ("form", .string(file.form)),
        ("layout", file.layout.map { .string($0.rawValue) } ?? .null),
        ("encoding", file.encoding.map { .string($0.rawValue) } ?? .null),
        ("delimiter", file.delimiter == nil ? .null : .string(file.delimiterName)),
        ("hxl_row", .bool(file.hasHXLRow)),
        ("read", .int(file.read)), ("accepted", .int(file.accepted)),
        ("rejected", .int(file.rejected)),
        ("blanked_cells", .int(file.blankedCells)),
        ("failure", file.failure.map { .string($0) } ?? .null),
        ("problems", rules(file.problems)),
      ]
      members.append(
        (
          "examples",
          .array(
            file.examples.map { problem in
              .object([
                ("rule", .string(problem.rule.rawValue)), ("line", .int(problem.line)),
                ("record", .int(problem.record)), ("column", .int(problem.column)),
                ("column_name", .string(problem.columnName)), ("message", .string(problem.message)),
              ])
            })
        ))
      members.append(
        (
          "columns",
          .array(
            file.columns.map { column in
              .object([
                ("header", .string(column.header)), ("kind", .string(column.kind)),
                ("target", .string(column.target)), ("match", .string(column.match)),
                ("reason", .string(column.reason)),
              ])
            })
        ))
      members.append(("missing_questions", .array(file.missingQuestions.map { .string($0) })))
      members.append(("missing_required", .array(file.missingRequired.map { .string($0) })))
      return .object(members)
    }
    let columns: [V] = columnProblems.map { count in
      .object([
        ("file", .string(count.file)), ("column", .string(count.column)),
        ("rule", .string(count.rule.rawValue)),
        ("count", .int(count.count)),
      ])
    }
    let rates: [V] = responseRates.map { rate in
      .object([
        ("form", .string(rate.form)), ("region", .string(rate.region)),
        ("level", rate.level.map { .string($0.rawValue) } ?? .null),
        ("registered", .int(rate.registered)), ("responded", .int(rate.responded)),
        ("missing", .int(rate.missing)),
        ("rate", rate.rate.map { .double($0) } ?? .null),
      ])
    }
    let root: V = .object([
      (
        "totals",
        .object([
          ("files", .int(self.files.count)), ("read", .int(read)), ("accepted", .int(accepted)),
          ("rejected", .int(rejected)), ("reject_rate", .double(rejectRate)),
        ])
      ),
      ("files", .array(files)),
      ("problems_by_rule", rules(problems)),
      ("problems_by_column", .array(columns)),
      ("problems_by_region", regions(regionProblems)),
      ("rejected_rows_by_region", regions(regionRejections)),
      ("response_rates", .array(rates)),
      ("notes", .array(notes.map { .string($0.description) })),
    ])
    return JSONText.render(root)
  }
}
