/// Reads the `survey` sheet of an instrument into questions and groups.
struct SurveySheetLoader {
  let columns: SheetColumns
  var diagnostics: [Diagnostic] = []
  var questions: [Question] = []
  var metadata: [Question] = []
  var unanalysed: [Question] = []
  var groups: [QuestionGroup] = []

  /// An open group: its model and how many questions it holds so far.
  private struct Open {
    var group: QuestionGroup
    var typeLocation: SourceLocation
    var questionCount = 0
  }
  private var stack: [Open] = []
  private var firstUse: [String: Int] = [:]

  /// The instrument's choice lists, to check select questions against.
  let lists: [ChoiceList]
  /// The choices sheet's name, for messages.
  let choicesFile: String

  init(columns: SheetColumns, lists: [ChoiceList], choicesFile: String) {
    self.columns = columns
    self.lists = lists
    self.choicesFile = choicesFile
  }

  /// Loads every row, then closes what is left open.
  mutating func load() {
    diagnostics += columns.missing(["type", "name"])
    for row in columns.sheet.rows where !columns.isBlank(row) {
      loadRow(row)
    }
    for open in stack.reversed() {
      let kind = open.group.isRepeat ? "repeat" : "group"
      diagnostics.append(
        Diagnostic(
          .error, at: open.typeLocation,
          "\(kind) '\(open.group.name)' is not closed: add an 'end \(kind)' row"))
    }
  }

  private var path: [String] { stack.map(\.group.name) }
  private var inRepeat: Bool { stack.contains { $0.group.isRepeat } }

  private mutating func loadRow(_ row: SheetRow) {
    let typeText = columns.value("type", in: row)
    let name = columns.value("name", in: row)
    let typeLocation = columns.location("type", in: row)
    let nameLocation = columns.location("name", in: row)
    guard !typeText.isEmpty else {
      let what = name.isEmpty ? "this row has text but no type" : "question '\(name)' has no type"
      diagnostics.append(Diagnostic(.error, at: typeLocation, what))
      return
    }
    let parsed = TypeCell.parse(typeText)
    switch parsed {
    case .endGroup, .endRepeat:
      close(parsed, at: typeLocation, typeText: typeText)
      return
    case .unknown:
      let known = TypeCell.knownTypes.joined(separator: ", ")
      let simple = TypeCell.knownTypes.filter { !$0.hasSuffix(" LIST") }
      let hint =
        Suggestion.closest(to: typeText.lowercased(), among: simple).map {
          " (did you mean '\($0)'?)"
        } ?? ""
      diagnostics.append(
        Diagnostic(
          .error, at: typeLocation,
          "unknown question type '\(typeText)'\(hint); known types: \(known)"))
      return
    case .missingList(let select):
      diagnostics.append(
        Diagnostic(
          .error, at: typeLocation, "'\(typeText)' needs a choice list name: write '\(select) LIST'"
        ))
      return
    case .beginGroup, .beginRepeat, .question:
      break
    }
    guard checkName(name, typeText: typeText, at: nameLocation) else { return }

    switch parsed {
    case .beginGroup, .beginRepeat:
      var loopList: String?
      if case .beginRepeat(let list) = parsed { loopList = list }
      let group = QuestionGroup(
        name: name, path: path, labels: columns.localized("label", in: row),
        relevant: columns.expression("relevant", in: row), isRepeat: parsed != .beginGroup,
        loopList: loopList,
        location: nameLocation)
      groups.append(group)
      stack.append(Open(group: group, typeLocation: typeLocation))
    case .question(let type, let asText):
      if let asText {
        diagnostics.append(
          Diagnostic(.note, at: typeLocation, "'\(name)' (\(typeText)): \(asText)"))
      }
      if let listName = type.choiceList, !lists.contains(where: { $0.name == listName }) {
        var message =
          "missing choice list '\(listName)' for '\(name)': no rows with that list_name in \(choicesFile)"
        if let near = Suggestion.closest(to: listName, among: lists.map(\.name)) {
          message += "; did you mean '\(near)'?"
        }
        diagnostics.append(Diagnostic(.error, at: typeLocation, message))
      }
      addQuestion(row, name: name, type: type, typeText: typeText, at: nameLocation)
    default:
      break
    }
  }

