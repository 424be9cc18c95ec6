import Foundation

/// How an expression treats an answer that is blank or was not asked.
public enum BlankSemantics: Sendable, Hashable {
  /// XLSForm, for relevant, constraint and calculation: a blank or not-asked answer
  /// is the empty string `''` (NaN in arithmetic). The result is never missing.
  case xlsform
  /// Indicators: a blank or not-asked answer is *missing*, and the result is missing
  /// (the unit leaves the indicator's denominator) unless the expression handles it:
  /// `coalesce()`, a comparison with the literal `''`, `string-length()`, an
  /// `and`/`or` already decided by its other side, or an `if()` branch not taken.
  /// A result that is not a finite number (`0 div 0`) is missing too.
  /// docs/expressions.md gives the full rules.
  case indicator
}

/// Where a bound expression reads its answers.
///
/// Slots are the integers the resolver passed to ``Expression/bind(_:)`` returned,
/// so looking an answer up never hashes a name.
public protocol ExpressionContext {
  /// The answer in `slot`.
  func answer(slot: Int) -> Answer
  /// The answer of the question being checked, which `.` refers to in a constraint.
  var current: Answer { get }
  /// Today's date as ISO `YYYY-MM-DD`, for `today()`.
  var today: String { get }
}

extension ExpressionContext {
  /// No current answer: `.` is blank.
  public var current: Answer { .blank }

  /// The local calendar date now. Give a fixed date for reproducible runs.
  public var today: String { localISODate() }
}

/// Today's date in the local time zone as `YYYY-MM-DD`.
func localISODate() -> String {
  let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
  func pad(_ n: Int?, _ width: Int) -> String {
    let text = String(n ?? 0)
    return String(repeating: "0", count: Swift.max(0, width - text.count)) + text
  }
  return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))"
}

/// A ready-made context over an array of answers (slot = index), for tests,
/// scripts and one-off evaluations.
public struct AnswerContext: ExpressionContext, Sendable {
  /// The answers, indexed by slot; a slot past the end is `.notAsked`.
  public var answers: [Answer]
  /// The answer `.` refers to.
  public var current: Answer
  /// The date `today()` returns.
  public var today: String

  /// Creates a context; `today` defaults to the local calendar date now.
  public init(answers: [Answer], current: Answer = .blank, today: String? = nil) {
    self.answers = answers
    self.current = current
    self.today = today ?? localISODate()
  }

  /// The answer in `slot`, or `.notAsked` when there is none.
  public func answer(slot: Int) -> Answer {
    answers.indices.contains(slot) ? answers[slot] : .notAsked
  }
}
