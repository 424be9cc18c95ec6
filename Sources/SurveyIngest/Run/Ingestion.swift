import SurveySchema

/// Ingestion of a data set against a kit: platform exports to typed, validated
/// responses linked to the child register, every row accounted for.
///
/// ```swift
/// let ingestion = Ingestion(kit: kit, options: IngestOptions(rejectsPath: "out/rejects.csv"))
/// let match = try ingestion.dataFiles(for: ["data/"])
/// var sink = MySink()
/// let summary = try ingestion.run(match.files, into: &sink)
/// try summary.qualityJSON().write(toFile: "out/quality.json", atomically: true, encoding: .utf8)
/// ```
public struct Ingestion: Sendable {
  /// The kit whose instruments the files answer.
  public var kit: Kit
  /// How to read, check and report.
  public var options: IngestOptions

  /// Creates an ingestion.
  public init(kit: Kit, options: IngestOptions = .init()) {
    self.kit = kit
    self.options = options
  }

  /// Reads every file once, streaming, and passes each accepted row to `sink`.
  ///
  /// Files are read in this order: the volunteer register, the child register
  /// (roster), then the other instruments in kit order (files of one form in the
  /// order given). The sink receives `accept(_:of:)` once per accepted row, in that
  /// order and in file order within a file, registers included (form `roster` with
  /// the child id as subject, `volunteer` with the volunteer id). When a child (or
  /// volunteer) answers an instrument twice, the sink is called again for the later
  /// row only if it is the one kept (the latest by submission time; on a tie or
  /// without times, the row read last); the earlier row is then rejected as a
  /// duplicate pointing at it, so a sink must let a later response for the same form
  /// and subject replace the earlier one. A later row that is older than the kept
  /// one is rejected and never reaches the sink.
  ///
  /// Memory grows with the number of children (one small entry per child and
  /// instrument), not with the number of rows; rows that may still be needed for
  /// rejects.csv are kept in a temporary file.
  /// - Parameters:
  ///   - files: The data files and their forms (see ``dataFiles(for:)``).
  ///   - sink: Where accepted responses go.
  /// - Returns: The summary: per file, rule, column and region, and response rates.
  /// - Throws: ``IngestError`` for a form the kit lacks, or a temporary file or
  ///   rejects.csv that cannot be written. An unreadable data file does not throw:
  ///   its report says why (`FileReport.failure`).
  public func run(_ files: [DataFile], into sink: inout some ResponseSink) throws(IngestError)
    -> IngestSummary
  {
    for file in files where kit.instrument(formID: file.form) == nil {
      let known = kit.instruments.map(\.formID).joined(separator: ", ")
      throw IngestError.usage(
        "the kit has no form '\(file.form)' (for \(file.path)); its forms are: \(known)")
    }
    var run = try IngestRun(kit: kit, options: options)
    for file in ordered(files) {
      try run.read(file, into: &sink)
    }
    return try run.finish()
  }

  /// The files in reading order: volunteer register, child register, then the
  /// other forms in kit order; files of one form keep the order given.
  func ordered(_ files: [DataFile]) -> [DataFile] {
    func rank(_ file: DataFile) -> (Int, Int) {
      let position = kit.instruments.firstIndex { $0.formID == file.form } ?? Int.max
      switch kit.instrument(formID: file.form)?.respondent {
      case .volunteer?: return (0, position)
      case .roster?: return (1, position)
      default: return (2, position)
      }
    }
    return files.enumerated().sorted { a, b in
      let (x, y) = (rank(a.element), rank(b.element))
      return x != y ? x < y : a.offset < b.offset
    }.map(\.element)
  }
}

/// A no-op sink, for validating a data set without keeping the responses.
public struct DiscardingSink: ResponseSink {
  /// The number of responses received (replacements included).
  public private(set) var received = 0

  /// Creates the sink.
  public init() {}

  /// Counts the response and drops it.
  public mutating func accept(_ response: Response, of instrument: Instrument) {
    received += 1
  }
}
