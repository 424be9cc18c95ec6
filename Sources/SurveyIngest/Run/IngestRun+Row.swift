import CSVStream
import SurveySchema

extension IngestRun {
  /// The cells of a row to list in rejects.csv.
  enum Cells {
    case raw(CSVRawRecord)
    case text([String])
  }

  /// A problem of the row being read, before it is located.
  private struct Found {
    var rule: IngestRule
    var column: Int?
    var message: String
    var slot: Int?
  }

  /// A record libcsv could not read (broken quote, bad bytes…): always rejected.
  mutating func malformed(_ error: CSVError, _ context: FileContext) throws(IngestError) {
    summary.files[context.index].read += 1
    let cells: [String] = error.recordText.map { [$0] } ?? []
    let problem = IngestProblem(
      rule: .brokenRow, file: context.file.path, line: error.line, record: error.record, column: error.column,
      columnName: context.plan.header.indices.contains(error.column - 1) ? context.plan.header[error.column - 1] : "",
      message: error.message)
    try note(problem, cells: .text(cells), fileIndex: context.index, region: nil)
    summary.files[context.index].rejected += 1
    summary.regionRejections["", default: 0] += 1
  }

  /// Decodes, checks, links and de-duplicates one record; accepted rows go to the sink.
  mutating func row(
    _ raw: CSVRawRecord, _ context: FileContext, checker: inout RowChecker, into sink: inout some ResponseSink
  ) throws(IngestError) {
    let index = context.index
    summary.files[index].read += 1
    if options.progress != nil {
      for field in 0..<raw.count { bytesRead += raw.bytes(at: field).count + 1 }
    }
    let header = context.plan.header
    if raw.count != header.count, !(raw.count > header.count && (header.count..<raw.count).allSatisfy { raw.isEmpty(at: $0) }) {
      let record = raw.record
      let message = record.fieldCountError(header: header, file: context.file.path)?.message ?? "wrong number of fields"
      let column = record.fieldCountError(header: header, file: context.file.path)?.column ?? 1
      let problem = IngestProblem(
        rule: .fieldCount, file: context.file.path, line: raw.line, record: raw.number, column: column,
        columnName: "", message: message)
      try note(problem, cells: .raw(raw), fileIndex: index, region: nil)
      summary.files[index].rejected += 1
      summary.regionRejections["", default: 0] += 1
      return
    }
    var checked = checker.check(raw)
    var found = checked.issues.map { Found(rule: $0.rule, column: $0.column, message: $0.message, slot: $0.slot) }
    let links = context.links

    var regionCode: String?
    if let slot = links.region, !found.contains(where: { $0.slot == slot }), let code = context.text(of: .question(slot), in: checked) {
      if let resolved = kit.regions.resolve(code) {
        regionCode = resolved
      } else {
        let column = context.plan.columnOf(slot)
        let words = CellWords(value: code, column: column.map(context.plan.name(ofColumn:)) ?? "", question: context.instrument.questions[slot].name)
        found.append(Found(rule: .region, column: column, message: IngestMessages.region(words, treeFromCodes: kit.regions.isDerived), slot: slot))
      }
    }
    if links.part == .roster, volunteersLoaded {
      for slot in links.volunteerSlots {
        guard let text = context.text(of: .question(slot), in: checked) else { continue }
        let column = context.plan.columnOf(slot)
        for id in text.split(whereSeparator: { " ,;，；、\t".contains($0) }) where !volunteers.contains(String(id)) {
          let message = IngestMessages.unknownVolunteer(id: String(id), column: column.map(context.plan.name(ofColumn:)) ?? "")
          found.append(Found(rule: .unknownVolunteer, column: column, message: message, slot: slot))
        }
      }
    }

    let subject = context.text(of: links.subject, in: checked)
    let subjectColumn = context.column(of: links.subject)
    let subjectColumnName = subjectColumn.map(context.plan.name(ofColumn:))
    if let field = links.subjectName, links.part != .standalone || links.subject != nil, subject == nil {
      if case .question(let slot)? = links.subject { found.removeAll { $0.slot == slot && $0.rule == .required } }
      found.append(Found(rule: .noSubject, column: subjectColumn, message: IngestMessages.noSubject(column: subjectColumnName, field: field, noun: links.subjectNoun), slot: nil))
    }
    if case .informant = links.part, register.isLoaded, let subject, register.child(subject)?.isAccepted != true {
      var rejectedRow: (file: String, row: Int)?
      if let child = register.child(subject), child.rejectedFile >= 0 {
        rejectedRow = (summary.files[Int(child.rejectedFile)].path, Int(child.rejectedRow))
      }
      let message = IngestMessages.unlinked(id: subject, column: subjectColumnName ?? "", rejectedRegisterRow: rejectedRow)
      found.append(Found(rule: .unlinked, column: subjectColumn, message: message, slot: nil))
    }
    let childRegion = links.part == .roster ? regionCode : subject.flatMap { register.region(of: $0) }

    let hasCellErrors = found.contains { !$0.rule.isWarning && !$0.rule.isRowLevel }
    var rejected = found.contains { $0.rule.isRowLevel } || (hasCellErrors && options.onInvalid == .reject)

    let responseID = context.text(of: links.responseID, in: checked) ?? platformText(raw, context.plan.responseIDColumns)
    let timeText = context.text(of: links.submittedAt, in: checked) ?? platformText(raw, context.plan.submittedAtColumns)
    let moment = timeText.flatMap(DateText.moment)
    let time = moment?.epochSeconds ?? .nan
    let submittedAt = moment.map { $0.hasTime ? $0.isoDateTime : $0.isoDate } ?? timeText
    let form = context.instrument.formID

    if !rejected, let responseID, let first = kept[context.keptSlot].byResponseID[responseID] {
      let column = context.column(of: links.responseID) ?? context.plan.responseIDColumns.first
      let reference = RowReference(file: summary.files[Int(first.file)].path, row: Int(first.record), sameFile: Int(first.file) == index)
      let message = IngestMessages.duplicateID(id: responseID, column: column.map(context.plan.name(ofColumn:)) ?? "", first: reference)
      found.append(Found(rule: .duplicateID, column: column, message: message, slot: nil))
      rejected = true
    }
    var superseded: KeptRows.Kept?
    if !rejected, let subject, links.part != .standalone, let previous = kept[context.keptSlot].bySubject[subject] {
      if KeptRows.replaces(time, previous.time) {
        superseded = previous
      } else {
        let keptTime = try spill.record(at: previous.spill).first
        let reference = RowReference(file: summary.files[Int(previous.file)].path, row: Int(previous.record), sameFile: Int(previous.file) == index)
        let message = IngestMessages.duplicateSubject(
          id: subject, noun: links.subjectNoun, form: form, this: submittedAt, kept: reference,
          keptTime: keptTime.flatMap { $0.isEmpty ? nil : $0 }, keptIsLater: false)
        found.append(Found(rule: .duplicateSubject, column: subjectColumn, message: message, slot: nil))
        rejected = true
      }
    }

    for item in found {
      let problem = IngestProblem(
        rule: item.rule, file: context.file.path, line: raw.line, record: raw.number,
        column: item.column.map { $0 + 1 } ?? 0, columnName: item.column.map(context.plan.name(ofColumn:)) ?? "",
        message: item.message)
      try note(problem, cells: .raw(raw), fileIndex: index, region: childRegion)
    }
    if rejected {
      summary.files[index].rejected += 1
      summary.regionRejections[childRegion ?? "", default: 0] += 1
      if links.part == .roster, let subject { register.reject(subject, file: index, row: raw.number) }
      return
    }
    for item in found where !item.rule.isWarning && !item.rule.isRowLevel {
      guard let slot = item.slot else { continue }
      if item.rule != .required { summary.files[index].blankedCells += 1 }
      checked.answers[slot] = .blank
    }
    if let previous = superseded, let subject {
      try supersede(previous, subject: subject, by: raw, context, submittedAt: submittedAt)
    }
    if let subject, links.part != .standalone {
      let offset = try spill.append([submittedAt ?? ""], raw: raw)
      kept[context.keptSlot].bySubject[subject] = KeptRows.Kept(
        time: time, record: Int32(truncatingIfNeeded: raw.number), line: Int32(truncatingIfNeeded: raw.line), file: Int32(index), spill: offset)
    }
    if let responseID, kept[context.keptSlot].byResponseID[responseID] == nil {
      kept[context.keptSlot].byResponseID[responseID] = (Int32(truncatingIfNeeded: raw.number), Int32(index))
    }
    summary.files[index].accepted += 1
    switch links.part {
    case .roster: if let subject { register.accept(subject, region: regionCode) }
    case .volunteer: if let subject { volunteers.insert(subject) }
    case .informant(let bit): if let subject { register.markResponded(subject, bit: bit) }
    case .standalone: break
    }
    let response = Response(
      form: form, responseID: responseID, subject: subject, submittedAt: submittedAt,
      source: SourceLocation(file: context.file.path, row: raw.number, column: 0), answers: checked.answers)
    sink.accept(response, of: context.instrument)
  }

