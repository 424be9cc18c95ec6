import SurveySchema

extension ColumnMap {
  /// Recognises the export layout of a data file and matches every column to the
  /// instrument.
  ///
  /// A column is matched, in this order, by: the question's name or group path
  /// (`q`, `grp/q`, `grp-q`); a platform metadata name (`_uuid`, `SubmissionDate`,
  /// `序号`…); a 问卷星 tick-box header (`第5题(运动)`); a 问卷星 question header
  /// `N、题干` by its text against the labels, else by its number; the question's
  /// label in any language (also with group labels, `Group/Question`); a tick-box
  /// column `q/choice` of a select_multiple (choice by name or label); the
  /// `q_other` text of an `or_other` select; the parts of a location question;
  /// columns of questions inside repeats (ignored); the name up to letter case.
  /// A second column for an already fed question is ignored.
  /// - Parameters:
  ///   - header: The header fields, in file order.
  ///   - instrument: The form the file holds answers to.
  ///   - fileName: The file's name: a 问卷星 code download ends in `_2`.
  ///   - delimiter: The file's delimiter: KoboToolbox writes `;`.
  /// - Returns: The layout and the role of every column.
  public static func recognise(
    header: [String], instrument: Instrument, fileName: String = "", delimiter: UInt8 = 0x2C
  ) -> ColumnMap {
    recognise(
      header: header, index: FormIndex(instrument), fileName: fileName, delimiter: delimiter)
  }

  static func recognise(header: [String], index: FormIndex, fileName: String, delimiter: UInt8)
    -> ColumnMap
  {
    var recogniser = Recogniser(index: index)
    for (position, text) in header.enumerated() {
      recogniser.match(position, text)
    }
    let layout = recogniser.layout(fileName: fileName, delimiter: delimiter)
    let fed = Set(
      recogniser.columns.compactMap { column -> Int? in
        switch column.role {
        case .answer(let slot), .option(let slot, _): slot
        default: nil
        }
      })
    let missing = index.instrument.questions.indices.filter {
      !fed.contains($0) && index.instrument.questions[$0].type != .calculate
    }
    return ColumnMap(layout: layout, columns: recogniser.columns, missingQuestions: missing)
  }
}

/// The state of one recognition: the columns so far and the layout signals seen.
private struct Recogniser {
  let index: FormIndex
  var columns: [ColumnMap.Column] = []
  var answered: [Int: String] = [:]
  var signals: Set<ExportLayout> = []
  var sawKoboIndex = false
  var sawWJXOption = false

  init(index: FormIndex) {
    self.index = index
  }

  var questions: [Question] { index.instrument.questions }

  mutating func match(_ position: Int, _ header: String) {
    let text = HeaderText.trimmed(header)
    let (role, how) = role(of: text)
    var column = ColumnMap.Column(index: position, header: header, role: role, match: how)
    if case .answer(let slot) = role {
      if let first = answered[slot] {
        column.role = .ignored(
          reason: "column '\(first)' already holds the answers to '\(questions[slot].name)'")
        column.match = .none
      } else {
        answered[slot] = header
      }
    }
    columns.append(column)
  }

  private mutating func role(of text: String) -> (ColumnMap.Role, ColumnMap.Match) {
    guard !text.isEmpty else { return (.ignored(reason: "the column has no header"), .none) }
    if let target = index.named(text).first {
      notePath(text, target: target)
      return (role(for: target), isPlainName(text, target) ? .name : .path)
    }
    if let (field, layout) = PlatformMetadata.field(for: text) {
      signals.insert(layout)
      if text == "_index" { sawKoboIndex = true }
      return (.platform(field), .metadata)
    }
    if let (number, option) = HeaderText.wjxOption(text), let slot = index.numberedQuestion(number),
      case .selectMultiple = questions[slot].type
    {
      signals.insert(.wjxText)
      sawWJXOption = true
      return (.option(question: slot, choice: choiceName(option, ofQuestion: slot)), .order)
    }
    if let (number, rest) = HeaderText.wjxQuestion(text) {
      signals.insert(.wjxText)
      if let slot = labelledQuestion(rest) ?? labelledQuestion(afterDash(rest)) {
        return (.answer(question: slot), .label)
      }
      if let slot = index.numberedQuestion(number), answered[slot] == nil {
        return (.answer(question: slot), .order)
      }
    }
    if let target = index.labelled(text).first(where: { !isAnswered($0) })
      ?? index.labelled(text).first
    {
      return (role(for: target), .label)
    }
    if let option = optionColumn(text) { return option }
    if let other = otherTextColumn(text) { return other }
    if let part = locationPart(text) {
      return (.ignored(reason: "part of the location question '\(part)'"), .none)
    }
    if let inner = repeatQuestion(text) {
      return (
        .ignored(reason: "'\(inner)' is inside a repeat or loop; repeats are not analysed"), .none
      )
    }
    if let target = index.namedIgnoringCase(text).first {
      return (role(for: target), .caseInsensitive)
    }
    if PlatformMetadata.looksLikeMetadata(text) {
      signals.insert(text.hasPrefix("meta-") ? .odkCentral : .kobo)
      return (.platform(.other), .metadata)
    }
    return (
      .ignored(reason: "no question of form '\(index.instrument.formID)' has this name or label"),
      .none
    )
  }

  private func role(for target: FormIndex.Target) -> ColumnMap.Role {
    switch target {
    case .question(let slot): .answer(question: slot)
    case .metadata(let position): .formMetadata(index: position)
    case .unanalysed(let name):
      .ignored(reason: "'\(name)' is a note or sits inside a repeat; it is not analysed")
    }
  }

