import CSVStream
import SurveySchema

/// Duplicates found after the fact, platform metadata, and the bookkeeping of every problem.
extension IngestRun {
  /// Rejects a kept row that a later row of the same subject replaces.
  mutating func supersede(
    _ previous: KeptRows.Kept, subject: String, by raw: CSVRawRecord, _ context: FileContext,
    submittedAt: String?
  ) throws(IngestError) {
    let file = Int(previous.file)
    var cells = try spill.record(at: previous.spill)
    let previousTime = cells.isEmpty ? nil : cells.removeFirst()
    let reference = RowReference(
      file: context.file.path, row: raw.number, sameFile: file == context.index)
    let message = IngestMessages.duplicateSubject(
      id: subject, noun: context.links.subjectNoun, form: context.instrument.formID,
      this: previousTime.flatMap { $0.isEmpty ? nil : $0 }, kept: reference, keptTime: submittedAt,
      keptIsLater: true)
    let column = subjectColumns[file]
    let problem = IngestProblem(
      rule: .duplicateSubject, file: summary.files[file].path, line: Int(previous.line),
      record: Int(previous.record),
      column: column.map { $0.index + 1 } ?? 0, columnName: column?.name ?? "", message: message)
    let region = context.links.part == .roster ? nil : register.region(of: subject)
    try note(problem, cells: .text(cells), fileIndex: file, region: region)
    summary.files[file].accepted -= 1
    summary.files[file].rejected += 1
    summary.regionRejections[region ?? "", default: 0] += 1
  }

  /// Whether the row an id points at is the kept row of `subject`: the same
  /// response sent again, which the same-subject rule (latest wins) handles.
  func isKeptRow(_ row: (record: Int32, file: Int32), of subject: String?, in slot: Int) -> Bool {
    guard let subject, let kept = kept[slot].bySubject[subject] else { return false }
    return kept.record == row.record && kept.file == row.file
  }

  /// The first non-blank cell among platform metadata columns.
  func platformText(_ raw: CSVRawRecord, _ columns: [Int]) -> String? {
    for column in columns where !raw.isEmpty(at: column) {
      if let text = raw.string(at: column).map(HeaderText.trimmed), !text.isEmpty { return text }
    }
    return nil
  }

  /// Counts a problem and writes it to the rejects spool with the row's cells.
  mutating func note(_ problem: IngestProblem, cells: Cells, fileIndex: Int, region: String?)
    throws(IngestError)
  {
    let rule = problem.rule
    let count = summary.files[fileIndex].problems[rule, default: 0]
    summary.files[fileIndex].problems[rule] = count + 1
    if count < options.examplesPerRule { summary.files[fileIndex].examples.append(problem) }
    summary.problems[rule, default: 0] += 1
    columnCounts[ColumnKey(file: fileIndex, column: problem.columnName, rule: rule), default: 0] +=
      1
    summary.regionProblems[region ?? "", default: 0] += 1
    guard let rejects else { return }
    let lead = [
      problem.file, String(problem.line), String(problem.record), problem.columnName, rule.rawValue,
      problem.message,
    ]
    switch cells {
    case .raw(let raw):
      widestRejectedRow = max(widestRejectedRow, raw.count)
      try rejects.append(lead, raw: raw)
    case .text(let fields):
      widestRejectedRow = max(widestRejectedRow, fields.count)
      try rejects.append(lead + fields)
    }
  }
}