  /// Rejects a kept row that a later row of the same subject replaces.
  private mutating func supersede(
    _ previous: KeptRows.Kept, subject: String, by raw: CSVRawRecord, _ context: FileContext, submittedAt: String?
  ) throws(IngestError) {
    let file = Int(previous.file)
    var cells = try spill.record(at: previous.spill)
    let previousTime = cells.isEmpty ? nil : cells.removeFirst()
    let reference = RowReference(file: context.file.path, row: raw.number, sameFile: file == context.index)
    let message = IngestMessages.duplicateSubject(
      id: subject, noun: context.links.subjectNoun, form: context.instrument.formID,
      this: previousTime.flatMap { $0.isEmpty ? nil : $0 }, kept: reference, keptTime: submittedAt, keptIsLater: true)
    let column = subjectColumns[file]
    let problem = IngestProblem(
      rule: .duplicateSubject, file: summary.files[file].path, line: Int(previous.line), record: Int(previous.record),
      column: column.map { $0.index + 1 } ?? 0, columnName: column?.name ?? "", message: message)
    let region = context.links.part == .roster ? nil : register.region(of: subject)
    try note(problem, cells: .text(cells), fileIndex: file, region: region)
    summary.files[file].accepted -= 1
    summary.files[file].rejected += 1
    summary.regionRejections[region ?? "", default: 0] += 1
  }

  /// The first non-blank cell among platform metadata columns.
  private func platformText(_ raw: CSVRawRecord, _ columns: [Int]) -> String? {
    for column in columns where !raw.isEmpty(at: column) {
      if let text = raw.string(at: column).map(HeaderText.trimmed), !text.isEmpty { return text }
    }
    return nil
  }

  /// Counts a problem and writes it to the rejects spool with the row's cells.
  mutating func note(_ problem: IngestProblem, cells: Cells, fileIndex: Int, region: String?) throws(IngestError) {
    let rule = problem.rule
    let count = summary.files[fileIndex].problems[rule, default: 0]
    summary.files[fileIndex].problems[rule] = count + 1
    if count < options.examplesPerRule { summary.files[fileIndex].examples.append(problem) }
    summary.problems[rule, default: 0] += 1
    columnCounts[ColumnKey(file: fileIndex, column: problem.columnName, rule: rule), default: 0] += 1
    summary.regionProblems[region ?? "", default: 0] += 1
    guard let rejects else { return }
    let lead = [
      problem.file, String(problem.line), String(problem.record), problem.columnName, rule.rawValue, problem.message,
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
