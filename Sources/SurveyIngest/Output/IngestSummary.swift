import SurveySchema

/// The share of register children with an accepted response to one instrument,
/// in one region (or `all`).
public struct ResponseRate: Sendable, Hashable {
  /// The instrument's form_id.
  public var form: String
  /// The region code, or `all` for the whole register.
  public var region: String
  /// The region's level, or `nil` for `all` and unknown codes.
  public var level: RegionLevel?
  /// Register children (accepted register rows) in the region.
  public var registered: Int
  /// Of those, the children with an accepted response.
  public var responded: Int

  /// Creates a rate.
  public init(form: String, region: String, level: RegionLevel?, registered: Int, responded: Int) {
    self.form = form
    self.region = region
    self.level = level
    self.registered = registered
    self.responded = responded
  }

  /// Children with no accepted response (non-response).
  public var missing: Int { registered - responded }

  /// `responded / registered`, or `nil` when nobody is registered.
  public var rate: Double? { registered == 0 ? nil : Double(responded) / Double(registered) }
}

/// Problems counted for one column of one file.
public struct ColumnProblemCount: Sendable, Hashable {
  /// The data file.
  public var file: String
  /// The column header.
  public var column: String
  /// The rule.
  public var rule: IngestRule
  /// How many problems.
  public var count: Int

  /// Creates a count.
  public init(file: String, column: String, rule: IngestRule, count: Int) {
    self.file = file
    self.column = column
    self.rule = rule
    self.count = count
  }
}

/// The outcome of an ingestion run: per file, per rule, per column and per region,
/// and the response rates of the informant instruments. Write it as quality.json
/// with ``qualityJSON()``.
public struct IngestSummary: Sendable, Hashable {
  /// One report per data file, in the order read.
  public var files: [FileReport] = []
  /// Problems by rule over all files.
  public var problems: [IngestRule: Int] = [:]
  /// Problems by file, column and rule, sorted by file, column and rule.
  public var columnProblems: [ColumnProblemCount] = []
  /// Problems by the region of the child (or volunteer) concerned; `""` when unknown.
  public var regionProblems: [String: Int] = [:]
  /// Rejected rows by the region of the child concerned; `""` when unknown.
  public var regionRejections: [String: Int] = [:]
  /// Response rates per informant instrument and region (every level, and `all`).
  public var responseRates: [ResponseRate] = []
  /// Notes about the run as a whole (no register given, a check that could not be
  /// evaluated, a file that matched no form…).
  public var notes: [Diagnostic] = []

  /// Creates an empty summary.
  public init() {}

  /// Rows read over all files.
  public var read: Int { files.reduce(0) { $0 + $1.read } }
  /// Rows accepted over all files.
  public var accepted: Int { files.reduce(0) { $0 + $1.accepted } }
  /// Rows rejected over all files.
  public var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
  /// The share of rows rejected, 0 when nothing was read.
  public var rejectRate: Double { read == 0 ? 0 : Double(rejected) / Double(read) }
  /// Whether some file could not be read at all.
  public var hasUnreadableFiles: Bool { files.contains { $0.failure != nil } }
}
