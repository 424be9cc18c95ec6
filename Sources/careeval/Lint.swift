import ArgumentParser
import Foundation
import SurveySchema

extension CareEvalCommand {
  /// `careeval lint PATH`: check a kit or an instrument folder before any data is read.
  struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check a kit or an XLSForm instrument folder and list every problem.",
      discussion: """
        PATH is a kit folder (instrument subfolders with survey.csv, choices.csv and \
        settings.csv, plus scales.csv, indicators.csv, targets.csv, agreement.csv and an \
        optional regions.csv) or a single instrument folder, such as a form from KoboToolbox. \
        Every problem is printed as file:row:col: severity: message. Exit status: 0 when there \
        are no errors, 1 when there are (with --strict, also when there are warnings).
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json
    }

    @Option(help: "Output format: text (file:row:col: severity: message) or json.")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors for the exit status.")
    var strict = false

    @Argument(help: "The kit folder or instrument folder to check.")
    var path: String

    func run() throws {
      let report = LintReport(diagnostics: KitLint.lint(path).diagnostics).prefixingFiles(
        with: path)
      let output = format == .json ? report.json : report.text
      FileHandle.standardOutput.write(Data(output.utf8))
      let status = report.exitStatus(strict: strict)
      if status != 0 { throw ExitCode(status) }
    }
  }
}
