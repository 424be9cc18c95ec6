/// A problem that stops ingestion before or outside the data rows: a data file
/// that matches no form, a missing file, an output that cannot be written.
/// Problems inside data files never throw; they are counted and reported.
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong, in plain words.
  public var message: String
  /// Whether the problem is with how the run was asked for (a usage error, exit 64)
  /// rather than with reading or writing files.
  public var isUsage: Bool

  init(_ message: String, isUsage: Bool) {
    self.message = message
    self.isUsage = isUsage
  }

  /// A problem with the arguments: unknown form, missing file, file matching no form.
  static func usage(_ message: String) -> IngestError { IngestError(message, isUsage: true) }

  /// A file that cannot be read or written.
  static func io(_ message: String) -> IngestError { IngestError(message, isUsage: false) }

  public var description: String { "error: \(message)" }
}
