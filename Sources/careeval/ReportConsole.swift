import CareEval
import SurveyReports
import SurveySchema

/// What `careeval report` prints: the files written and the largest shortfalls on
/// standard output; a summary of data problems on standard error.
enum ReportConsole {
  /// The paths written, then the largest shortfalls, in the report's language.
  static func text(_ outcome: ReportOutcome, top: Int) -> String {
    let zh = outcome.report.language == .zh
    var lines = [zh ? "已写入：" : "Written:"]
    lines += outcome.paths.map { "  " + $0 }
    if top > 0 {
      lines.append("")
      lines += outcome.report.shortfallLines(limit: top)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Rows rejected and files unreadable, with a few located examples and where to
  /// find the full list.
  static func problems(_ outcome: ReportOutcome, rejects: String) -> String {
    let zh = outcome.report.language == .zh
    let summary = outcome.evaluation.quality
    var lines: [String] = []
    if summary.rejected > 0 || summary.hasUnreadableFiles {
      lines.append(
        zh
          ? "数据有问题：共读取 \(summary.read) 行，拒收 \(summary.rejected) 行（报告“数据质量”一节按文件和规则列出）。"
          : "data problems: \(summary.rejected) of \(summary.read) rows rejected (the report's data-quality section counts them by file and rule)."
      )
    }
    for file in summary.files where file.failure != nil {
      lines.append("error: \(file.path): \(file.failure ?? "")")
    }
    let examples = summary.files.flatMap { file in
      file.examples.filter { !$0.rule.isWarning }.prefix(2).map(\.diagnostic.description)
    }
    lines += examples.prefix(6)
    let scoringErrors = outcome.evaluation.scoring.diagnostics.filter { $0.severity == .error }
    lines += scoringErrors.prefix(6).map(\.description)
    if scoringErrors.count > 6 {
      lines.append(
        zh ? "……另有 \(scoringErrors.count - 6) 个问题" : "… and \(scoringErrors.count - 6) more")
    }
    if summary.rejected > 0 {
      lines.append(zh ? "每一行被拒收的数据及原因：\(rejects)" : "every rejected row and why: \(rejects)")
    }
    return lines.joined(separator: "\n")
  }
}
