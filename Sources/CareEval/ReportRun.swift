import Foundation
import SurveyIngest
import SurveyReports
import SurveySchema
import SurveyScoring

/// What `careeval report` is asked to do: which kit and data, and what to write where.
public struct ReportRequest: Sendable {
  /// The kit folder.
  public var kitPath: String
  /// Data files or folders (a folder's files are matched to forms by name or columns).
  public var data: [String]
  /// Data files given with their form (`--input child=path`).
  public var inputs: [DataFile]
  /// Where the report files go (created if missing).
  public var outputDirectory: String
  /// The formats to write, in this order.
  public var formats: [ReportOutput]
  /// Language, levels, region and how many shortfalls the headline lists.
  public var report: ReportOptions
  /// Breakdown, suppression threshold, confidence level, lonely-PSU rule.
  public var scoring: ScoringOptions
  /// Encoding, invalid-cell policy, `today()`, progress.
  public var ingest: IngestOptions

  /// Creates a request; every option not given has the toolkit's default.
  public init(
    kitPath: String, data: [String], inputs: [DataFile] = [], outputDirectory: String,
    formats: [ReportOutput] = ReportOutput.allCases, report: ReportOptions = ReportOptions(),
    scoring: ScoringOptions = ScoringOptions(), ingest: IngestOptions = IngestOptions()
  ) {
    self.kitPath = kitPath
    self.data = data
    self.inputs = inputs
    self.outputDirectory = outputDirectory
    self.formats = formats
    self.report = report
    self.scoring = scoring
    self.ingest = ingest
  }
}

/// What a report run produced.
public struct ReportOutcome: Sendable {
  /// The report as built (in the requested language and scope).
  public var report: GapReport
  /// The files written, in the order of the requested formats.
  public var paths: [String]
  /// What ingestion found: files, rejected rows, response rates.
  public var ingest: IngestSummary
  /// Problems found while scoring and notes from ingestion (files passed over…).
  public var diagnostics: [Diagnostic]

  /// Creates an outcome.
  public init(report: GapReport, paths: [String], ingest: IngestSummary, diagnostics: [Diagnostic]) {
    self.report = report
    self.paths = paths
    self.ingest = ingest
    self.diagnostics = diagnostics
  }

  /// Whether the data had problems: rejected rows, an unreadable file, or an error
  /// while scoring (the command then exits with status 1; the report is written).
  public var hasDataProblems: Bool {
    ingest.rejected > 0 || ingest.hasUnreadableFiles
      || diagnostics.contains { $0.severity == .error }
  }
}

/// A problem that stops a report run before anything is written.
public struct ReportRunError: Error, Sendable, CustomStringConvertible {
  /// What went wrong, with locations where there are some.
  public var message: String
  /// Whether the request itself is wrong (an unknown region, level, form or path):
  /// exit status 64 rather than 1.
  public var isUsage: Bool

  init(_ message: String, isUsage: Bool) {
    self.message = message
    self.isUsage = isUsage
  }

  /// The message, as printed by `careeval report`.
  public var description: String { message }
}

/// `careeval report` as a library call: load and lint the kit, read every data file
/// once into the scoring sink, estimate, build the gap report and write it.
public enum ReportRun {
  /// Runs the whole pipeline and writes the requested formats.
  ///
  /// The same request on the same files writes byte-identical files.
  /// - Throws: ``ReportRunError`` when the kit has errors, a data path or form is
  ///   unknown, the region or a level of the request is not in the data, or a file
  ///   cannot be written. Problems inside data files do not throw: they are counted
  ///   in ``ReportOutcome/ingest`` and shown in the report's data-quality section.
  public static func run(_ request: ReportRequest) throws(ReportRunError) -> ReportOutcome {
    let loaded = KitLint.lint(request.kitPath)
    let errors = loaded.diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else {
      let text = LintReport(diagnostics: errors).prefixingFiles(with: request.kitPath).text
      throw ReportRunError(
        text + "the kit has errors (see `careeval lint \(request.kitPath)`); no data was read",
        isUsage: false)
    }
    let kit = loaded.kit
    let ingestion = Ingestion(kit: kit, options: request.ingest)
    var tally: ReportRegisterTally<ScoringSink>
    do {
      tally = ReportRegisterTally(try ScoringSink(kit: kit, options: request.scoring), kit: kit)
    } catch {
      throw ReportRunError(error.description, isUsage: request.scoring.by != nil)
    }
    var summary: IngestSummary
    do {
      let match = try ingestion.dataFiles(for: request.data)
      summary = try ingestion.run(match.files + request.inputs, into: &tally)
      summary.notes = (summary.notes + match.skipped).sorted()
    } catch {
      throw ReportRunError(error.description, isUsage: error.isUsage)
    }
    let scoring = tally.inner.finish()
    let counts = tally.designCounts
    let input = ReportInput(
      kit: kit, scoring: scoring, ingest: summary,
      register: ReportRegisterFacts(
        childrenPaired: tally.childrenPaired, strata: counts.strata, psus: counts.psus),
      scoringOptions: request.scoring, options: request.report)
    let report: GapReport
    do {
      report = try GapReport(input: input)
    } catch {
      throw ReportRunError(error.description, isUsage: true)
    }
    do {
      let paths = try report.writeAll(to: request.outputDirectory, formats: request.formats)
      return ReportOutcome(
        report: report, paths: paths, ingest: summary, diagnostics: scoring.diagnostics + summary.notes)
    } catch {
      throw ReportRunError(error.description, isUsage: false)
    }
  }
}
