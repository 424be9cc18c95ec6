import SurveySchema

/// Decodes the cells of one question, by its type and the file's layout.
struct QuestionDecoder: Sendable {
  enum Kind: Sendable {
    case integer, decimal, text, date, datetime, selectOne, selectMultiple
    /// A calculation: computed by the ingest, the file's cell is not read.
    case computed

    var isComputed: Bool { self == .computed }
  }

  let kind: Kind
  let layout: ExportLayout
  /// The choices of a select question (empty for other questions). A stored
  /// property rather than an enum payload, so that decoding a cell borrows it
  /// instead of copying it (which cost a retain and release per list field).
  private let choiceIndex: ChoiceIndex

  init(question: Question, instrument: Instrument, layout: ExportLayout) {
    self.layout = layout
    var choiceIndex = ChoiceIndex(list: nil, listName: "", orOther: false)
    switch question.type {
    case .integer: kind = .integer
    case .decimal: kind = .decimal
    case .date: kind = .date
    case .datetime, .metadata(.start), .metadata(.end): kind = .datetime
    case .metadata(.today): kind = .date
    case .selectOne(let list):
      kind = .selectOne
      choiceIndex = ChoiceIndex(
        list: instrument.choiceList(named: list), listName: list, orOther: false)
    case .selectMultiple(let list, let orOther):
      kind = .selectMultiple
      choiceIndex = ChoiceIndex(
        list: instrument.choiceList(named: list), listName: list, orOther: orOther)
    case .calculate: kind = .computed
    case .text, .note, .metadata: kind = .text
    }
    self.choiceIndex = choiceIndex
  }

  /// The choices of a select question, or `nil`.
  var choices: ChoiceIndex? {
    kind == .selectOne || kind == .selectMultiple ? choiceIndex : nil
  }

