import ArgumentParser
import CSVStream
import Foundation

extension CareEvalCommand.CSV {
  /// `careeval csv inspect FILE`: what the reader sees in a file.
  struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a CSV file's encoding, delimiter, header, record count and first problems.",
      discussion: """
        Reads the whole file, skipping malformed records to find the ones after them. \
        Exits with 1 when the file has problems (or cannot be read), 0 otherwise.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json
    }

    @Argument(help: "The CSV file ('-' for standard input).")
    var file: String

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: "How many problems to list.")
    var limit = 20

    @OptionGroup var input: CSVInputOptions

    func run() throws {
      var options = try input.readerOptions()
      options.recoverFromErrors = true
      let report: CSVInspection
      do {
        let reader = try CSVTool.openReader(file, options: options)
        report = try CSVInspection(reading: reader, options: options, problemLimit: limit)
      } catch {
        CSVTool.printError(error.description)
        throw ExitCode.failure
      }
      switch format {
      case .text: print(report.text, terminator: "")
      case .json:
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
      }
      if report.problemCount > 0 { throw ExitCode.failure }
    }
  }
}
