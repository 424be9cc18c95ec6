import Foundation
import SurveyIngest

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A one-line progress display on standard error, shown only when it is a terminal
/// (so pipes and logs stay clean): file, rows, rows per second, share of bytes.
enum ValidateProgress {
  /// Whether standard error is a terminal.
  static var isTerminal: Bool { isatty(STDERR_FILENO) != 0 }

  /// A progress callback, or `nil` when standard error is not a terminal.
  static func reporter() -> (@Sendable (IngestProgress) -> Void)? {
    guard isTerminal else { return nil }
    let start = Date()
    return { progress in
      let seconds = max(Date().timeIntervalSince(start), 0.001)
      var line = "\(progress.file): \(progress.rows) rows"
      line += ", \(Int(Double(progress.rows) / seconds)) rows/s"
      if let total = progress.totalBytes, total > 0 {
        line += ", \(min(100, progress.bytes * 100 / total))%"
      }
      if progress.isFinished { line += ", done" }
      FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }
  }

  /// Clears the progress line.
  static func clear() {
    guard isTerminal else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
