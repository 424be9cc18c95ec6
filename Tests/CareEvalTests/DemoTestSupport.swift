import Foundation
import SurveySchema

@testable import CareEval

/// The default kit, read from the repository (surveys/aixin is part of it, so a fresh
/// clone has it), and scratch folders for generated files.
enum DemoTestSupport {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
  static let kitPath = repository.appendingPathComponent("surveys/aixin").path
  static let kit: Kit = Kit.load(from: kitPath).kit

  /// A new empty folder under the system's temporary folder.
  static func scratch(_ name: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "careeval-demo-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  /// Generates into a new scratch folder and returns the folder and summary.
  static func generate(
    _ name: String, children: Int = 400, seed: UInt64 = 7, regions: [String] = ["640000"],
    configure: (inout DemoOptions) -> Void = { _ in }
  ) throws -> (folder: String, summary: DemoSummary) {
    let folder = try scratch(name)
    var options = DemoOptions(
      kitPath: kitPath, outputDirectory: folder, children: children, seed: seed, regions: regions,
      showProgress: false)
    configure(&options)
    let summary = try DemoGenerator.generate(kit: kit, options: options)
    return (folder, summary)
  }

  static func bytes(_ folder: String, _ file: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(file))
  }

  static func remove(_ folder: String) {
    try? FileManager.default.removeItem(atPath: folder)
  }
}
