import ArgumentParser
import CSVStream
import Foundation
import SurveyIngest
import SurveySchema

extension CareEvalCommand {
  /// `careeval validate --kit K DATA…`: decode and validate survey data; rejects + quality.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Decode and validate survey data against a kit; write rejects.csv and quality.json.",
      discussion: """
        DATA are data files or folders of them (.csv, .tsv, .txt). A file is matched to a \
        form by its name (child.csv, child-2024.csv -> form child) or by its columns; give \
        --input FORM=PATH for any other name. Exports of KoboToolbox, ODK Central and 问卷星 \
        are read as they come. Every row ends accepted or rejected; rejects.csv lists every \
        problem with the row's original cells, quality.json counts them per file, rule, \
        column and region. Exit status: 0 when the share of rejected rows is within \
        --max-reject-rate, 1 when it is not (or a file cannot be read), 64 on usage errors.
        """)

    @OptionGroup var input: DataOptions

    @Option(
      help: ArgumentHelp(
        "Where to write rejects.csv and quality.json (created if missing).", valueName: "folder"))
    var out: String?

    @Option(
      name: .customLong("max-reject-rate"),
      help: ArgumentHelp(
        "The share of rows that may be rejected before the exit status is 1.", valueName: "0...1"))
    var maxRejectRate = 0.0

    func validate() throws {
      guard (0...1).contains(maxRejectRate) else {
        throw ValidationError("--max-reject-rate must be between 0 and 1, e.g. 0.05 for 5%.")
      }
    }

    func run() throws {
      let kit = input.kit
      let loaded = KitLint.lint(kit)
      let kitErrors = loaded.diagnostics.filter { $0.severity == .error }
      guard kitErrors.isEmpty else {
        let report = LintReport(diagnostics: kitErrors).prefixingFiles(with: kit)
        printToStandardError(
          report.text + "the kit has errors (see `careeval lint \(kit)`); no data was read")
        throw ExitCode.failure
      }
      var outFolder: String?
      if let out {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        outFolder = out
      }
      let options = input.ingestOptions(rejectsPath: outFolder.map { $0 + "/rejects.csv" })
      let ingestion = Ingestion(kit: loaded.kit, options: options)
      let summary: IngestSummary
      do {
        let match = try ingestion.dataFiles(for: input.data)
        let files = match.files + (try input.explicitFiles())
        var sink = DiscardingSink()
        var result = try ingestion.run(files, into: &sink)
        result.notes = (result.notes + match.skipped).sorted()
        summary = result
      } catch let error as IngestError {
        printToStandardError(error.description)
        if error.isUsage { throw ExitCode(64) }
        throw ExitCode.failure
      }
      ValidateProgress.clear()
      if let outFolder {
        try summary.qualityJSON().write(
          toFile: outFolder + "/quality.json", atomically: true, encoding: .utf8)
      }
      var text = summary.table()
      if let outFolder {
        text += "\nwritten: \(outFolder)/rejects.csv, \(outFolder)/quality.json\n"
      }
      FileHandle.standardOutput.write(Data(text.utf8))
      if summary.hasUnreadableFiles || summary.rejectRate > maxRejectRate { throw ExitCode.failure }
    }

  }
}

extension InvalidCellPolicy: ExpressibleByArgument {}

/// Writes a line to standard error.
func printToStandardError(_ text: String) {
  FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
