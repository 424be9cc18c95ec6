import CSVStream
import SurveySchema

/// How the rows of one data file are read: the column map turned into per-question
/// column indices and decoders.
///
/// A final class with only constants, so that the code reading rows shares one
/// plan instead of copying its arrays (a copy cost a retain and release per array).
final class FilePlan: Sendable {
  /// The columns that feed one analysable question.
  struct Feeds: Sendable {
    /// The answer (or select_multiple summary) column.
    var answer: Int?
    /// Tick-box columns: the column, and the choice's name.
    var options: [(column: Int, choice: String, known: Bool)] = []
    /// The "other, specify" text column.
    var other: Int?
  }

  let map: ColumnMap
  let header: [String]
  let feeds: [Feeds]
  let decoders: [QuestionDecoder]
  /// The column of each form metadata question (`Instrument.metadata`), or `nil`.
  let metadataColumns: [Int?]
  /// Platform response-id columns, in file order.
  let responseIDColumns: [Int]
  /// Platform submission-time columns, in file order.
  let submittedAtColumns: [Int]
  /// For each slot, the slot of its `<name>_other` text question, if the form has one.
  let otherSlot: [Int?]

  init(map: ColumnMap, header: [String], instrument: Instrument) {
    self.map = map
    self.header = header
    var feeds = [Feeds](repeating: Feeds(), count: instrument.questions.count)
    var metadataColumns = [Int?](repeating: nil, count: instrument.metadata.count)
    var responseIDs: [Int] = []
    var times: [Int] = []
    let decoders = instrument.questions.map {
      QuestionDecoder(question: $0, instrument: instrument, layout: map.layout)
    }
    for column in map.columns {
      switch column.role {
      case .answer(let slot): feeds[slot].answer = column.index
      case .option(let slot, let choice):
        let known = decoders[slot].choices?.names.contains(choice) ?? false
        feeds[slot].options.append((column.index, choice, known))
      case .otherText(let slot): feeds[slot].other = column.index
      case .formMetadata(let position): metadataColumns[position] = column.index
      case .platform(.responseID): responseIDs.append(column.index)
      case .platform(.submittedAt): times.append(column.index)
      case .platform(.other), .ignored: break
      }
    }
    self.feeds = feeds
    self.decoders = decoders
    self.metadataColumns = metadataColumns
    responseIDColumns = responseIDs
    submittedAtColumns = times
    otherSlot = instrument.questions.map { question in
      guard question.type.choiceList != nil else { return nil }
      return instrument.index(ofQuestion: question.name + "_other")
    }
  }

  /// The column that feeds a question: its answer column, else its first tick box.
  func columnOf(_ slot: Int) -> Int? {
    feeds[slot].answer ?? feeds[slot].options.first?.column
  }

  /// The header of a 0-based column, or `column N` past the header.
  func name(ofColumn index: Int) -> String {
    header.indices.contains(index) ? header[index] : "column \(index + 1)"
  }
}
