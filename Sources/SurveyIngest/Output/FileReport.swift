import CSVStream
import SurveySchema

/// What happened to one data file: how it was read, how its columns matched the
/// form, and how many rows were accepted and rejected.
///
/// Every data row read ends accepted or rejected: `read == accepted + rejected`.
public struct FileReport: Sendable, Hashable {
  /// One header column and what the ingest made of it, in words.
  public struct ColumnEntry: Sendable, Hashable {
    /// The header text.
    public var header: String
    /// `answer`, `option`, `other-text`, `form-metadata`, `platform-metadata` or `ignored`.
    public var kind: String
    /// The question the column feeds (or the metadata field), or "" for ignored columns.
    public var target: String
    /// How it matched (`name`, `path`, `label`, `order`, `case-insensitive`, `metadata`, `none`).
    public var match: String
    /// Why an ignored column is ignored, or "".
    public var reason: String

    /// Creates an entry.
    public init(header: String, kind: String, target: String, match: String, reason: String) {
      self.header = header
      self.kind = kind
      self.target = target
      self.match = match
      self.reason = reason
    }
  }

  /// The path as given.
  public var path: String
  /// The form_id of the instrument the file holds.
  public var form: String
  /// The layout recognised; `nil` when the file could not be read.
  public var layout: ExportLayout?
  /// The text encoding, as detected or given.
  public var encoding: TextEncoding?
  /// The delimiter byte.
  public var delimiter: UInt8?
  /// Whether a second header row of HXL hashtags was found and skipped.
  public var hasHXLRow = false
  /// Data rows read (the header and an HXL row not counted).
  public var read = 0
  /// Rows accepted and passed on.
  public var accepted = 0
  /// Rows rejected (listed in rejects.csv).
  public var rejected = 0
  /// Cells blanked under ``InvalidCellPolicy/blank`` (their rows were kept).
  public var blankedCells = 0
  /// Problems found, by rule (a row may have several).
  public var problems: [IngestRule: Int] = [:]
  /// The first few problems of each rule, located.
  public var examples: [IngestProblem] = []
  /// Every header column and its role.
  public var columns: [ColumnEntry] = []
  /// Analysable questions with no column in the file (their answers are blank).
  public var missingQuestions: [String] = []
  /// Required questions among `missingQuestions`.
  public var missingRequired: [String] = []
  /// Why the file could not be read at all, or `nil`.
  public var failure: String?

  /// Creates an empty report for a file.
  public init(path: String, form: String) {
    self.path = path
    self.form = form
  }

  /// The share of rows rejected, 0 when no row was read.
  public var rejectRate: Double { read == 0 ? 0 : Double(rejected) / Double(read) }

  /// The delimiter as people name it: `,` `;` `tab` `|`.
  public var delimiterName: String {
    guard let delimiter else { return "" }
    return delimiter == 0x09 ? "tab" : String(UnicodeScalar(delimiter))
  }
}

extension FileReport.ColumnEntry {
  /// Describes a column of a map against its instrument.
  init(_ column: ColumnMap.Column, instrument: Instrument) {
    let questions = instrument.questions
    var target = ""
    var reason = ""
    let kind: String
    switch column.role {
    case .answer(let slot):
      kind = "answer"
      target = questions[slot].name
    case .option(let slot, let choice):
      kind = "option"
      target = "\(questions[slot].name)=\(choice)"
    case .otherText(let slot):
      kind = "other-text"
      target = questions[slot].name
    case .formMetadata(let index):
      kind = "form-metadata"
      target = instrument.metadata[index].name
    case .platform(let field):
      kind = "platform-metadata"
      switch field {
      case .responseID: target = "response id"
      case .submittedAt: target = "submission time"
      case .other: target = ""
      }
    case .ignored(let why):
      kind = "ignored"
      reason = why
    }
    self.init(
      header: column.header, kind: kind, target: target, match: column.match.rawValue,
      reason: reason)
  }
}
