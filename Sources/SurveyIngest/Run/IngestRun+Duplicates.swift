import SurveySchema

/// Reused response ids and children answering twice: one lookup per map for a
/// usual row, which claims the id and the child at once.
extension IngestRun {
  /// What a row claimed in the response-id map, to be given back if the row is
  /// rejected as a same-child duplicate afterwards.
  struct DuplicateClaim {
    /// The id's entry, when this row holds it now.
    var idEntry: Int?
    /// The id was new to this row (or its earlier claim had been withdrawn).
    var isNewID = false
    /// The same response sent again: the row that held the id before.
    var resent: KeptRows.Claim?
  }

  /// How a row stands against the kept row of its subject.
  enum SubjectClaim {
    /// The first row of the subject.
    case kept
    /// It replaces the kept row (later, or read later at the same time).
    case replaces(KeptRows.Kept)
    /// It loses to the kept row: the duplicate-subject message.
    case duplicate(String)
  }

  /// Claims a response id for the row; returns the duplicate-id problem (column and
  /// message) when an earlier row holds the id, except when that row is the kept
  /// row of the same subject (the same response sent again, which the same-subject
  /// rule settles).
  mutating func claimResponseID(
    _ responseID: String, subject: String?, record: Int, _ context: FileContext,
    lookup: IDTable<KeptRows.Claim>.Lookup, claim: inout DuplicateClaim
  ) -> (column: Int?, message: String)? {
    let slot = context.keptSlot
    let mine = KeptRows.Claim(record: Int32(truncatingIfNeeded: record), file: Int32(context.index))
    let (entry, inserted) = kept[slot].byResponseID.entry(
      of: responseID, at: lookup, inserting: mine)
    let first = inserted ? nil : kept[slot].byResponseID[entry]
    if let first, !first.isWithdrawn {
      if isKeptRow(first, of: subject, in: slot) {
        claim.resent = first
        claim.idEntry = entry
        kept[slot].byResponseID[entry] = mine
        return nil
      }
      let column =
        context.column(of: context.links.responseID) ?? context.plan.responseIDColumns.first
      let reference = RowReference(
        file: summary.files[Int(first.file)].path, row: Int(first.record),
        sameFile: Int(first.file) == context.index)
      let message = IngestMessages.duplicateID(
        id: responseID, column: column.map(context.plan.name(ofColumn:)) ?? "", first: reference)
      return (column, message)
    }
    kept[slot].byResponseID[entry] = mine
    claim.idEntry = entry
    claim.isNewID = true
    return nil
  }

  /// Claims the subject for the row. A row that loses gives back the id it claimed.
  mutating func claimSubject(
    _ subject: String, _ mine: KeptRows.Kept, _ context: FileContext, submittedAt: String?,
    lookup: IDTable<KeptRows.Kept>.Lookup, claim: DuplicateClaim
  ) throws(IngestError) -> SubjectClaim {
    let slot = context.keptSlot
    let (entry, inserted) = kept[slot].bySubject.entry(of: subject, at: lookup, inserting: mine)
    if inserted { return .kept }
    let previous = kept[slot].bySubject[entry]
    if KeptRows.replaces(mine.time, previous.time) {
      kept[slot].bySubject[entry] = mine
      return .replaces(previous)
    }
    let keptTime = try spill.record(at: previous.spill).first
    let reference = RowReference(
      file: summary.files[Int(previous.file)].path, row: Int(previous.record),
      sameFile: Int(previous.file) == context.index)
    let message = IngestMessages.duplicateSubject(
      id: subject, noun: context.links.subjectNoun, form: context.instrument.formID,
      this: submittedAt, kept: reference, keptTime: keptTime.flatMap { $0.isEmpty ? nil : $0 },
      keptIsLater: false)
    if let idEntry = claim.idEntry {
      if let resent = claim.resent {
        // The same response sent again, older than the kept one: the id stays with the kept row.
        kept[slot].byResponseID[idEntry] = resent
      } else if claim.isNewID {
        kept[slot].byResponseID[idEntry].file = -1
      }
    }
    return .duplicate(message)
  }

  /// Whether the row an id points at is the kept row of `subject`: the same
  /// response sent again, which the same-subject rule (latest wins) handles.
  func isKeptRow(_ row: KeptRows.Claim, of subject: String?, in slot: Int) -> Bool {
    guard let subject, let entry = kept[slot].bySubject.entry(of: subject) else { return false }
    let kept = kept[slot].bySubject[entry]
    return kept.record == row.record && kept.file == row.file
  }
}
