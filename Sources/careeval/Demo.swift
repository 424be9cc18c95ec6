import ArgumentParser
import CSVStream
import CareEval
import Foundation

extension DemoLayout: ExpressibleByArgument {}

extension CareEvalCommand {
  /// `careeval demo`: synthetic evaluation data with a known truth.
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Generate realistic demo data for a kit, with the truth it was generated from.",
      discussion: """
        Writes roster.csv and volunteer.csv (the registers), child.csv, guardian.csv and \
        teacher.csv (the questionnaires, laid out as the chosen platform exports them), \
        truth.csv (per county and indicator: the generating parameter and the census value) \
        and, with --errors, errors.csv (every injected error: file, row, column, kind). \
        The same seed and options give byte-identical files. docs/demo-data.md describes \
        the model.
        """)

    @Option(help: "The kit folder.")
    var kit = "surveys/aixin"

    @Option(help: "The folder to write into (created when missing).")
    var out: String

    @Option(help: "Children in the generated population.")
    var children = 20_000

    @Option(help: "Seed of the random numbers.")
    var seed: UInt64 = 1

    @Flag(
      help:
        "Survey a stratified two-stage sample (counties; villages, then children) instead of every child."
    )
    var sample = false

    @Option(help: "With --sample: villages drawn per county.")
    var villages = 6

    @Option(help: "With --sample: children drawn per sampled village.")
    var perVillage = 12

    @Option(help: "Layout of the questionnaire files: plain, kobo, odk or wjx (问卷星).")
    var layout: DemoLayout = .plain

    @Option(help: "Text encoding: utf8, utf8-bom or gb18030 (default: the layout's usual one).")
    var encoding: String?

    @Option(help: "Share of data rows given an injected error (0 to 0.5), listed in errors.csv.")
    var errors = 0.0

    @Option(help: "Only these regions (province, city or county codes, comma-separated).")
    var regions: String?

    @Flag(help: "Do not show progress.")
    var quiet = false

    func validate() throws {
      guard children >= 1 else { throw ValidationError("--children must be at least 1.") }
      guard (0...0.5).contains(errors) else {
        throw ValidationError("--errors must be between 0 and 0.5.")
      }
      if let encoding, Self.encoding(encoding) == nil {
        throw ValidationError("--encoding must be utf8, utf8-bom or gb18030, not '\(encoding)'.")
      }
    }

    static func encoding(_ name: String) -> TextEncoding? {
      guard let encoding = TextEncoding(name: name), [.utf8, .utf8BOM, .gb18030].contains(encoding)
      else { return nil }
      return encoding
    }

    func run() throws {
      let options = DemoOptions(
        kitPath: kit, outputDirectory: out, children: children, seed: seed, sample: sample,
        villagesPerCounty: villages, childrenPerVillage: perVillage, layout: layout,
        encoding: encoding.flatMap(Self.encoding), errorRate: errors,
        regions: regions.map {
          $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        } ?? [],
        showProgress: !quiet)
      do {
        let summary = try DemoGenerator.run(options)
        var lines = [
          "careeval demo: \(summary.children) children in \(summary.counties) counties; "
            + "\(summary.rosterRows) in the register, \(summary.volunteers) volunteers"
        ]
        if summary.injectedErrors > 0 {
          lines.append("injected \(summary.injectedErrors) errors (errors.csv)")
        }
        lines.append(
          "wrote "
            + summary.files.map { (out as NSString).appendingPathComponent($0) }.joined(
              separator: ", "))
        lines += summary.notes.map { "note: \($0)" }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
      } catch {
        FileHandle.standardError.write(Data("careeval demo: \(error)\n".utf8))
        throw ExitCode.failure
      }
    }
  }
}
