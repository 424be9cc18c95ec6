/// What a platform metadata column gives the ingest.
public enum MetadataField: Sendable, Hashable {
  /// A submission id (`_uuid`, `KEY`, `meta/instanceID`, `序号`…): the response id
  /// when the form names no `response_id` field or leaves it blank.
  case responseID
  /// The submission time (`_submission_time`, `SubmissionDate`, `提交答卷时间`):
  /// the time used to keep the latest of duplicates when the form names no
  /// `submitted_at` field or leaves it blank.
  case submittedAt
  /// Other platform bookkeeping (`_index`, `SubmitterName`, `来自IP`…), kept out of
  /// the answers.
  case other
}

/// The catalogue of platform metadata headers (FORMATS.md §2-§4).
enum PlatformMetadata {
  /// KoboToolbox and KoboCAT tail columns (KPI COPY_FIELDS and older fixtures).
  static let kobo: [String: MetadataField] = [
    "_uuid": .responseID, "_submission_time": .submittedAt, "_id": .other, "_index": .other,
    "_validation_status": .other, "_notes": .other, "_status": .other, "_submitted_by": .other,
    "_tags": .other, "_version": .other, "__version__": .other, "_xform_id_string": .other,
    "_attachments": .other, "_geolocation": .other, "_duration": .other, "_parent_index": .other,
    "_parent_table_name": .other, "_submission__id": .other,
    "formhub/uuid": .other, "meta/instanceID": .responseID, "meta/deprecatedID": .other,
    "meta/instanceName": .other, "meta/rootUuid": .other, "meta/audit": .other,
  ]

  /// ODK Central / Briefcase root-table columns.
  static let odkCentral: [String: MetadataField] = [
    "SubmissionDate": .submittedAt, "KEY": .responseID, "SubmitterID": .other,
    "SubmitterName": .other,
    "AttachmentsPresent": .other, "AttachmentsExpected": .other, "Status": .other,
    "ReviewState": .other,
    "DeviceID": .other, "Edits": .other, "FormVersion": .other, "meta-instanceID": .responseID,
    "instanceID": .responseID, "meta-deprecatedID": .other, "deprecatedID": .other,
    "meta-instanceName": .other, "instanceName": .other, "meta-audit": .other, "PARENT_KEY": .other,
  ]

  /// 问卷星 leading columns, both orders seen in real downloads.
  static let wjx: [String: MetadataField] = [
    "序号": .responseID, "提交答卷时间": .submittedAt, "所用时间": .other, "来源": .other,
    "来源详情": .other, "来自IP": .other, "答题序号": .other, "总分": .other, "填写设备": .other,
    "操作系统": .other, "浏览器": .other,
  ]

  /// The field a header names and the layout it points to, or `nil`.
  static func field(for header: String) -> (MetadataField, ExportLayout)? {
    if let field = wjx[header] { return (field, .wjxText) }
    if let field = odkCentral[header] { return (field, .odkCentral) }
    if let field = kobo[header] { return (field, .kobo) }
    return nil
  }

  /// Whether a header that matched nothing still looks like platform bookkeeping:
  /// a leading underscore (Kobo) or a `meta` group path.
  static func looksLikeMetadata(_ header: String) -> Bool {
    header.hasPrefix("_") || header.hasPrefix("meta/") || header.hasPrefix("meta-")
  }
}