  private mutating func addQuestion(
    _ row: SheetRow, name: String, type: QuestionType, typeText: String, at location: SourceLocation
  ) {
    let calculation = columns.expression("calculation", in: row)
    if type == .calculate, calculation == nil {
      let cell =
        columns.index("calculation") == nil
        ? columns.location("type", in: row) : columns.location("calculation", in: row)
      diagnostics.append(
        Diagnostic(
          .error, at: cell,
          "Missing calculation: calculate '\(name)' has an empty calculation column"))
    }
    var privacy: Privacy?
    if let text = columns.optional("privacy", in: row) {
      privacy = Privacy(rawValue: text.lowercased())
      if privacy == nil {
        diagnostics.append(
          Diagnostic(
            .error, at: columns.location("privacy", in: row),
            "privacy '\(text)' is not identifier or sensitive"))
      }
    }
    let question = Question(
      name: name, path: path, type: type, typeText: typeText,
      labels: columns.localized("label", in: row), hints: columns.localized("hint", in: row),
      required: requirement(row), relevant: columns.expression("relevant", in: row),
      constraint: columns.expression("constraint", in: row),
      constraintMessage: columns.localized("constraint_message", in: row), calculation: calculation,
      privacy: privacy, appearance: columns.optional("appearance", in: row), isInRepeat: inRepeat,
      location: location)
    for index in stack.indices { stack[index].questionCount += 1 }
    if case .metadata = type {
      metadata.append(question)
    } else if type == .note || question.isInRepeat {
      unanalysed.append(question)
    } else {
      questions.append(question)
    }
  }

  /// XLSForm `required`: yes/true/true() (any case pyxform accepts) is yes, no/false/false()
  /// or blank is no, anything else is an expression.
  private func requirement(_ row: SheetRow) -> Requirement {
    guard let source = columns.expression("required", in: row) else { return .no }
    switch source.text {
    case "true()": return .yes
    case "false()": return .no
    default: return .when(source)
    }
  }

  /// Checks that a name is present, well formed and unique; returns whether to keep the row.
  private mutating func checkName(_ name: String, typeText: String, at location: SourceLocation)
    -> Bool
  {
    guard !name.isEmpty else {
      diagnostics.append(Diagnostic(.error, at: location, "a '\(typeText)' row needs a name"))
      return false
    }
    guard XLSFormName.isValid(name) else {
      diagnostics.append(
        Diagnostic(
          .error, at: location,
          "invalid name '\(name)': a name starts with a letter or '_' and has only letters, digits, '-', '_' and '.'"
        ))
      return false
    }
    if let first = firstUse[name] {
      diagnostics.append(
        Diagnostic(.error, at: location, "duplicate name '\(name)' (first used in row \(first))"))
      return false
    }
    firstUse[name] = location.row
    return true
  }

  private mutating func close(_ end: TypeCell, at location: SourceLocation, typeText: String) {
    let closesRepeat = end != .endGroup
    guard let open = stack.popLast() else {
      let begin = closesRepeat ? "begin repeat" : "begin group"
      diagnostics.append(
        Diagnostic(.error, at: location, "'\(typeText)' without a matching '\(begin)'"))
      return
    }
    let group = open.group
    if group.isRepeat != closesRepeat {
      let kind = group.isRepeat ? "repeat" : "group"
      diagnostics.append(
        Diagnostic(
          .error, at: location,
          "'\(typeText)' closes \(kind) '\(group.name)' (begun in row \(group.location.row)); write 'end \(kind)'"
        ))
    }
    if group.isRepeat {
      diagnostics.append(
        Diagnostic(
          .warning, at: open.typeLocation,
          "\(group.loopList == nil ? "repeat" : "loop") '\(group.name)' and the \(open.questionCount) question\(open.questionCount == 1 ? "" : "s") inside it are not analysed: platforms export repeats as separate files"
        ))
    }
  }
}

/// XLSForm's rule for names: a letter or `_` first, then letters, digits, `-`, `_`, `.`.
enum XLSFormName {
  static func isValid(_ name: String) -> Bool {
    guard let first = name.first, first.isLetter || first == "_" else { return false }
    return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
  }
}
