/// The platform and download style a data file comes from, recognised from its
/// headers against the instrument (FORMATS.md §2-§4).
///
/// The layout decides how special cells are read: `n/a` is "not asked" in
/// KoboToolbox files, `(跳过)` and `(空)` in 问卷星 files, and the 问卷星 code
/// download stores select answers as option numbers (1 = first choice).
public enum ExportLayout: String, Sendable, Hashable, CaseIterable {
  /// Headers are the question names (a spreadsheet typed by county staff, or
  /// any tool that writes plain XLSForm names).
  case plain
  /// KoboToolbox (KPI/formpack): `;`-separated, group paths joined by `/`,
  /// `_uuid` `_submission_time` … `_index` metadata, 1/0 tick-box columns.
  case kobo
  /// The legacy KoboCAT (onadata) CSV: comma-separated, `True`/`False` tick-box
  /// columns, `n/a` for questions that were not asked, no `_index`.
  case koboLegacy = "kobo-legacy"
  /// ODK Central (and Briefcase): `SubmissionDate` first, group paths joined by
  /// `-`, `KEY` … `FormVersion` last.
  case odkCentral = "odk-central"
  /// 问卷星 download "按文本": answers as option text, multiple choices joined
  /// by `┋`, `(跳过)` for skipped questions.
  case wjxText = "wjx-text"
  /// 问卷星 download "按序号": answers as option numbers, one 0/1 column per
  /// option of a multiple-choice question, `-3` for skipped questions.
  case wjxCode = "wjx-code"

  /// The layout's name for people: "KoboToolbox", "问卷星 (codes)" and so on.
  public var displayName: String {
    switch self {
    case .plain: "plain (question names)"
    case .kobo: "KoboToolbox"
    case .koboLegacy: "KoboCAT (legacy)"
    case .odkCentral: "ODK Central"
    case .wjxText: "问卷星 (text)"
    case .wjxCode: "问卷星 (codes)"
    }
  }

  /// Whether the layout is one of the 问卷星 downloads.
  var isWJX: Bool { self == .wjxText || self == .wjxCode }

  /// Whether the layout is a KoboToolbox export (current or legacy).
  var isKobo: Bool { self == .kobo || self == .koboLegacy }
}
