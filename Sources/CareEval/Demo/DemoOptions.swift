import CSVStream

/// How `careeval demo` lays out the questionnaire files: as each collection platform
/// exports them (FORMATS.md §2-§4). The two registers are always plain CSV, as the
/// federations' information systems export them.
public enum DemoLayout: String, Sendable, CaseIterable {
  /// Question names as headers, choice names as values, select_multiple space-separated, `,`, LF.
  case plain
  /// KoboToolbox (formpack): `;`, every field quoted, CRLF, `group/question` headers, a
  /// select_multiple summary column plus one `question/choice` 1/0 column per choice, and
  /// the `_id` … `_index` metadata tail.
  case kobo
  /// ODK Central: `SubmissionDate` first, `group-question` headers, split select_multiple
  /// columns (`group-question/choice`), `meta-instanceID`, and the `KEY` … `FormVersion` tail.
  case odk
  /// 问卷星 (wjx.cn) text download: 序号, 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP, then
  /// `N、题干` headers with Chinese labels as values, `┋` between chosen options and
  /// `(跳过)` for questions skipped by logic.
  case wjx
}

/// What `careeval demo` generates (issue 7). Every option has the documented default.
public struct DemoOptions: Sendable {
  /// The kit folder. Default `surveys/aixin`.
  public var kitPath: String
  /// Where the files are written (created when missing).
  public var outputDirectory: String
  /// Children in the generated population. Default 20,000.
  public var children: Int
  /// The seed: the same seed and options give byte-identical files.
  public var seed: UInt64
  /// Draw a stratified two-stage sample (strata = counties, PSUs = villages) instead of
  /// surveying every child; the roster then lists the sampled children with weights.
  public var sample: Bool
  /// Villages drawn per county when sampling (all of them in smaller counties).
  public var villagesPerCounty: Int
  /// Children drawn per sampled village (all of them in smaller villages).
  public var childrenPerVillage: Int
  /// The questionnaire files' layout.
  public var layout: DemoLayout
  /// The files' text encoding (`utf8`, `utf8BOM` or `gb18030`); `nil` = the layout's
  /// usual one (UTF-8 without BOM; 问卷星 with BOM).
  public var encoding: TextEncoding?
  /// The share of data rows that get an injected error (0 = none), listed in errors.csv.
  public var errorRate: Double
  /// Region codes (provinces, cities or counties) whose counties are generated;
  /// empty = every county of the kit's regions.csv.
  public var regions: [String]
  /// Show progress on standard error (only honoured when it is a terminal).
  public var showProgress: Bool

  /// Creates options; every parameter has the documented default.
  public init(
    kitPath: String = "surveys/aixin", outputDirectory: String, children: Int = 20_000,
    seed: UInt64 = 1,
    sample: Bool = false, villagesPerCounty: Int = 6, childrenPerVillage: Int = 12,
    layout: DemoLayout = .plain, encoding: TextEncoding? = nil, errorRate: Double = 0,
    regions: [String] = [], showProgress: Bool = true
  ) {
    self.kitPath = kitPath
    self.outputDirectory = outputDirectory
    self.children = children
    self.seed = seed
    self.sample = sample
    self.villagesPerCounty = villagesPerCounty
    self.childrenPerVillage = childrenPerVillage
    self.layout = layout
    self.encoding = encoding
    self.errorRate = errorRate
    self.regions = regions
    self.showProgress = showProgress
  }

  /// The encoding files are written in: the one given, else the layout's usual one.
  public var effectiveEncoding: TextEncoding {
    if let encoding { return encoding }
    return layout == .wjx ? .utf8BOM : .utf8
  }
}

/// What a demo run produced.
public struct DemoSummary: Sendable {
  /// The files written, relative to the output folder, in the order written.
  public var files: [String]
  /// Children generated (the population).
  public var children: Int
  /// Children in the roster: the population, or the sample.
  public var rosterRows: Int
  /// Volunteers in the register.
  public var volunteers: Int
  /// Counties with at least one child.
  public var counties: Int
  /// Errors injected (rows of errors.csv).
  public var injectedErrors: Int
  /// Questions the generator had no model for and answered generically, or could not
  /// answer within the form's rules; empty for the default kit.
  public var notes: [String]

  /// Creates a summary.
  public init(
    files: [String], children: Int, rosterRows: Int, volunteers: Int, counties: Int,
    injectedErrors: Int,
    notes: [String]
  ) {
    self.files = files
    self.children = children
    self.rosterRows = rosterRows
    self.volunteers = volunteers
    self.counties = counties
    self.injectedErrors = injectedErrors
    self.notes = notes
  }
}

/// A problem that stops a demo run: the kit cannot be used, or a file cannot be written.
public struct DemoError: Error, Sendable, CustomStringConvertible {
  /// What went wrong, in words a survey coordinator can act on.
  public var message: String

  /// Creates an error.
  public init(_ message: String) {
    self.message = message
  }

  /// The message as the command line prints it: `error: …`.
  public var description: String { "error: \(message)" }
}
