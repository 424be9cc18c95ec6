import CSVStream

/// How an ingestion run reads, checks and reports.
public struct IngestOptions: Sendable {
  /// What to do with a row whose only problems are in cells. Default: reject it.
  public var onInvalid: InvalidCellPolicy
  /// The text encoding of every data file, or `nil` to detect it per file.
  public var encoding: TextEncoding?
  /// The date `today()` returns in form expressions (`YYYY-MM-DD`); `nil` = the
  /// local date. Give one for reproducible runs of forms that use `today()`.
  public var today: String?
  /// Where to write rejects.csv, or `nil` not to write it.
  public var rejectsPath: String?
  /// Where temporary files go; `nil` = the system's temporary folder.
  public var temporaryDirectory: String?
  /// How many located examples each file report keeps per rule. Default 3.
  public var examplesPerRule: Int
  /// Called every few thousand rows and at the end of each file, for progress
  /// displays; `nil` for none.
  public var progress: (@Sendable (IngestProgress) -> Void)?

  /// Creates options; every parameter has the documented default.
  public init(
    onInvalid: InvalidCellPolicy = .reject, encoding: TextEncoding? = nil, today: String? = nil,
    rejectsPath: String? = nil, temporaryDirectory: String? = nil, examplesPerRule: Int = 3,
    progress: (@Sendable (IngestProgress) -> Void)? = nil
  ) {
    self.onInvalid = onInvalid
    self.encoding = encoding
    self.today = today
    self.rejectsPath = rejectsPath
    self.temporaryDirectory = temporaryDirectory
    self.examplesPerRule = examplesPerRule
    self.progress = progress
  }
}

/// Where a run is, for progress displays.
public struct IngestProgress: Sendable, Hashable {
  /// The file being read.
  public var file: String
  /// Data rows read from it so far.
  public var rows: Int
  /// About how many bytes of it were read (the text of the fields read).
  public var bytes: Int
  /// The file's size in bytes, when known.
  public var totalBytes: Int?
  /// Whether the file is finished.
  public var isFinished: Bool

  /// Creates a progress report.
  public init(file: String, rows: Int, bytes: Int, totalBytes: Int?, isFinished: Bool) {
    self.file = file
    self.rows = rows
    self.bytes = bytes
    self.totalBytes = totalBytes
    self.isFinished = isFinished
  }
}

/// A data file and the instrument (form_id) whose answers it holds.
public struct DataFile: Sendable, Hashable {
  /// The path as given.
  public var path: String
  /// The form_id of the instrument.
  public var form: String

  /// Creates a data file.
  public init(path: String, form: String) {
    self.path = path
    self.form = form
  }
}
