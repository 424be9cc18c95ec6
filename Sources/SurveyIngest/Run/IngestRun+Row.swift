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
      rule: .brokenRow, file: context.file.path, line: error.line, record: error.record,
      column: error.column,
      columnName: context.plan.header.indices.contains(error.column - 1)
        ? context.plan.header[error.column - 1] : "",
      message: error.message)
    try note(problem, cells: .text(cells), fileIndex: context.index, region: nil)
    summary.files[context.index].rejected += 1
    summary.regionRejections["", default: 0] += 1
  }

  /// Decodes, checks, links and de-duplicates one record; accepted rows go to the sink.
  mutating func row(
    _ raw: CSVRawRecord, _ context: FileContext, checker: inout RowChecker,
    into sink: inout some ResponseSink
  ) throws(IngestError) {
    let index = context.index
    summary.files[index].read += 1
    if options.progress != nil {
      for field in 0..<raw.count { bytesRead += raw.bytes(at: field).count + 1 }
    }
    let width = context.headerCount
    if raw.count != width,
      !(raw.count > width && (width..<raw.count).allSatisfy { raw.isEmpty(at: $0) })
    {
      let header = context.plan.header
      let record = raw.record
      let message =
        record.fieldCountError(header: header, file: context.file.path)?.message
        ?? "wrong number of fields"
      let column = record.fieldCountError(header: header, file: context.file.path)?.column ?? 1
      let problem = IngestProblem(
        rule: .fieldCount, file: context.file.path, line: raw.line, record: raw.number,
        column: column,
        columnName: "", message: message)
      try note(problem, cells: .raw(raw), fileIndex: index, region: nil)
      summary.files[index].rejected += 1
      summary.regionRejections["", default: 0] += 1
      return
    }
    var checked = checker.check(raw)
    var found = checked.issues.map {
      Found(rule: $0.rule, column: $0.column, message: $0.message, slot: $0.slot)
    }
    let links = context.links

    var regionCode: String?
    if let slot = links.region, !found.contains(where: { $0.slot == slot }),
      let code = context.text(of: .question(slot), in: checked)
    {
      if let resolved = kit.regions.resolve(code) {
        regionCode = resolved
      } else {
        let column = context.plan.columnOf(slot)
        let words = CellWords(
          value: code, column: column.map(context.plan.name(ofColumn:)) ?? "",
          question: context.instrument.questions[slot].name)
        found.append(
          Found(
            rule: .region, column: column,
            message: IngestMessages.region(words, treeFromCodes: kit.regions.isDerived), slot: slot)
        )
      }
    }
    if links.part == .roster, volunteersLoaded {
      for slot in links.volunteerSlots {
        guard let text = context.text(of: .question(slot), in: checked) else { continue }
        let column = context.plan.columnOf(slot)
        for id in text.split(whereSeparator: { " ,;，；、\t".contains($0) })
        where !volunteers.contains(String(id)) {
          let message = IngestMessages.unknownVolunteer(
            id: String(id), column: column.map(context.plan.name(ofColumn:)) ?? "")
          found.append(Found(rule: .unknownVolunteer, column: column, message: message, slot: slot))
        }
      }
    }

    let subject = context.text(of: links.subject, in: checked)
    let subjectColumn = context.column(of: links.subject)
    let subjectColumnName = subjectColumn.map(context.plan.name(ofColumn:))
    if let field = links.subjectName, links.part != .standalone || links.subject != nil,
      subject == nil
    {
      if case .question(let slot)? = links.subject {
        found.removeAll { $0.slot == slot && $0.rule == .required }
      }
      found.append(
        Found(
          rule: .noSubject, column: subjectColumn,
          message: IngestMessages.noSubject(
            column: subjectColumnName, field: field, noun: links.subjectNoun), slot: nil))
    }
    if case .informant = links.part, register.isLoaded, let subject,
      register.child(subject)?.isAccepted != true
    {
      var rejectedRow: (file: String, row: Int)?
      if let child = register.child(subject), child.rejectedFile >= 0 {
        rejectedRow = (summary.files[Int(child.rejectedFile)].path, Int(child.rejectedRow))
      }
      let message = IngestMessages.unlinked(
        id: subject, column: subjectColumnName ?? "", rejectedRegisterRow: rejectedRow)
      found.append(Found(rule: .unlinked, column: subjectColumn, message: message, slot: nil))
    }
    let childRegion =
      links.part == .roster ? regionCode : subject.flatMap { register.region(of: $0) }

    let hasCellErrors = found.contains { !$0.rule.isWarning && !$0.rule.isRowLevel }
    var rejected =
      found.contains { $0.rule.isRowLevel } || (hasCellErrors && options.onInvalid == .reject)

    let responseID =
      context.text(of: links.responseID, in: checked)
      ?? platformText(raw, context.plan.responseIDColumns)
    let timeText =
      context.text(of: links.submittedAt, in: checked)
      ?? platformText(raw, context.plan.submittedAtColumns)
    let moment = timeText.flatMap(DateText.moment)
    let time = moment?.epochSeconds ?? .nan
    // A dateTime question's answer is already ISO text; other sources are rewritten.
    let submittedAt =
      context.submittedAtIsISO && timeText != nil
      ? timeText : (moment.map { $0.hasTime ? $0.isoDateTime : $0.isoDate } ?? timeText)
    let form = context.instrument.formID

    // One hash per map for the usual row: claim the id and the subject, and put the
    // earlier entry back in the rare case of a duplicate.
    let slot = context.keptSlot
    let record = Int32(truncatingIfNeeded: raw.number)
    var claimedID = false
    var resentID: (record: Int32, file: Int32)?
    if !rejected, let responseID {
      let first = kept[slot].byResponseID.updateValue((record, Int32(index)), forKey: responseID)
      if let first, isKeptRow(first, of: subject, in: slot) {
        // The same response sent again: the same-subject rule below keeps the latest.
        resentID = first
      } else if let first {
        kept[slot].byResponseID[responseID] = first
        let column = context.column(of: links.responseID) ?? context.plan.responseIDColumns.first
        let reference = RowReference(
          file: summary.files[Int(first.file)].path, row: Int(first.record),
          sameFile: Int(first.file) == index)
        let message = IngestMessages.duplicateID(
          id: responseID, column: column.map(context.plan.name(ofColumn:)) ?? "", first: reference)
        found.append(Found(rule: .duplicateID, column: column, message: message, slot: nil))
        rejected = true
      } else {
        claimedID = true
      }
    }
    var superseded: KeptRows.Kept?
    let spillOffset = spill.endOffset
    if !rejected, let subject, links.part != .standalone {
      let mine = KeptRows.Kept(
        time: time, record: record, line: Int32(truncatingIfNeeded: raw.line), file: Int32(index),
        spill: spillOffset)
      if let previous = kept[slot].bySubject.updateValue(mine, forKey: subject) {
        if KeptRows.replaces(time, previous.time) {
          superseded = previous
        } else {
          kept[slot].bySubject[subject] = previous
          let keptTime = try spill.record(at: previous.spill).first
          let reference = RowReference(
            file: summary.files[Int(previous.file)].path, row: Int(previous.record),
            sameFile: Int(previous.file) == index)
          let message = IngestMessages.duplicateSubject(
            id: subject, noun: links.subjectNoun, form: form, this: submittedAt, kept: reference,
            keptTime: keptTime.flatMap { $0.isEmpty ? nil : $0 }, keptIsLater: false)
          found.append(
            Found(rule: .duplicateSubject, column: subjectColumn, message: message, slot: nil))
          rejected = true
          if let responseID {
            if let resentID {
              // The same response sent again, older than the kept one: the id stays with the kept row.
              kept[slot].byResponseID[responseID] = resentID
            } else if claimedID {
              kept[slot].byResponseID.removeValue(forKey: responseID)
            }
          }
        }
      }
    }

    for item in found {
      let problem = IngestProblem(
        rule: item.rule, file: context.file.path, line: raw.line, record: raw.number,
        column: item.column.map { $0 + 1 } ?? 0,
        columnName: item.column.map(context.plan.name(ofColumn:)) ?? "",
        message: item.message)
      try note(problem, cells: .raw(raw), fileIndex: index, region: childRegion)
    }
    if rejected {
      summary.files[index].rejected += 1
      summary.regionRejections[childRegion ?? "", default: 0] += 1
      if links.part == .roster, let subject {
        register.reject(subject, file: index, row: raw.number)
      }
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
    if subject != nil, links.part != .standalone {
      let offset = try spill.append(submittedAt ?? "", raw: raw)
      precondition(offset == spillOffset, "the kept row's cells are where its entry says")
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
      source: SourceLocation(file: context.file.path, row: raw.number, column: 0),
      answers: checked.answers)
    sink.accept(response, of: context.instrument)
  }
}
