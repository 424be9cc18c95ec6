import ArgumentParser
import CSVStream
import Foundation

extension CareEvalCommand.CSV {
  /// `careeval csv convert FILE --out OUT`: rewrite as clean UTF-8 CSV.
  struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rewrite a readable CSV file as clean UTF-8 CSV.",
      discussion: """
        The output is UTF-8 with RFC 4180 quoting, one record per line, blank lines \
        dropped. If the input is broken, the located error is printed, the exit status \
        is 1 and OUT is left untouched (the output is written to a temporary file and \
        renamed only when complete). Records whose field count differs from the \
        header's are copied as they are, with a warning.
        """)

    @Argument(help: "The CSV file to convert ('-' for standard input).")
    var file: String

    @Option(name: .long, help: ArgumentHelp("Where to write the clean CSV.", valueName: "OUT"))
    var out: String

    @Flag(help: "Start the output with a UTF-8 byte-order mark (for Excel on Chinese Windows).")
    var bom = false

    @Flag(help: "End lines with CR LF instead of LF.")
    var crlf = false

    @Option(help: ArgumentHelp("The output's field delimiter (default ',').", valueName: "C"))
    var delimiter: String?

    @OptionGroup var input: CSVInputOptions

    func validate() throws {
      if let delimiter { _ = try CSVTool.delimiter(named: delimiter) }
      guard !out.isEmpty, out != "-" else { throw ValidationError("Give a file name for --out.") }
    }

    func run() throws {
      let writerOptions = CSVWriterOptions(
        delimiter: try delimiter.map(CSVTool.delimiter(named:)) ?? 0x2C, crlf: crlf, bom: bom)
      do {
        let reader = try CSVTool.openReader(file, options: try input.readerOptions())
        let summary = try CSVConversion.convert(reader, to: out, options: writerOptions)
        for warning in summary.warnings { CSVTool.printError(warning) }
        CSVTool.printError(
          "\(out): wrote \(summary.records) records (\(summary.sourceEncoding.displayName) -> UTF-8)"
        )
      } catch let error as CSVError {
        CSVTool.printError(error.description)
        throw ExitCode.failure
      }
    }
  }
}
