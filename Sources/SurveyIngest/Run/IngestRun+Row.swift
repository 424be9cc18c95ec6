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
        for id in unknownVolunteers(in: text) {
          let message = IngestMessages.unknownVolunteer(
            id: id, column: column.map(context.plan.name(ofColumn:)) ?? "")
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
    // The register entry of the child the row is about (one lookup for the row).
    let childEntry = links.part == .roster ? nil : subject.flatMap { register.entry(of: $0) }
    if case .informant = links.part, register.isLoaded, let subject,
      childEntry.map({ register.children[$0].isAccepted }) != true
    {
      var rejectedRow: (file: String, row: Int)?
      if let child = childEntry.map({ register.children[$0] }), child.rejectedFile >= 0 {
        rejectedRow = (summary.files[Int(child.rejectedFile)].path, Int(child.rejectedRow))
      }
      let message = IngestMessages.unlinked(
        id: subject, column: subjectColumnName ?? "", rejectedRegisterRow: rejectedRow)
      found.append(Found(rule: .unlinked, column: subjectColumn, message: message, slot: nil))
    }
    let childRegion =
      links.part == .roster ? regionCode : childEntry.flatMap { register.region(ofEntry: $0) }

    let hasCellErrors = found.contains { !$0.rule.isWarning && !$0.rule.isRowLevel }
    var rejected =
      found.contains { $0.rule.isRowLevel } || (hasCellErrors && options.onInvalid == .reject)

    let responseID =
      context.text(of: links.responseID, in: checked)
      ?? platformText(raw, context.plan.responseIDColumns)
    let timeText =
      context.text(of: links.submittedAt, in: checked)
      ?? platformText(raw, context.plan.submittedAtColumns)
    // A dateTime question's answer is already ISO text; other sources are rewritten.
    let time: Double
    let submittedAt: String?
    if context.submittedAtIsISO, let timeText, let decoded = checker.decodedTime,
      decoded.text == timeText
    {
      // The text is the ISO form of the moment just decoded; parsing it again
      // would give the same seconds.
      time = decoded.seconds
      submittedAt = timeText
    } else {
      let moment = timeText.flatMap(DateText.moment)
      time = moment?.epochSeconds ?? .nan
      submittedAt =
        context.submittedAtIsISO && timeText != nil
        ? timeText : (moment.map { $0.hasTime ? $0.isoDateTime : $0.isoDate } ?? timeText)
    }
    let form = context.instrument.formID

    // Both maps are looked up before either is changed, so that their memory is
    // fetched at the same time.
    let slot = context.keptSlot
    let idLookup = rejected ? nil : responseID.map { kept[slot].byResponseID.lookUp($0) }
    let subjectLookup =
      rejected || links.part == .standalone
      ? nil : subject.map { kept[slot].bySubject.lookUp($0) }
    var claim = DuplicateClaim()
    if let responseID, let idLookup {
      if let problem = claimResponseID(
        responseID, subject: subject, record: raw.number, context, lookup: idLookup,
        claim: &claim)
      {
        found.append(
          Found(rule: .duplicateID, column: problem.column, message: problem.message, slot: nil))
        rejected = true
      }
    }
    var superseded: KeptRows.Kept?
    let spillOffset = spill.endOffset
    if !rejected, let subject, let subjectLookup {
      let mine = KeptRows.Kept(
        time: time, record: Int32(truncatingIfNeeded: raw.number),
        line: Int32(truncatingIfNeeded: raw.line), file: Int32(index), spill: spillOffset)
      switch try claimSubject(
        subject, mine, context, submittedAt: submittedAt, lookup: subjectLookup, claim: claim)
      {
      case .kept: break
      case .replaces(let previous): superseded = previous
      case .duplicate(let message):
        found.append(
          Found(rule: .duplicateSubject, column: subjectColumn, message: message, slot: nil))
        rejected = true
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
      checker.recycle(&checked.answers)
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
    case .volunteer: if let subject { _ = volunteers.entry(of: subject, inserting: ()) }
    case .informant(let bit):
      if let childEntry { register.markResponded(entry: childEntry, bit: bit) }
    case .standalone: break
    }
    sink.accept(
      Response(
        form: form, responseID: responseID, subject: subject, submittedAt: submittedAt,
        source: SourceLocation(file: context.file.path, row: raw.number, column: 0),
        answers: checked.answers),
      of: context.instrument)
    // Once the response is gone (unless the sink kept it), the array is the
    // checker's alone again, and the next row writes over it.
    checker.recycle(&checked.answers)
  }
}
