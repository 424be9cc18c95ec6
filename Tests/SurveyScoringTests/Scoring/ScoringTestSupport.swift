import Foundation
import SurveySchema
import Testing

@testable import SurveyScoring

/// The package root, found from this file's path (tests run from a fresh clone, where
/// the shipped kit and its hand-written cases are part of the repository).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// Reads a small RFC 4180 CSV file (quotes, doubled quotes, LF or CRLF) into rows of
/// cells keyed by header. Test data only; production code reads CSV with CSVStream.
func readCSV(_ path: String) throws -> [[String: String]] {
  let text = try String(contentsOfFile: path, encoding: .utf8)
  var records: [[String]] = []
  var record: [String] = []
  var field = ""
  var quoted = false
  var chars = Array(text.unicodeScalars).makeIterator()
  var pending: Unicode.Scalar? = nil
  func next() -> Unicode.Scalar? {
    if let p = pending {
      pending = nil
      return p
    }
    return chars.next()
  }
  while let c = next() {
    if quoted {
      if c == "\"" {
        if let n = next() {
          if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = n }
        } else {
          quoted = false
        }
      } else {
        field.unicodeScalars.append(c)
      }
    } else if c == "\"" {
      quoted = true
    } else if c == "," {
      record.append(field)
      field = ""
    } else if c == "\n" || c == "\r" {
      if c == "\r", let n = next(), n != "\n" { pending = n }
      record.append(field)
      field = ""
      records.append(record)
      record = []
    } else {
      field.unicodeScalars.append(c)
    }
  }
  if !field.isEmpty || !record.isEmpty {
    record.append(field)
    records.append(record)
  }
  guard let header = records.first else { return [] }
  return records.dropFirst().map { cells in
    var row: [String: String] = [:]
    for (i, name) in header.enumerated() where i < cells.count { row[name] = cells[i] }
    return row
  }
}

/// Decodes one row of cells (keyed by question name) into a response of `instrument`,
/// the way ingestion would for a plain-names export: a missing column is not asked,
/// an empty cell is blank, select_multiple cells are space-separated names, numbers
/// are numbers, calculates are numbers when they read as one.
func response(_ instrument: Instrument, _ cells: [String: String], row: Int = 2, file: String? = nil) -> Response {
  let answers: [Answer] = instrument.questions.map { question in
    guard let cell = cells[question.name] else { return .notAsked }
    if cell.isEmpty { return .blank }
    switch question.type {
    case .selectMultiple: return .value(.choices(cell.split(separator: " ").map(String.init)))
    case .integer, .decimal: return Double(cell).map { .value(.number($0)) } ?? .value(.string(cell))
    case .calculate: return .value(Double(cell).map(Value.number) ?? .string(cell))
    default: return .value(.string(cell))
    }
  }
  let subject = instrument.subjectField.flatMap { cells[$0] }
  return Response(
    form: instrument.formID, responseID: nil, subject: subject, submittedAt: nil,
    source: SourceLocation(file: file ?? "\(instrument.formID).csv", row: row, column: 0), answers: answers)
}

/// The shipped default kit.
func loadAixinKit() throws -> Kit {
  let result = Kit.load(from: packageRoot.appendingPathComponent("surveys/aixin").path)
  #expect(!result.hasErrors, "\(result.diagnostics)")
  return result.kit
}

/// Feeds data files (form id -> rows) into a sink in the order given.
func feed(_ sink: inout ScoringSink, kit: Kit, _ files: [(String, [[String: String]])]) throws {
  for (form, rows) in files {
    let instrument = try #require(kit.instrument(formID: form))
    for (i, row) in rows.enumerated() { sink.accept(response(instrument, row, row: i + 2), of: instrument) }
  }
}

/// Relative or absolute closeness for doubles (1e-9 relative, 1e-12 absolute).
func close(_ a: Double?, _ b: Double?, relative: Double = 1e-9, absolute: Double = 1e-12) -> Bool {
  switch (a, b) {
  case (nil, nil): return true
  case (let x?, let y?): return abs(x - y) <= max(absolute, relative * max(abs(x), abs(y)))
  default: return false
  }
}
