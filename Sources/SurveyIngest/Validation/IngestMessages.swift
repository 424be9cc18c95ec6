// The catalogue of ingest messages. Messages are interface: tests assert their
// full text and docs/data-files.md lists them, so change them deliberately.
// Every message quotes the value, names the column and states the rule in plain
// words; the location and the `[rule]` tag are added by `IngestProblem`.

/// The words for one cell: its value, column and question.
struct CellWords {
  var value: String
  var column: String
  var question: String

  /// The value as quoted in messages: at most 60 characters, line breaks shown as `⏎`.
  var shown: String { IngestMessages.clip(value) }
}

enum IngestMessages {
  static func clip(_ text: String) -> String {
    var flat = text
    if text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
      flat = String(
        String.UnicodeScalarView(
          text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.map {
            $0 == "\n" || $0 == "\r" ? "⏎" : $0
          }))
    }
    guard flat.utf8.count > 60 else { return flat }
    return flat.count > 60 ? String(flat.prefix(60)) + "…" : flat
  }

  static func fault(_ fault: CellFault, _ cell: CellWords, choices: ChoiceIndex?) -> String {
    let list = choices?.listForMessage ?? "no list"
    switch fault {
    case .notInteger:
      return
        "value '\(cell.shown)' in column '\(cell.column)' is not a whole number ('\(cell.question)' is an integer question)"
    case .notDecimal:
      return
        "value '\(cell.shown)' in column '\(cell.column)' is not a number ('\(cell.question)' is a decimal question; write digits and at most one '.')"
    case .notDate:
      return
        "value '\(cell.shown)' in column '\(cell.column)' is not a date ('\(cell.question)' is a date question; write YYYY-MM-DD)"
    case .notDateTime:
      return
        "value '\(cell.shown)' in column '\(cell.column)' is not a date and time ('\(cell.question)' is a dateTime question; write YYYY-MM-DD HH:MM:SS)"
    case .notChoice(let token?):
      return
        "value '\(cell.shown)' in column '\(cell.column)' has '\(clip(token))', which is not a choice of '\(cell.question)' (\(list))"
    case .notChoice(nil):
      return
        "value '\(cell.shown)' in column '\(cell.column)' is not a choice of '\(cell.question)' (\(list))"
    case .notOptionNumber(let count):
      return
        "value '\(cell.shown)' in column '\(cell.column)' is not an option number of '\(cell.question)' (1 to \(count))"
    case .notTick:
      return
        "value '\(cell.shown)' in column '\(cell.column)' is not 1/0 or True/False (a tick box of '\(cell.question)')"
    }
  }

  static func tickedUnknownChoice(
    column: String, choice: String, question: String, choices: ChoiceIndex
  ) -> String {
    "column '\(column)' ticks '\(clip(choice))', which is not a choice of '\(question)' (list '\(choices.listName)': \(choices.namesForMessage()))"
  }

  static func required(column: String?, question: String, condition: String?) -> String {
    let when = condition.map { " when \($0)" } ?? ""
    guard let column else { return "'\(question)' is blank, but it is required\(when)" }
    return "column '\(column)' is blank, but '\(question)' is required\(when)"
  }

  static func constraint(_ cell: CellWords, rule: String, explanation: String?) -> String {
    let why = explanation.map { ": \($0)" } ?? ""
    return
      "value '\(cell.shown)' in column '\(cell.column)' breaks the constraint of '\(cell.question)' (\(rule))\(why)"
  }

  static func region(_ cell: CellWords, treeFromCodes: Bool) -> String {
    treeFromCodes
      ? "region code '\(cell.shown)' in column '\(cell.column)' is not a 6-, 9- or 12-digit administrative code"
      : "region code '\(cell.shown)' in column '\(cell.column)' is not a region of the kit (regions.csv)"
  }

  static func notRelevant(_ cell: CellWords, relevant: String) -> String {
    "column '\(cell.column)' has '\(cell.shown)', but '\(cell.question)' was not asked (its relevant, \(relevant), is false); the answer is ignored"
  }

  static func unknownVolunteer(id: String, column: String) -> String {
    "volunteer id '\(clip(id))' in column '\(column)' is not in the volunteer register"
  }

  static func noSubject(column: String?, field: String, noun: String) -> String {
    guard let column else {
      return
        "the file has no column for '\(field)', so the row does not say which \(noun) it is about"
    }
    return "column '\(column)' is blank, so the row does not say which \(noun) it is about"
  }

  static func unlinked(id: String, column: String, rejectedRegisterRow: (file: String, row: Int)?)
    -> String
  {
    if let (file, row) = rejectedRegisterRow {
      return
        "child id '\(clip(id))' in column '\(column)' has no accepted row in the child register (its row \(row) in \(file) was rejected)"
    }
    return "child id '\(clip(id))' in column '\(column)' is not in the child register"
  }

  static func duplicateID(id: String, column: String, first: RowReference) -> String {
    "response id '\(clip(id))' in column '\(column)' was already used in \(first.phrase); the first row is kept"
  }

  /// A duplicate that lost to `kept`: `keptIsLater` when the kept row was read after this one.
  static func duplicateSubject(
    id: String, noun: String, form: String, this: String?, kept: RowReference, keptTime: String?,
    keptIsLater: Bool
  ) -> String {
    let thisTime = this.map { "submitted \($0)" } ?? "no submission time"
    let keptWhen: String
    if let keptTime, keptTime != this {
      keptWhen = "submitted later, \(keptTime)"
    } else {
      keptWhen =
        keptIsLater ? "later in the data" : "earlier in the data, with the same or a later time"
    }
    return
      "\(noun) '\(clip(id))' has another '\(form)' response in \(kept.phrase) (\(keptWhen)); that row is kept and this one (\(thisTime)) is a duplicate"
  }
}

/// A row of a data file, for messages that point at another row.
struct RowReference: Sendable, Hashable {
  var file: String
  var row: Int
  /// Whether the referring row is in the same file (then the file is not named).
  var sameFile: Bool

  var phrase: String { sameFile ? "row \(row)" : "row \(row) of \(file)" }
}
