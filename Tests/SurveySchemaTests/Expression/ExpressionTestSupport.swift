import Testing

@testable import SurveySchema

/// Answers shared by the evaluation tables. Every expected value in the tables is
/// worked out by hand from XPath 1.0 and docs/expressions.md against these.
let sampleAnswers: [String: Answer] = [
  "age": .value(.number(10)),
  "zero": .value(.number(0)),
  "neg": .value(.number(-7)),
  "text5": .value(.string("5")),
  "name": .value(.string("小明")),
  "freq": .value(.string("weekly")),
  "dob": .value(.string("2015-06-30")),
  "needs": .value(.choices(["academic", "emotional"])),
  "none": .value(.choices([])),
  "blank": .blank,
  "skipped": .notAsked,
]

/// Parses, binds by name (slot = position in the sorted names) and evaluates.
func evaluate(
  _ text: String, _ answers: [String: Answer] = sampleAnswers, current: Answer = .blank,
  semantics: BlankSemantics = .xlsform
) throws -> Value? {
  let names = answers.keys.sorted()
  let bound = try ExpressionParser.parse(text).bind { reference throws(ExpressionError) in
    guard let slot = names.firstIndex(of: reference.text) else {
      throw ExpressionError("no question named '\(reference.text)'", at: reference.offset)
    }
    return slot
  }
  let context = AnswerContext(
    answers: names.map { answers[$0] ?? .notAsked }, current: current, today: "2024-05-01")
  return bound.evaluate(semantics: semantics, in: context)
}

/// Equality that also matches NaN with NaN, so NaN results can be expected.
func same(_ a: Value?, _ b: Value?) -> Bool {
  if case .number(let x)? = a, case .number(let y)? = b, x.isNaN, y.isNaN { return true }
  return a == b
}

/// The error `parse` throws for `text`, if any.
func parseError(_ text: String) -> ExpressionError? {
  do {
    _ = try ExpressionParser.parse(text)
    return nil
  } catch {
    return error
  }
}

/// The error `bind` throws for `text` (references resolve to slot 0), if any.
func bindError(_ text: String) throws -> ExpressionError? {
  let expression = try ExpressionParser.parse(text)
  do {
    _ = try expression.bind { _ throws(ExpressionError) in 0 }
    return nil
  } catch {
    return error
  }
}