  private func isAnswered(_ target: FormIndex.Target) -> Bool {
    if case .question(let slot) = target { return answered[slot] != nil }
    return false
  }

  private func isPlainName(_ text: String, _ target: FormIndex.Target) -> Bool {
    switch target {
    case .question(let slot): questions[slot].name == text
    case .metadata(let position): index.instrument.metadata[position].name == text
    case .unanalysed(let name): name == text
    }
  }

  /// Notes the separator of a matched group path: `/` points to KoboToolbox, `-` to ODK Central.
  private mutating func notePath(_ text: String, target: FormIndex.Target) {
    guard !isPlainName(text, target) else { return }
    if text.contains("/") {
      signals.insert(.kobo)
    } else if text.contains("-") {
      signals.insert(.odkCentral)
    }
  }

  /// The analysable question whose label is `text`, preferring one not yet fed.
  private func labelledQuestion(_ text: String) -> Int? {
    guard !text.isEmpty else { return nil }
    let slots = index.labelled(text).compactMap { target -> Int? in
      if case .question(let slot) = target { return slot }
      return nil
    }
    return slots.first { answered[$0] == nil } ?? slots.first
  }

  /// The sub-item of a 问卷星 matrix header `题干—子项`, or "".
  private func afterDash(_ text: String) -> String {
    guard let dash = text.lastIndex(of: "—") else { return "" }
    return HeaderText.trimmed(String(text[text.index(after: dash)...]))
  }

  /// The slot of the select_multiple question a header prefix names (by name, path or label).
  private func selectMultiple(named prefix: String) -> Int? {
    let targets = index.named(prefix) + index.labelled(prefix)
    for case .question(let slot) in targets {
      if case .selectMultiple = questions[slot].type { return slot }
    }
    return nil
  }

  /// The choice name for an option header's text: by name or label, else the text itself.
  private func choiceName(_ text: String, ofQuestion slot: Int) -> String {
    let question = questions[slot]
    guard case .selectMultiple(let list, let orOther) = question.type else { return text }
    let choices = ChoiceIndex(
      list: index.instrument.choiceList(named: list), listName: list, orOther: orOther)
    return choices.index(of: text).map { choices.names[$0] } ?? text
  }

  /// A tick-box column `q/choice` (KoboToolbox, ODK Central split selects).
  private mutating func optionColumn(_ text: String) -> (ColumnMap.Role, ColumnMap.Match)? {
    guard let slash = text.lastIndex(of: "/") else { return nil }
    let prefix = String(text[..<slash])
    let option = String(text[text.index(after: slash)...])
    guard !option.isEmpty, let slot = selectMultiple(named: prefix) else { return nil }
    let how: ColumnMap.Match =
      index.named(prefix).isEmpty
      ? .label : (prefix.contains("/") || prefix.contains("-") ? .path : .name)
    if how == .path { notePath(prefix, target: .question(slot)) }
    return (.option(question: slot, choice: choiceName(option, ofQuestion: slot)), how)
  }

  /// The `q_other` text column of an `or_other` select.
  private func otherTextColumn(_ text: String) -> (ColumnMap.Role, ColumnMap.Match)? {
    guard text.hasSuffix("_other") else { return nil }
    let prefix = String(text.dropLast("_other".count))
    for case .question(let slot) in index.named(prefix) + index.labelled(prefix) {
      switch questions[slot].type {
      case .selectMultiple(_, orOther: true): return (.otherText(question: slot), .name)
      default: continue
      }
    }
    return nil
  }

  /// The location question whose part this column is (`_q_latitude`, `q-Longitude`…).
  private func locationPart(_ text: String) -> String? {
    let kobo = ["_latitude", "_longitude", "_altitude", "_precision"]
    let odk = ["-Latitude", "-Longitude", "-Altitude", "-Accuracy"]
    for suffix in kobo where text.hasPrefix("_") && text.hasSuffix(suffix) {
      let name = String(text.dropFirst().dropLast(suffix.count))
      if !index.named(name).isEmpty { return name }
    }
    for suffix in odk where text.hasSuffix(suffix) {
      let name = String(text.dropLast(suffix.count))
      if !index.named(name).isEmpty { return name }
    }
    return nil
  }

  /// The name of the repeat (or loop) question a path column belongs to, e.g.
  /// `rep[1]/q` or `grp/loop/choice/q`.
  private func repeatQuestion(_ text: String) -> String? {
    let separators: Set<Character> = text.contains("/") ? ["/"] : ["-"]
    let parts = text.split(whereSeparator: { separators.contains($0) })
    guard parts.count > 1, let last = parts.last else { return nil }
    let name = String(last.split(separator: "[").first ?? last)
    for case .unanalysed(let found) in index.named(name) { return found }
    return nil
  }

  func layout(fileName: String, delimiter: UInt8) -> ExportLayout {
    if signals.contains(.wjxText) {
      let stem =
        fileName.split(separator: "/").last.map { $0.split(separator: ".").first ?? $0 } ?? ""
      return sawWJXOption || stem.hasSuffix("_2") ? .wjxCode : .wjxText
    }
    if signals.contains(.odkCentral) { return .odkCentral }
    if signals.contains(.kobo) {
      return sawKoboIndex || delimiter == 0x3B ? .kobo : .koboLegacy
    }
    return .plain
  }
}
