import ArgumentParser
import CSVStream
import Foundation

extension CareEvalCommand.CSV {
  /// `careeval csv count FILE`: the fast path, visiting every field (used by
  /// bench/csv-throughput.sh).
  struct Count: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Count records, fields and field bytes, touching every field.",
      shouldDisplay: false)

    @Argument(help: "The CSV file ('-' for standard input).")
    var file: String

    @OptionGroup var input: CSVInputOptions

    func run() throws {
      do {
        let reader = try CSVTool.openReader(file, options: try input.readerOptions())
        var records = 0
        var fields = 0
        var bytes = 0
        try reader.forEachRecord { record in
          records += 1
          fields += record.count
          for index in 0..<record.count { bytes += record.bytes(at: index).count }
        }
        print("records=\(records) fields=\(fields) field_bytes=\(bytes)")
      } catch let error as CSVError {
        CSVTool.printError(error.description)
        throw ExitCode.failure
      }
    }
  }
}
