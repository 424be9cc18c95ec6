import SurveySchema

/// Metadata one response carries besides its answers: the form's own start/end times and
/// what the collection platform adds.
struct ResponseMeta: Sendable {
  var start: DemoDates.Moment
  var end: DemoDates.Moment
  /// The platform's instance id (`_uuid`, `KEY` without `uuid:`).
  var uuid: String
  /// 1-based position of the submission in the export (Kobo `_index`, 问卷星 序号).
  var serial: Int
  /// When the platform received it (after the form's end).
  var received: DemoDates.Moment
  /// The interviewer's account number.
  var submitter: Int
  var device: String
  /// 问卷星: where the answer came from.
  var channel: String
  var ip: String
}

/// Where a column's cells come from.
enum ColumnSource: Sendable {
  /// A form metadata question (`start`, `end`).
  case metadata(MetadataKind)
  /// The answer in this slot (a select_multiple as one summary cell).
  case answer(Int)
  /// 1/0: whether this choice was selected in the select_multiple in this slot.
  case flag(Int, String)
  /// A column the platform adds.
  case platform(PlatformField)
}

/// Columns collection platforms add to an export (FORMATS.md §2-§4).
enum PlatformField: String, Sendable {
  case koboID = "_id"
  case uuid = "_uuid"
  case submissionTime = "_submission_time"
  case validationStatus = "_validation_status"
  case notes = "_notes"
  case status = "_status"
  case submittedBy = "_submitted_by"
  case tags = "_tags"
  case index = "_index"
  case submissionDate = "SubmissionDate"
  case instanceID = "meta-instanceID"
  case key = "KEY"
  case submitterID = "SubmitterID"
  case submitterName = "SubmitterName"
  case attachmentsPresent = "AttachmentsPresent"
  case attachmentsExpected = "AttachmentsExpected"
  case odkStatus = "Status"
  case reviewState = "ReviewState"
  case deviceID = "DeviceID"
  case edits = "Edits"
  case formVersion = "FormVersion"
  case wjxSerial = "序号"
  case wjxTime = "提交答卷时间"
  case wjxDuration = "所用时间"
  case wjxSource = "来源"
  case wjxSourceDetail = "来源详情"
  case wjxIP = "来自IP"
}

/// One column of an export: its header and where its cells come from.
struct ColumnSpec: Sendable {
  var header: String
  var source: ColumnSource
}

/// The columns of one file in one layout.
struct ColumnLayout: Sendable {
  let layout: DemoLayout
  let plan: FormPlan
  let columns: [ColumnSpec]
  /// 问卷星: each question's choice labels (name -> label) in the form's default language.
  let labels: [Int: [String: String]]

  init(plan: FormPlan, layout: DemoLayout) {
    self.layout = layout
    self.plan = plan
    let instrument = plan.instrument
    let metadata = instrument.metadata.compactMap { question -> ColumnSpec? in
      guard case .metadata(let kind) = question.type, kind == .start || kind == .end else {
        return nil
      }
      return ColumnSpec(header: question.name, source: .metadata(kind))
    }
    var columns: [ColumnSpec] = []
    var labels: [Int: [String: String]] = [:]
    switch layout {
    case .plain:
      columns =
        metadata
        + plan.entries.map { ColumnSpec(header: $0.question.name, source: .answer($0.slot)) }
    case .kobo, .odk:
      let separator = layout == .kobo ? "/" : "-"
      if layout == .odk {
        columns.append(ColumnSpec(header: "SubmissionDate", source: .platform(.submissionDate)))
      }
      columns += metadata
      for entry in plan.entries {
        let header = (entry.question.path + [entry.question.name]).joined(separator: separator)
        columns.append(ColumnSpec(header: header, source: .answer(entry.slot)))
        if entry.isMultiple {
          for choice in entry.choices {
            columns.append(
              ColumnSpec(header: "\(header)/\(choice)", source: .flag(entry.slot, choice)))
          }
        }
      }
      let tail: [PlatformField] =
        layout == .kobo
        ? [
          .koboID, .uuid, .submissionTime, .validationStatus, .notes, .status, .submittedBy, .tags,
          .index,
        ]
        : [
          .instanceID, .key, .submitterID, .submitterName, .attachmentsPresent,
          .attachmentsExpected, .odkStatus,
          .reviewState, .deviceID, .edits, .formVersion,
        ]
      columns += tail.map { ColumnSpec(header: $0.rawValue, source: .platform($0)) }
    case .wjx:
      let head: [PlatformField] = [
        .wjxSerial, .wjxTime, .wjxDuration, .wjxSource, .wjxSourceDetail, .wjxIP,
      ]
      columns = head.map { ColumnSpec(header: $0.rawValue, source: .platform($0)) }
      let language = instrument.defaultLanguage ?? "zh"
      var number = 0
      for entry in plan.entries where entry.calculation == nil {
        number += 1
        let label = entry.question.labels.text(for: "zh", fallback: language) ?? entry.question.name
        columns.append(ColumnSpec(header: "\(number)、\(label)", source: .answer(entry.slot)))
        if let list = entry.question.type.choiceList.flatMap({ instrument.choiceList(named: $0) }) {
          var map: [String: String] = [:]
          for choice in list.choices {
            map[choice.name] = choice.labels.text(for: "zh", fallback: language) ?? choice.name
          }
          labels[entry.slot] = map
        }
      }
    }
    self.columns = columns
    self.labels = labels
  }

