import CSVStream
import Foundation
import SurveySchema
import Testing

@testable import SurveyIngest

/// Keeps every response it is given, in order.
struct CollectingSink: ResponseSink {
  var responses: [Response] = []

  mutating func accept(_ response: Response, of instrument: Instrument) {
    responses.append(response)
  }
}

/// What one ingestion run produced.
struct RunResult {
  var summary: IngestSummary
  var responses: [Response]
  /// The rows of rejects.csv after its header.
  var rejects: [[String]]
  var rejectsHeader: [String]
  var folder: String

  /// The (rule, message) of every line of rejects.csv.
  var problems: [String] { rejects.map { "\($0[4]): \($0[5])" } }

  func file(_ name: String) -> FileReport? { summary.files.first { $0.path.hasSuffix("/" + name) } }
}

/// A fresh temporary folder.
func temporaryFolder() throws -> String {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent(
    "careeval-ingest-\(UUID().uuidString)"
  ).path
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// The text of a fixture file.
func fixtureText(_ path: String) throws -> String {
  try String(contentsOfFile: try fixture(path), encoding: .utf8)
}

/// Writes `files` (name -> bytes) into a temporary folder, matches them to the kit's
/// forms by name and runs an ingestion with rejects.csv.
func ingest(
  _ kit: Kit, _ files: [(name: String, bytes: [UInt8])], onInvalid: InvalidCellPolicy = .reject
) throws -> RunResult {
  let folder = try temporaryFolder()
  var paths: [String] = []
  for file in files {
    let path = folder + "/" + file.name
    try Data(file.bytes).write(to: URL(fileURLWithPath: path))
    paths.append(path)
  }
  let rejectsPath = folder + "/out-rejects.csv.out"
  let ingestion = Ingestion(
    kit: kit,
    options: IngestOptions(onInvalid: onInvalid, today: "2024-06-01", rejectsPath: rejectsPath))
  let match = try ingestion.dataFiles(for: paths)
  var sink = CollectingSink()
  let summary = try ingestion.run(match.files, into: &sink)
  let reader = try CSVReader(path: rejectsPath)
  var rows: [[String]] = []
  while let record = try reader.next() { rows.append(record.fields) }
  return RunResult(
    summary: summary, responses: sink.responses, rejects: rows, rejectsHeader: reader.header ?? [],
    folder: folder)
}

/// Runs kit-mini over texts (name -> CSV text).
func ingestMini(_ files: [(String, String)], onInvalid: InvalidCellPolicy = .reject) throws
  -> RunResult
{
  try ingest(try kit("kit-mini"), files.map { ($0.0, Array($0.1.utf8)) }, onInvalid: onInvalid)
}

/// The valid data set of data-mini, as (name, text).
func miniData() throws -> [(String, String)] {
  try ["volunteer.csv", "roster.csv", "child.csv"].map { ($0, try fixtureText("data-mini/" + $0)) }
}
