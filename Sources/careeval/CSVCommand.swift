import ArgumentParser
import CSVStream
import Foundation

extension CareEvalCommand {
  /// `careeval csv`: tools for CSV exports that will not load.
  struct CSV: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "csv",
      abstract: "Inspect or clean up a CSV export that will not load.",
      discussion: """
        Reads UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK files, \
        with ',' ';' TAB or '|' between fields, detected unless given.
        """,
      subcommands: [Inspect.self, Convert.self, Count.self])
  }
}

/// Options that say how to read an input CSV, shared by the csv subcommands.
struct CSVInputOptions: ParsableArguments {
  @Option(
    name: .customLong("encoding"),
    help: ArgumentHelp(
      "The input's encoding, if detection gets it wrong.",
      valueName: "utf8|utf8-bom|utf16le|utf16be|gb18030"))
  var encodingName: String?

  @Option(
    name: .customLong("input-delimiter"),
    help: ArgumentHelp("The input's field delimiter, if detection gets it wrong.", valueName: "C"))
  var delimiterName: String?

  @Flag(name: .customLong("no-header"), help: "The first row is data, not column names.")
  var noHeader = false

  func validate() throws {
    _ = try readerOptions()
  }

  /// The reader options these flags describe.
  func readerOptions() throws -> CSVReaderOptions {
    var options = CSVReaderOptions(hasHeader: !noHeader)
    if let encodingName {
      guard let encoding = TextEncoding(name: encodingName) else {
        let known = TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("Unknown encoding '\(encodingName)'; use one of: \(known).")
      }
      options.encoding = encoding
    }
    if let delimiterName {
      options.delimiter = try CSVTool.delimiter(named: delimiterName)
    }
    return options
  }
}

/// Helpers shared by the csv subcommands.
enum CSVTool {
  /// Parses a delimiter given on the command line: one ASCII character, or
  /// `tab`, `\t`, `comma`, `semicolon`, `pipe`.
  static func delimiter(named name: String) throws -> UInt8 {
    let named: [String: UInt8] = [
      "tab": 0x09, "\\t": 0x09, "comma": 0x2C, "semicolon": 0x3B, "pipe": 0x7C,
    ]
    if let byte = named[name.lowercased()] { return byte }
    let bytes = Array(name.utf8)
    guard bytes.count == 1, let byte = bytes.first, byte < 0x80 else {
      throw ValidationError(
        "The delimiter must be one ASCII character or tab, comma, semicolon, pipe; got '\(name)'.")
    }
    guard byte != 0x22, byte != 0x0A, byte != 0x0D, byte != 0 else {
      throw ValidationError("A quote or a line end cannot be the delimiter.")
    }
    return byte
  }

  /// Opens `path` (or standard input for `-`) for reading.
  static func openReader(_ path: String, options: CSVReaderOptions) throws(CSVError) -> CSVReader {
    if path == "-" {
      return try CSVReader(fileHandle: .standardInput, name: "<stdin>", options: options)
    }
    return try CSVReader(path: path, options: options)
  }

  static func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