  /// The answer of a cell in the common cases, without the intermediate
  /// ``DecodedCell``: a blank cell, a choice written as its name, a plain number,
  /// an ASCII date, a text that needs no trimming. `nil` means "use ``decode(_:other:)``"
  /// (special cells, labels, invalid values…), which gives the same answer for
  /// every cell this accepts.
  @inline(__always)
  func fastAnswer(_ bytes: UnsafeBufferPointer<UInt8>) -> Answer? {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return .blank }
    let first = base[0]
    // Only cells starting with a space, tab, `n` (`n/a`), `(` or a full-width
    // bracket (`(跳过)`, `（空）`) or `-` (`-3`) can be special.
    if first <= 0x20 || first == 0x6E || first == 0x28 || first == 0xEF || first == 0x2D {
      if SpecialCell.classify(bytes, layout: layout) != nil { return nil }
    }
    switch kind {
    case .selectOne:
      guard let index = choiceIndex.index(ofNameBytes: bytes) else { return nil }
      return choiceIndex.answers[index]
    case .integer:
      return NumberText.integer(bytes).map { .value(.number($0)) }
    case .decimal:
      return NumberText.decimal(bytes).map { .value(.number($0)) }
    case .text:
      // A text starting with a visible ASCII character is not blank once trimmed.
      guard first > 0x20, first < 0x80 else { return nil }
      return .value(.string(String(decoding: bytes, as: UTF8.self)))
    case .datetime:
      return DateText.moment(bytes: bytes).map { .value(.string($0.isoDateTime)) }
    case .date:
      return DateText.moment(bytes: bytes).map { .value(.string($0.isoDate)) }
    case .selectMultiple, .computed:
      return nil
    }
  }

  /// Decodes one answer cell. `other` receives the text of a 问卷星 `〖…〗` "other" answer.
  func decode(_ bytes: UnsafeBufferPointer<UInt8>, other: inout String?) -> DecodedCell {
    if let special = SpecialCell.classify(bytes, layout: layout) { return special }
    switch kind {
    case .integer:
      return NumberText.integer(bytes).map { .value(.number($0)) } ?? .invalid(.notInteger)
    case .decimal:
      return NumberText.decimal(bytes).map { .value(.number($0)) } ?? .invalid(.notDecimal)
    case .text, .computed:
      let text = String(decoding: bytes, as: UTF8.self)
      return HeaderText.trimmed(text).isEmpty ? .blank : .value(.string(text))
    case .date:
      return DateText.moment(bytes: bytes).map { .value(.string($0.isoDate)) } ?? .invalid(.notDate)
    case .datetime:
      return DateText.moment(bytes: bytes).map { .value(.string($0.isoDateTime)) }
        ?? .invalid(.notDateTime)
    case .selectOne:
      if let index = choiceIndex.index(ofNameBytes: bytes) {
        return .value(.string(choiceIndex.names[index]))
      }
      return selectOne(String(decoding: bytes, as: UTF8.self), choiceIndex, other: &other)
    case .selectMultiple:
      return selectMultiple(String(decoding: bytes, as: UTF8.self), choiceIndex, other: &other)
    }
  }

  private func selectOne(_ raw: String, _ choices: ChoiceIndex, other: inout String?) -> DecodedCell
  {
    var text = HeaderText.trimmed(raw)
    if text.isEmpty { return .blank }
    if layout == .wjxCode, let position = Int(text) {
      guard position >= 1, position <= choices.names.count else {
        return .invalid(.notOptionNumber(count: choices.names.count))
      }
      return .value(.string(choices.names[position - 1]))
    }
    if let (option, extra) = Self.splitOtherText(text) {
      text = option
      other = extra
    }
    if let index = choices.index(of: text) { return .value(.string(choices.names[index])) }
    return .invalid(.notChoice(token: nil))
  }

  private func selectMultiple(_ raw: String, _ choices: ChoiceIndex, other: inout String?)
    -> DecodedCell
  {
    let text = HeaderText.trimmed(raw)
    if text.isEmpty { return .blank }
    var names: [String] = []
    func add(_ index: Int) {
      let name = choices.names[index]
      if !names.contains(name) { names.append(name) }
    }
    if layout == .wjxText || text.unicodeScalars.contains("┋") {
      for part in text.split(separator: "┋") {
        var option = HeaderText.trimmed(String(part))
        if let (name, extra) = Self.splitOtherText(option) {
          option = name
          other = extra
        }
        guard let index = choices.index(of: option) else {
          return .invalid(.notChoice(token: option))
        }
        add(index)
      }
      return .value(.choices(names))
    }
    let tokens = text.split(whereSeparator: {
      $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{3000}"
    }).map(String.init)
    var position = 0
    tokenLoop: while position < tokens.count {
      if let index = choices.names.firstIndex(of: tokens[position]) {
        add(index)
        position += 1
        continue
      }
      if layout == .wjxCode, let number = Int(tokens[position]), number >= 1,
        number <= choices.names.count
      {
        add(number - 1)
        position += 1
        continue
      }
      // Labels may hold spaces (KoboToolbox label exports): take the longest run of
      // tokens that is a label (or a name in other letter case).
      for end in stride(from: tokens.count, to: position, by: -1) {
        if let index = choices.index(of: tokens[position..<end].joined(separator: " ")) {
          add(index)
          position = end
          continue tokenLoop
        }
      }
      return .invalid(.notChoice(token: tokens[position]))
    }
    return .value(.choices(names))
  }

  /// Decodes a tick-box cell: `1`/`True` ticked, `0`/`False` not, blank unanswered.
  static func tick(_ bytes: UnsafeBufferPointer<UInt8>, layout: ExportLayout) -> DecodedCell {
    if let special = SpecialCell.classify(bytes, layout: layout) { return special }
    switch String(decoding: bytes, as: UTF8.self).lowercased() {
    case "1", "true", "1.0", "yes": return .value(.bool(true))
    case "0", "false", "0.0", "no": return .value(.bool(false))
    default: return .invalid(.notTick)
    }
  }

  /// Splits a 问卷星 "other" answer `其他【请注明】〖柜台〗` into the option and the written text.
  static func splitOtherText(_ text: String) -> (option: String, other: String)? {
    guard text.hasSuffix("〗"), let open = text.lastIndex(of: "〖") else { return nil }
    let option = HeaderText.trimmed(String(text[..<open]))
    let other = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
    return (option, other)
  }
}
