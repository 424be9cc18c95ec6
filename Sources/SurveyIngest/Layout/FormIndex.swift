import SurveySchema

/// The instrument's questions indexed by every way an export may head their
/// columns: names, group paths, labels in each language.
struct FormIndex: Sendable {
  /// What a header key points at.
  enum Target: Sendable, Hashable {
    case question(Int)
    case metadata(Int)
    /// A question that is loaded but not analysed (inside a repeat or loop, or a note).
    case unanalysed(String)
  }

  let instrument: Instrument
  /// Exact names and group paths (`q`, `grp/q`, `grp-q`, `grp.q`).
  private(set) var byName: [String: [Target]] = [:]
  /// Names folded to lower case, for typed spreadsheets.
  private(set) var byFoldedName: [String: [Target]] = [:]
  /// Labels (normalised by `HeaderText.key`) in every language, also with group labels.
  private(set) var byLabel: [String: [Target]] = [:]
  /// The questions a 问卷星 form numbers, in order: every analysable question but calculations.
  let numbered: [Int]

  init(_ instrument: Instrument) {
    self.instrument = instrument
    numbered = instrument.questions.indices.filter { instrument.questions[$0].type != .calculate }
    for (slot, question) in instrument.questions.enumerated() {
      add(question, as: .question(slot))
    }
    for (index, question) in instrument.metadata.enumerated() {
      add(question, as: .metadata(index))
    }
    for question in instrument.unanalysed where question.type != .note {
      add(question, as: .unanalysed(question.name))
    }
  }

  private mutating func add(_ question: Question, as target: Target) {
    var names: Set<String> = [question.name]
    if !question.path.isEmpty {
      for separator in ["/", "-", "."] {
        names.insert((question.path + [question.name]).joined(separator: separator))
      }
    }
    for name in names { byName[name, default: []].append(target) }
    byFoldedName[question.name.lowercased(), default: []].append(target)
    var labels: Set<String> = []
    for text in question.labels.texts.values where !text.isEmpty {
      labels.insert(HeaderText.key(text))
      let groupLabels = groupLabelPaths(of: question)
      for path in groupLabels {
        labels.insert(HeaderText.key((path + [text]).joined(separator: "/")))
      }
    }
    for label in labels where !label.isEmpty {
      if !(byLabel[label]?.contains(target) ?? false) { byLabel[label, default: []].append(target) }
    }
  }

  /// The group label paths of a question, one per language (Kobo "hierarchy in labels").
  private func groupLabelPaths(of question: Question) -> [[String]] {
    guard !question.path.isEmpty else { return [] }
    let groups = question.path.enumerated().map { depth, name in
      instrument.groups.first { $0.name == name && $0.path == Array(question.path.prefix(depth)) }
    }
    var languages: Set<String> = []
    for case let group? in groups { languages.formUnion(group.labels.texts.keys) }
    return languages.sorted().map { language in
      groups.enumerated().map { depth, group in
        group?.labels[language] ?? group?.labels.text(for: language) ?? question.path[depth]
      }
    }
  }

  /// The targets whose name or group path is exactly `header`.
  func named(_ header: String) -> [Target] { byName[header] ?? [] }

  /// The targets whose name equals `header` up to letter case.
  func namedIgnoringCase(_ header: String) -> [Target] { byFoldedName[header.lowercased()] ?? [] }

  /// The targets whose label (any language) equals `text` after normalisation.
  func labelled(_ text: String) -> [Target] { byLabel[HeaderText.key(text)] ?? [] }

  /// The slot of the question a 问卷星 form numbers `number` (1-based), or `nil`.
  func numberedQuestion(_ number: Int) -> Int? {
    numbered.indices.contains(number - 1) ? numbered[number - 1] : nil
  }

  /// The choice list of the select question at `slot`, or `nil`.
  func choiceList(ofQuestion slot: Int) -> ChoiceList? {
    instrument.choiceList(for: instrument.questions[slot])
  }
}
