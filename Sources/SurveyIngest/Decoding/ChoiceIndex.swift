import SurveySchema

/// The choices of one select question, indexed for decoding: by name (byte
/// comparison, the fast path), by label in every language, and by position.
///
/// A final class with only constants, so that a decoder holding it is copied with
/// one reference count instead of one per table (measured: copies of the struct
/// form were a third of the validation time).
final class ChoiceIndex: Sendable {
  /// The list's name (for messages).
  let listName: String
  /// The choice names in list order; an `or_other` question adds `other`.
  let names: [String]
  /// Each choice as a decoded answer (`.value(.string(name))`), made once.
  let answers: [Answer]
  private let nameBytes: [[UInt8]]
  /// For names of one byte (`1`…`5`, `a`): the choice index by byte, or -1.
  private let singleByte: [Int16]
  private let byText: [String: Int]

  init(list: ChoiceList?, listName: String, orOther: Bool) {
    self.listName = listName
    var names = list?.names ?? []
    if orOther, !names.contains("other") { names.append("other") }
    self.names = names
    answers = names.map { .value(.string($0)) }
    nameBytes = names.map { Array($0.utf8) }
    var singleByte = [Int16](repeating: -1, count: 256)
    for (index, bytes) in nameBytes.enumerated()
    where bytes.count == 1 && singleByte[Int(bytes[0])] < 0 {
      singleByte[Int(bytes[0])] = Int16(index)
    }
    self.singleByte = singleByte
    var byText: [String: Int] = [:]
    for (index, name) in names.enumerated() where byText[name] == nil {
      byText[name] = index
    }
    for (index, choice) in (list?.choices ?? []).enumerated() {
      for text in choice.labels.texts.values where !text.isEmpty {
        let key = HeaderText.key(text)
        if byText[key] == nil { byText[key] = index }
      }
    }
    if orOther, let other = names.firstIndex(of: "other") {
      for label in ["other", "其他", "其它"] where byText[label] == nil { byText[label] = other }
    }
    for (index, name) in names.enumerated() where byText[name.lowercased()] == nil {
      byText[name.lowercased()] = index
    }
    self.byText = byText
    listForMessage = "list '\(listName)': \(Self.namesForMessage(names))"
  }

  /// `list 'name': a, b, c` for messages, made once.
  let listForMessage: String

  /// The index of the choice whose name is exactly these bytes.
  @inline(__always)
  func index(ofNameBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    if bytes.count == 1 {
      let index = singleByte[Int(bytes[0])]
      return index >= 0 ? Int(index) : nil
    }
    for (index, name) in nameBytes.enumerated() where name.count == bytes.count {
      if name.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) { return index }
    }
    return nil
  }

  /// The index of the choice named `text`, or labelled `text` in any language
  /// (whitespace and letter case aside), or `nil`.
  func index(of text: String) -> Int? {
    if let exact = byText[text] { return exact }
    let key = HeaderText.key(text)
    return key.isEmpty ? nil : byText[key]
  }

  /// The choice names for a message: up to `limit`, then "…".
  func namesForMessage(limit: Int = 8) -> String {
    Self.namesForMessage(names, limit: limit)
  }

  private static func namesForMessage(_ names: [String], limit: Int = 8) -> String {
    guard !names.isEmpty else { return "no choices" }
    let shown = names.prefix(limit).joined(separator: ", ")
    return names.count > limit ? shown + ", …" : shown
  }
}