  var headers: [String] { columns.map(\.header) }

  /// The cells of one response.
  func cells(_ form: FormAnswers, meta: ResponseMeta) -> [String] {
    columns.map { cell($0.source, form, meta) }
  }

  private func cell(_ source: ColumnSource, _ form: FormAnswers, _ meta: ResponseMeta) -> String {
    switch source {
    case .metadata(let kind): return kind == .start ? meta.start.isoLocal : meta.end.isoLocal
    case .answer(let slot): return text(form.answers[slot], slot: slot)
    case .flag(let slot, let choice):
      guard let value = form.answers[slot].value else { return "" }
      return value.selectedNames.contains(choice) ? "1" : "0"
    case .platform(let field): return platform(field, meta)
    }
  }

  /// An answer as this layout writes it.
  func text(_ answer: Answer, slot: Int) -> String {
    switch answer {
    case .notAsked: return layout == .wjx ? "(跳过)" : ""
    case .blank: return ""
    case .value(let value):
      if layout == .wjx, let map = labels[slot] {
        return value.selectedNames.map { map[$0] ?? $0 }.joined(separator: "┋")
      }
      return Self.text(value)
    }
  }

  /// A value as plain CSV holds it: choice names (space-separated for several), numbers
  /// without a trailing `.0` and otherwise in the shortest form that reads back exactly.
  static func text(_ value: Value) -> String {
    switch value {
    case .number(let x):
      if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
      return "\(x)"
    case .string(let s): return s
    case .bool(let b): return b ? "true" : "false"
    case .choices(let names): return names.joined(separator: " ")
    }
  }

  private func platform(_ field: PlatformField, _ meta: ResponseMeta) -> String {
    switch field {
    case .koboID: return String(100_000_000 + meta.serial)
    case .uuid: return meta.uuid
    case .submissionTime: return meta.received.koboUTC
    case .validationStatus, .notes, .tags, .odkStatus, .reviewState: return ""
    case .status: return "submitted_via_web"
    case .submittedBy: return "interviewer\(DemoText.padded(meta.submitter, width: 2))"
    case .index: return String(meta.serial)
    case .submissionDate: return meta.received.odkUTC
    case .instanceID, .key: return "uuid:\(meta.uuid)"
    case .submitterID: return String(meta.submitter)
    case .submitterName: return "调查员\(DemoText.padded(meta.submitter, width: 2))"
    case .attachmentsPresent, .attachmentsExpected, .edits: return "0"
    case .deviceID: return meta.device
    case .formVersion: return plan.instrument.version ?? ""
    case .wjxSerial: return String(meta.serial)
    case .wjxTime: return meta.received.wjx
    case .wjxDuration: return "\(max(1, meta.end.seconds - meta.start.seconds))秒"
    case .wjxSource: return meta.channel == "微信" ? "微信" : "手机提交"
    case .wjxSourceDetail: return meta.channel
    case .wjxIP: return meta.ip
    }
  }
}
