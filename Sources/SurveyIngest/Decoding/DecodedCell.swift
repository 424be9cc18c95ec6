import SurveySchema

/// What one cell (or the tick boxes of one question) decoded to.
enum DecodedCell: Sendable, Hashable {
  /// The platform marks the question as skipped by logic (`n/a`, `(跳过)`, `-3`).
  case notAsked
  /// Nothing was written (or `(空)`).
  case blank
  case value(Value)
  /// The text is not a valid answer for the question.
  case invalid(CellFault)

  var answer: Answer? {
    switch self {
    case .notAsked: .notAsked
    case .blank: .blank
    case .value(let value): .value(value)
    case .invalid: nil
    }
  }
}

/// Why a cell could not be decoded.
enum CellFault: Sendable, Hashable {
  case notInteger
  case notDecimal
  case notDate
  case notDateTime
  /// A select answer (or one of its parts, `token`) that is no choice of the list.
  case notChoice(token: String?)
  /// A 问卷星 option number outside 1...count.
  case notOptionNumber(count: Int)
  /// A tick-box cell that is not 1/0 or True/False.
  case notTick

  var rule: IngestRule {
    switch self {
    case .notInteger, .notDecimal, .notDate, .notDateTime, .notTick: .type
    case .notChoice, .notOptionNumber: .choice
    }
  }
}

/// The platform spellings of "not asked" and "blank" (FORMATS.md §2, §4).
enum SpecialCell {
  private static let notApplicable = Array("n/a".utf8)
  private static let skipped = Array("(跳过)".utf8)
  private static let skippedFullWidth = Array("（跳过）".utf8)
  private static let empty = Array("(空)".utf8)
  private static let emptyFullWidth = Array("（空）".utf8)

  /// The state a special cell stands for, or `nil` for an ordinary cell.
  /// An empty or all-space cell is blank in every layout.
  @inline(__always)
  static func classify(_ bytes: UnsafeBufferPointer<UInt8>, layout: ExportLayout) -> DecodedCell? {
    if bytes.isEmpty { return .blank }
    if bytes.count <= 12 {
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return .blank }
      if layout.isKobo && bytes.elementsEqual(notApplicable) { return .notAsked }
      if layout.isWJX {
        if bytes.elementsEqual(skipped) || bytes.elementsEqual(skippedFullWidth) {
          return .notAsked
        }
        if bytes.elementsEqual(empty) || bytes.elementsEqual(emptyFullWidth) { return .blank }
        if layout == .wjxCode, bytes.count == 2, bytes[0] == 0x2D,
          bytes[1] == 0x33 || bytes[1] == 0x32
        {
          return .notAsked
        }
      }
    }
    return nil
  }
}
