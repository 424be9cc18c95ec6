import Foundation
import SurveyIngest
import SurveySchema

/// `Ingestion.run` without the command line, for instruction counts (see build.sh)
/// and for comparing two builds on the same data.
///
///     ingest-harness KIT FILE.csv OUT        FILE is form `child` (the benchmark)
///     ingest-harness KIT OUT DATA...         files and folders matched to forms
///
/// Writes OUT/rejects.csv and OUT/quality.json and prints the summary table.
/// `ONINVALID=blank` blanks invalid cells instead of rejecting their rows;
/// `DIGEST=1` prints a checksum of every response delivered (count and FNV-1a of
/// their descriptions), so that two builds can be shown to deliver the same ones.
@main struct IngestHarness {
  static func main() throws {
    let arguments = CommandLine.arguments
    guard arguments.count >= 4 else {
      FileHandle.standardError.write(
        Data("usage: ingest-harness KIT FILE.csv OUT | ingest-harness KIT OUT DATA...\n".utf8))
      exit(64)
    }
    let kit = KitLint.lint(arguments[1]).kit
    let environment = ProcessInfo.processInfo.environment
    let benchmark = arguments.count == 4 && arguments[2].hasSuffix(".csv")
    let out = benchmark ? arguments[3] : arguments[2]
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let ingestion = Ingestion(
      kit: kit,
      options: IngestOptions(
        onInvalid: environment["ONINVALID"] == "blank" ? .blank : .reject, today: "2026-06-01",
        rejectsPath: out + "/rejects.csv"))
    let files =
      benchmark
      ? [DataFile(path: arguments[2], form: "child")]
      : try ingestion.dataFiles(for: Array(arguments.dropFirst(3))).files
    let summary: IngestSummary
    if environment["DIGEST"] != nil {
      var sink = DigestSink()
      summary = try ingestion.run(files, into: &sink)
      print("responses \(sink.count) digest \(sink.digest)")
    } else {
      var sink = DiscardingSink()
      summary = try ingestion.run(files, into: &sink)
    }
    try summary.qualityJSON().write(
      toFile: out + "/quality.json", atomically: true, encoding: .utf8)
    print(summary.table())
  }
}

/// A checksum of every response's description (FNV-1a), in delivery order.
struct DigestSink: ResponseSink {
  var digest: UInt64 = 0xcbf2_9ce4_8422_2325
  var count = 0

  mutating func accept(_ response: Response, of instrument: Instrument) {
    count += 1
    for byte in String(describing: response).utf8 {
      digest = (digest ^ UInt64(byte)) &* 0x100_0000_01b3
    }
  }
}
