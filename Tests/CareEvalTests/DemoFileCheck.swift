import CSVStream
import Foundation
import SurveySchema

@testable import CareEval

/// Reads a generated plain-layout file back and checks every row against its form: choice
/// codes, numbers, `relevant` (nothing answered that the form would have skipped),
/// `required`, `constraint` and `calculation`, with the kit's own expressions. A small
/// stand-in for `careeval validate` until ingest lands.
struct DemoFileCheck {
  /// Problems found, by spreadsheet row (header = 1): `column: what`.
  var problems: [Int: [String]] = [:]
  /// Malformed records (broken quoting), by row.
  var malformed: Set<Int> = []
  /// The subject (child or volunteer id) of each row.
  var subjects: [Int: String] = [:]
  /// Each row's decoded answers (plan slots).
  var answers: [Int: [Answer]] = [:]
  /// The rows read.
  var rows = 0

  init(path: String, plan: FormPlan, encoding: TextEncoding? = nil) throws {
    let reader = try CSVReader(
      path: path, options: CSVReaderOptions(encoding: encoding, recoverFromErrors: true))
    let header = reader.header ?? []
    let columns = plan.entries.map { entry in header.firstIndex(of: entry.question.name) }
    let subject = plan.instrument.subjectField ?? plan.instrument.responseIDField
    while let entry = try reader.nextEntry() {
      switch entry {
      case .malformed(let error):
        malformed.insert(error.record)
        rows += 1
      case .record(let record):
        rows += 1
        check(record, plan: plan, columns: columns, subject: subject)
      }
    }
  }

  private mutating func check(
    _ record: CSVRecord, plan: FormPlan, columns: [Int?], subject: String?
  ) {
    var form = FormAnswers(plan: plan)
    var found: [String] = []
    guard
      record.fields.count == columns.count
        + plan.instrument.metadata.filter({ [.start, .end].contains(metadataKind($0)) }).count
    else {
      problems[record.number] = ["field count \(record.fields.count)"]
      return
    }
    for entry in plan.entries {
      let name = entry.question.name
      let text = columns[entry.slot].map { record.fields[$0] } ?? ""
      if name == subject { subjects[record.number] = text }
      let asked = entry.relevance.allSatisfy { $0.isTrue(semantics: .xlsform, in: form) == true }
      if !asked {
        if !text.isEmpty { found.append("\(name): answered but not relevant") }
        continue
      }
      if let calculation = entry.calculation {
        let expected = FormFiller.calculated(calculation.evaluate(semantics: .xlsform, in: form))
        let got: Answer = text.isEmpty ? .blank : .value(.string(text))
        if got != expected {
          found.append("\(name): calculation gives \(expected), file has '\(text)'")
        }
        form.answers[entry.slot] = got
        continue
      }
      guard !text.isEmpty else {
        let required =
          entry.isRequired || entry.requiredWhen?.isTrue(semantics: .xlsform, in: form) == true
        if required { found.append("\(name): required") }
        form.answers[entry.slot] = .blank
        continue
      }
      let value: Value
      switch entry.question.type {
      case .selectOne:
        guard entry.choices.contains(text) else {
          found.append("\(name): '\(text)' is not a choice")
          continue
        }
        value = .string(text)
      case .selectMultiple:
        let names = text.split(separator: " ").map(String.init)
        guard names.allSatisfy(entry.choices.contains) else {
          found.append("\(name): '\(text)' has a code that is not a choice")
          continue
        }
        value = .choices(names)
      case .integer, .decimal:
        guard let number = Double(text) else {
          found.append("\(name): '\(text)' is not a number")
          continue
        }
        value = .number(number)
      default:
        value = .string(text)
      }
      form.answers[entry.slot] = .value(value)
      if let constraint = entry.constraint {
        var checking = form
        checking.current = .value(value)
        if constraint.isTrue(semantics: .xlsform, in: checking) != true {
          found.append("\(name): constraint")
        }
      }
    }
    answers[record.number] = form.answers
    if !found.isEmpty { problems[record.number] = found }
  }

  private func metadataKind(_ question: Question) -> MetadataKind? {
    if case .metadata(let kind) = question.type { return kind }
    return nil
  }
}
