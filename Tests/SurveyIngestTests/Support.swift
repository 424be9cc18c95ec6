import CSVStream
import Foundation
import SurveySchema
import Testing

@testable import SurveyIngest

/// The path of a file or folder under Fixtures/.
func fixture(_ path: String) throws -> String {
  let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
  return root.appendingPathComponent(path).path
}

/// Loads a single-instrument folder under Fixtures/ and requires it to load without errors.
func instrument(_ folder: String) throws -> Instrument {
  let result = Kit.load(from: try fixture(folder))
  let errors = result.diagnostics.filter { $0.severity == .error }
  #expect(errors.isEmpty, "\(errors)")
  return try #require(result.kit.instruments.first)
}

/// Loads a kit folder under Fixtures/ and requires it to load without errors.
func kit(_ folder: String) throws -> Kit {
  let result = Kit.load(from: try fixture(folder))
  let errors = result.diagnostics.filter { $0.severity == .error }
  #expect(errors.isEmpty, "\(errors)")
  return result.kit
}

/// The header and delimiter of a CSV file under Fixtures/.
func header(_ path: String) throws -> (fields: [String], delimiter: UInt8) {
  let reader = try CSVReader(path: try fixture(path))
  return (try #require(reader.header), reader.delimiter)
}

/// Recognises a fixture export against a fixture form.
func columnMap(_ export: String, form: String) throws -> (ColumnMap, Instrument) {
  let form = try instrument(form)
  let (fields, delimiter) = try header(export)
  return (
    ColumnMap.recognise(header: fields, instrument: form, fileName: export, delimiter: delimiter),
    form
  )
}

/// The roles of a map's columns keyed by header, with question slots shown as names.
func roles(_ map: ColumnMap, _ form: Instrument) -> [String] {
  map.columns.map { column in
    let text: String
    switch column.role {
    case .answer(let slot): text = "answer \(form.questions[slot].name)"
    case .option(let slot, let choice): text = "option \(form.questions[slot].name)=\(choice)"
    case .otherText(let slot): text = "other \(form.questions[slot].name)"
    case .formMetadata(let index): text = "meta \(form.metadata[index].name)"
    case .platform(.responseID): text = "platform id"
    case .platform(.submittedAt): text = "platform time"
    case .platform(.other): text = "platform"
    case .ignored: text = "ignored"
    }
    return "\(column.header): \(text)"
  }
}
