/// The output of `careeval lint`: diagnostics as compiler-style text or JSON, and counts.
public struct LintReport: Sendable {
  /// The diagnostics, sorted by file, row, column.
  public var diagnostics: [Diagnostic]

  /// Creates a report; the diagnostics are sorted.
  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics.sorted()
  }

  /// The report with every file name prefixed by `root` (the folder given on the
  /// command line), so editors can open the files: `child/survey.csv` becomes
  /// `surveys/aixin/child/survey.csv`; a diagnostic about the folder itself (`.`)
  /// names the folder.
  public func prefixingFiles(with root: String) -> LintReport {
    LintReport(
      diagnostics: diagnostics.map { diagnostic in
        var diagnostic = diagnostic
        let file = diagnostic.location.file
        diagnostic.location.file = file == "." ? root : FileSystem.join(root, file)
        return diagnostic
      })
  }

  /// The number of errors.
  public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
  /// The number of warnings.
  public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
  /// The number of notes.
  public var noteCount: Int { diagnostics.filter { $0.severity == .note }.count }

  /// The exit status `careeval lint` uses: 1 when there are errors (or, with
  /// `strict`, warnings), else 0.
  public func exitStatus(strict: Bool) -> Int32 {
    errorCount > 0 || (strict && warningCount > 0) ? 1 : 0
  }

  /// One diagnostic per line (`file:row:col: severity: message`), then a summary
  /// line such as `2 errors, 1 warning, 3 notes`.
  public var text: String {
    var lines = diagnostics.map(\.description)
    lines.append(summary)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The counts as a sentence: `2 errors, 1 warning, 3 notes`.
  public var summary: String {
    func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    return [count(errorCount, "error"), count(warningCount, "warning"), count(noteCount, "note")]
      .joined(separator: ", ")
  }

  /// The report as JSON for tools:
  /// `{"diagnostics":[{"file":…,"row":…,"column":…,"offset":…,"severity":…,"message":…}],"errors":N,"warnings":N,"notes":N}`.
  /// `offset` (a character inside an expression) is present only when known.
  /// Keys keep this order and the output ends with a newline, so it is byte-stable.
  public var json: String {
    var items: [String] = []
    for d in diagnostics {
      var fields = [
        "\"file\":\(JSONText.quote(d.location.file))", "\"row\":\(d.location.row)",
        "\"column\":\(d.location.column)",
      ]
      if let offset = d.location.offset { fields.append("\"offset\":\(offset)") }
      fields += [
        "\"severity\":\(JSONText.quote(d.severity.rawValue))",
        "\"message\":\(JSONText.quote(d.message))",
      ]
      items.append("    {" + fields.joined(separator: ",") + "}")
    }
    let list = items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n  ]"
    return
      "{\n  \"diagnostics\": \(list),\n  \"errors\": \(errorCount),\n  \"warnings\": \(warningCount),\n  \"notes\": \(noteCount)\n}\n"
  }
}

/// JSON string quoting (RFC 8259): `"`, `\` and control characters escaped, the rest as UTF-8.
enum JSONText {
  static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let c where c.value < 0x20:
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
