import CSVStream
import Foundation
import SurveySchema

/// The state of one ingestion run over a data set: the register, the kept rows per
/// instrument, the spools and the summary being built. Memory is O(children).
struct IngestRun {
  let kit: Kit
  let options: IngestOptions
  let today: String
  var register = Register()
  var volunteers = IDTable<Void>()
  var volunteersLoaded = false
  /// Kept rows per instrument, indexed by `keptSlots`.
  var kept: [KeptRows] = []
  var keptSlots: [String: Int] = [:]
  /// The cells of kept rows (with their submission time first), for duplicates found later.
  let spill: RecordSpool
  /// The lines of rejects.csv before the header width is known.
  let rejects: RecordSpool?
  var widestRejectedRow = 0
  var summary = IngestSummary()
  var columnCounts: [ColumnKey: Int] = [:]
  var informantBits: [String: Int] = [:]
  var rules: [String: InstrumentRules] = [:]
  /// Per file index: the subject column (0-based) and its header, for duplicates found later.
  var subjectColumns: [Int: (index: Int, name: String)] = [:]
  var bytesRead = 0

  struct ColumnKey: Hashable {
    var file: Int
    var column: String
    var rule: IngestRule
  }

  init(kit: Kit, options: IngestOptions) throws(IngestError) {
    self.kit = kit
    self.options = options
    today = options.today ?? Self.localDate()
    spill = try RecordSpool(directory: options.temporaryDirectory, purpose: "kept")
    rejects =
      options.rejectsPath == nil
      ? nil : try RecordSpool(directory: options.temporaryDirectory, purpose: "rejects")
  }

  /// Reads one data file, row by row, once.
  mutating func read(_ file: DataFile, into sink: inout some ResponseSink) throws(IngestError) {
    let index = summary.files.count
    summary.files.append(FileReport(path: file.path, form: file.form))
    guard let instrument = kit.instrument(formID: file.form) else {
      throw IngestError.usage("the kit has no form '\(file.form)' (for \(file.path))")
    }
    let reader: CSVReader
    do {
      reader = try CSVReader(
        path: file.path,
        options: CSVReaderOptions(encoding: options.encoding, recoverFromErrors: true))
    } catch {
      summary.files[index].failure = error.description
      return
    }
    let (context, firstChecker) = prepare(
      file, index: index, instrument: instrument, reader: reader)
    var checker = firstChecker
    if context.links.part == .roster { register.isLoaded = true }
    if context.links.part == .volunteer { volunteersLoaded = true }
    var isFirst = true
    bytesRead = 0
    let total = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? nil
    func onMalformed(_ error: CSVError) throws {
      try self.malformed(error, context)
    }
    do {
      try withoutActuallyEscaping(onMalformed) { handler in
        try reader.forEachRecord(malformed: handler) { raw in
          if isFirst {
            isFirst = false
            if Self.isHXLRow(raw) {
              summary.files[index].hasHXLRow = true
              return
            }
          }
          try self.row(raw, context, checker: &checker, into: &sink)
          if let progress = options.progress, summary.files[index].read % 8192 == 0 {
            progress(
              IngestProgress(
                file: file.path, rows: summary.files[index].read, bytes: bytesRead,
                totalBytes: total, isFinished: false))
          }
        }
      }
    } catch let error as IngestError {
      throw error
    } catch {
      summary.files[index].failure = String(describing: error)
    }
    let report = summary.files[index]
    options.progress?(
      IngestProgress(
        file: file.path, rows: report.read, bytes: bytesRead, totalBytes: total, isFinished: true))
    precondition(
      report.read == report.accepted + report.rejected, "every row read is accepted or rejected")
  }

  /// Recognises the file's layout and prepares its plan.
  private mutating func prepare(
    _ file: DataFile, index: Int, instrument: Instrument, reader: CSVReader
  ) -> (FileContext, RowChecker) {
    let header = reader.header ?? []
    let map = ColumnMap.recognise(
      header: header, index: FormIndex(instrument), fileName: file.path, delimiter: reader.delimiter
    )
    let instrumentRules: InstrumentRules
    if let known = rules[instrument.formID] {
      instrumentRules = known
    } else {
      instrumentRules = InstrumentRules(instrument)
      rules[instrument.formID] = instrumentRules
      summary.notes += instrumentRules.notes
    }
    let plan = FilePlan(map: map, header: header, instrument: instrument)
    var checker = RowChecker(plan: plan, rules: instrumentRules, today: today)
    let links = InstrumentLinks(instrument, kit: kit, informantBit: informantBit(for: instrument))
    if case .question(let slot)? = links.submittedAt { checker.timeSlot = slot }
    let keptSlot = keptSlots[instrument.formID] ?? kept.count
    if keptSlot == kept.count {
      kept.append(KeptRows())
      keptSlots[instrument.formID] = keptSlot
    }
    let context = FileContext(
      index: index, file: file, instrument: instrument, plan: plan, links: links,
      keptSlot: keptSlot,
      headerCount: header.count)
    var report = summary.files[index]
    report.layout = map.layout
    report.encoding = reader.encoding
    report.delimiter = reader.delimiter
    report.columns = map.columns.map { FileReport.ColumnEntry($0, instrument: instrument) }
    report.missingQuestions = map.missingQuestions.map { instrument.questions[$0].name }
    report.missingRequired = map.missingQuestions.filter {
      instrument.questions[$0].required != .no
    }
    .map { instrument.questions[$0].name }
    summary.files[index] = report
    if let column = context.column(of: links.subject) {
      subjectColumns[index] = (column, plan.name(ofColumn: column))
    }
    if !report.missingRequired.isEmpty {
      let names = report.missingRequired.map { "'\($0)'" }.joined(separator: ", ")
      summary.notes.append(
        Diagnostic(
          .warning, at: SourceLocation(file: file.path, row: 1, column: 1),
          "no column for the required question\(report.missingRequired.count == 1 ? "" : "s") \(names); those answers are blank in every row"
        ))
    }
    if links.subject == nil, let field = instrument.subjectField {
      summary.notes.append(
        Diagnostic(
          .error, at: SourceLocation(file: file.path, row: 1, column: 1),
          "the form's subject field '\(field)' is not a question of form '\(instrument.formID)'"))
    }
    return (context, checker)
  }

  private mutating func informantBit(for instrument: Instrument) -> Int? {
    if let bit = informantBits[instrument.formID] { return bit }
    guard instrument.subjectField != nil, instrument.respondent != .roster,
      instrument.respondent != .volunteer,
      informantBits.count < 32
    else { return nil }
    let bit = informantBits.count
    informantBits[instrument.formID] = bit
    return bit
  }

  /// Whether a record is a second header row of HXL hashtags (`#adm1`, `#date +submitted`).
  static func isHXLRow(_ raw: CSVRawRecord) -> Bool {
    var tags = 0
    for index in 0..<raw.count {
      let bytes = raw.bytes(at: index)
      guard !bytes.isEmpty else { continue }
      guard bytes[0] == 0x23 else { return false }
      tags += 1
    }
    return tags > 0
  }

  static func localDate() -> String {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return "\(pad(parts.year ?? 1970, 4))-\(pad(parts.month ?? 1, 2))-\(pad(parts.day ?? 1, 2))"
  }
}
