/// A problem that stops a report from being built or written.
public struct ReportError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong, in words a survey coordinator understands.
  public var message: String

  init(_ message: String) {
    self.message = message
  }

  public var description: String { "error: \(message)" }

  static func unknownRegion(_ code: String) -> ReportError {
    ReportError(
      "region '\(code)' is not in the region tree (regions.csv) nor in the estimates; "
        + "give a region code such as 510000")
  }

  static func unknownLevel(_ level: String, known: [String]) -> ReportError {
    ReportError(
      "level '\(level)' does not occur in the estimates (levels: \(known.joined(separator: ", ")))")
  }

  static func cannotWrite(_ path: String, _ reason: String) -> ReportError {
    ReportError("cannot write \(path): \(reason)")
  }

  static func xlsx(_ path: String, _ call: String, _ reason: String) -> ReportError {
    ReportError("cannot write the workbook \(path): \(call) failed: \(reason)")
  }
}
