import SurveySchema

/// Where an instrument keeps the fields ingestion links and orders by: the
/// subject (child or volunteer id), the response id, the submission time, the
/// region, and on the child register the paired volunteers' ids.
struct InstrumentLinks: Sendable {
  /// A field: an analysable question (slot) or a form metadata question.
  enum Field: Sendable, Hashable {
    case question(Int)
    case metadata(Int)
  }

  /// The instrument's part in the data set.
  enum Part: Sendable, Hashable {
    case roster
    case volunteer
    /// An instrument about a child of the register; `bit` marks its responses in the register.
    case informant(bit: Int)
    /// A form with no subject: nothing to link.
    case standalone
  }

  var part: Part
  var subject: Field?
  var subjectName: String?
  var responseID: Field?
  var submittedAt: Field?
  /// The slot of the region question (register and volunteer register).
  var region: Int?
  /// Register questions that hold volunteer ids: named like the volunteer
  /// register's subject field, singular or plural (`volunteer_id`, `volunteer_ids`).
  var volunteerSlots: [Int] = []

  init(_ instrument: Instrument, kit: Kit, informantBit: Int?) {
    func field(_ name: String?) -> Field? {
      guard let name else { return nil }
      if let slot = instrument.index(ofQuestion: name) { return .question(slot) }
      if let index = instrument.metadata.firstIndex(where: { $0.name == name }) {
        return .metadata(index)
      }
      return nil
    }
    subject = field(instrument.subjectField)
    subjectName = instrument.subjectField
    responseID = field(instrument.responseIDField)
    submittedAt = field(instrument.submittedAtField)
    region = instrument.regionField.flatMap { instrument.index(ofQuestion: $0) }
    switch instrument.respondent {
    case .roster?:
      part = .roster
      if let volunteerField = kit.instruments(for: .volunteer).first?.subjectField {
        volunteerSlots = instrument.questions.indices.filter {
          let name = instrument.questions[$0].name
          return name == volunteerField || name == volunteerField + "s"
        }
      }
    case .volunteer?:
      part = .volunteer
    default:
      if let informantBit, subject != nil {
        part = .informant(bit: informantBit)
      } else {
        part = .standalone
      }
    }
  }

  /// The noun for the subject in messages.
  var subjectNoun: String { part == .volunteer ? "volunteer" : "child" }
}

/// Everything needed to read the rows of one data file.
struct FileContext {
  let index: Int
  let file: DataFile
  let instrument: Instrument
  let plan: FilePlan
  let links: InstrumentLinks
  /// The index of the instrument's kept rows in `IngestRun.kept`.
  let keptSlot: Int
  /// The number of header columns.
  let headerCount: Int

  /// Whether the submission time comes from a dateTime question, whose answers are already ISO text.
  var submittedAtIsISO: Bool {
    if case .question(let slot)? = links.submittedAt {
      return instrument.questions[slot].type == .datetime
    }
    return false
  }

  /// The text of a field in a checked row (trimmed), or `nil` when blank or not asked.
  func text(of field: InstrumentLinks.Field?, in row: CheckedRow) -> String? {
    let answer: Answer
    switch field {
    case .question(let slot)?: answer = row.answers[slot]
    case .metadata(let index)?: answer = row.metadata[index]
    case nil: return nil
    }
    guard let value = answer.value else { return nil }
    let text = HeaderText.trimmed(value.stringValue)
    return text.isEmpty ? nil : text
  }

  /// The 0-based column of a field, or `nil` when the file has none.
  func column(of field: InstrumentLinks.Field?) -> Int? {
    switch field {
    case .question(let slot)?: plan.columnOf(slot)
    case .metadata(let index)?: plan.metadataColumns[index]
    case nil: nil
    }
  }
}
