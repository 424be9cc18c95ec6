import Foundation
import Testing

@testable import CSVStream

/// PapaParse's parser test cases (mholt/PapaParse tests/test-cases.js, MIT),
/// run for everything the reader promises.
///
/// The reader follows RFC 4180 strictly and is meant for survey exports, so
/// three groups of cases are treated differently, each listed below with its
/// reason:
/// - out of scope: PapaParse options the reader does not have; not run;
/// - deliberate differences: input PapaParse accepts silently but the reader
///   reports; the test checks that the reader reports it as the listed error;
/// - blank lines: PapaParse returns a blank line as a record `[""]` unless
///   `skipEmptyLines` is set; the reader always skips blank lines (counting
///   them in row and line numbers), so those records are dropped from the
///   expected data.
@Suite struct PapaParseTests {
  static let outOfScope: [String: String] = {
    var reasons: [String: String] = [:]
    let comments = "comment lines: survey exports have none, and a '#' at a line start is data"
    for name in [
      "Commented line at beginning", "Commented line in middle", "Commented line at end",
      "Two comment lines consecutively", "Two comment lines consecutively at end of file",
      "Three comment lines consecutively at beginning of file", "Entire file is comment lines",
      "Comment with non-default character", "Bad comments value specified",
      "Multi-character comment string", "Input with only a commented line",
      "Input with only a commented line and blank line after", "Fast mode with comments",
      "Lines with comments are not used when guessing the delimiter in an escaped file",
      "Lines with comments are not used when guessing the delimiter in a non-escaped file",
      "Header row with preceding comment",
    ] { reasons[name] = comments }
    let preview = "preview: a caller that wants the first rows stops calling next()"
    for name in [
      "Fast mode with preview", "Preview 0 rows should default to parsing all", "Preview 1 row",
      "Preview 2 rows", "Preview all (3) rows", "Preview more rows than input has",
      "Preview should count rows, not lines", "Preview with header row",
    ] { reasons[name] = preview }
    let typing =
      "dynamic typing: the reader returns text; typing values is ingest's job, by the kit"
    for name in [
      "Dynamic typing converts numeric literals and maintains precision",
      "Dynamic typing converts boolean literals", "Dynamic typing doesn't convert other types",
      "Dynamic typing applies to specific columns",
      "Dynamic typing applies to specific columns by index",
      "Dynamic typing can be applied to `__parsed_extra`",
      "Dynamic typing converts empty values into NULL",
      "Dynamic typing converts ISO date strings to Dates",
      "Dynamic typing skips ISO date strings ocurring in other strings",
    ] { reasons[name] = typing }
    let quote =
      "other quote or escape characters: the reader uses RFC 4180 quoting (\" doubled) only"
    for name in [
      "Single quote as quote character", "Custom escape character in the middle",
      "Custom escape character at the end", "Custom escape character not used for escaping",
      "Using reserved regex character . as quote character",
      "Using reserved regex character | as quote character",
    ] { reasons[name] = quote }
    let delimiter =
      "multi-byte or line-end delimiters: the delimiter is one ASCII byte other than a line end"
    for name in [
      "Bad delimiter (\\n)", "Multi-character delimiter",
      "Multi-character delimiter (length 2) with quoted field",
    ] { reasons[name] = delimiter }
    let rename =
      "renaming duplicate headers: the header is kept verbatim (index(ofColumn:) finds the first); kit lint reports duplicates"
    for name in [
      "Simple duplicated header names", "Duplicated header names existing column",
      "Duplicate header names with __proto__ field",
    ] { reasons[name] = rename }
    let skip = "skipping the first N lines: the caller's job"
    for name in [
      "Skip First N number of lines , with header and 2 rows",
      "Skip First N number of lines , with header false",
      "Skip First N number of lines , with header false and skipFirstNLines as negative value",
      "Skip first 2 lines , with custom newline character",
    ] { reasons[name] = skip }
    let greedy = "skipEmptyLines 'greedy': a line of spaces or delimiters is data for the reader"
    reasons["Parsing with skipEmptyLines set to 'greedy'"] = greedy
    reasons["Parsing with skipEmptyLines set to 'greedy' with quotes and delimiters as content"] =
      greedy
    reasons["Mixed slash n and slash r should choose first as precident"] =
      "one line end for the whole file: the reader accepts LF, CR and CR LF on every line"
    return reasons
  }()

  /// Input PapaParse accepts but the reader reports, and the error it reports.
  static let deliberateDifferences: [String: CSVError.Kind] = [
    // RFC 4180: a quote may only appear in a quoted field.
    "Unquoted field with quotes at end of field": .strayQuote,
    "Quoted field with whitespace around quotes": .strayQuote,
    "Misplaced quotes in data, not as opening quotes": .strayQuote,
    "Misplaced quotes in data twice, not as opening quotes": .strayQuote,
    // RFC 4180: a quoted field ends at its closing quote; spaces after it are text after the quote.
    "Quoted fields with spaces between closing quote and next delimiter": .strayQuote,
    "Quoted fields with spaces between closing quote and next new line": .strayQuote,
    "Quoted fields with spaces after closing quote": .strayQuote,
    "Quoted fields with spaces between closing quote and next delimiter and contains delimiter":
      .strayQuote,
    "Quoted fields with spaces between closing quote and newline and contains newline": .strayQuote,
    // An empty file is an error for the reader (a survey export always has a header).
    "Empty input string": .emptyFile,
    "Skip empty lines, with empty input": .emptyFile,
  ]

  /// Cases whose expected data hold blank lines as `[""]` records.
  static let blankLinesSkipped: Set<String> = [
    "One column input with empty fields", "Fast mode with blank line at end",
    "Blank line at beginning",
    "Blank line in middle", "Blank lines at end", "Empty lines",
  ]

  struct Case: CustomTestStringConvertible, Sendable {
    var file: String
    var index: Int
    var testDescription: String { "\(file) #\(index)" }
  }

  static let files = ["core_parser_tests.json", "parse_tests.json"]

  static func load(_ file: String) throws -> [[String: Any]] {
    let bytes = try fixtureBytes("papaparse/\(file)")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    return try #require(root["cases"] as? [[String: Any]])
  }

  static let allCases: [Case] = files.flatMap { file in
    let count = (try? load(file).count) ?? 0
    return (0..<count).map { Case(file: file, index: $0) }
  }

  @Test func everyListedCaseExists() throws {
    let names = Set(
      try Self.files.flatMap { try Self.load($0) }.compactMap { $0["description"] as? String })
    let listed = Set(Self.outOfScope.keys).union(Self.deliberateDifferences.keys).union(
      Self.blankLinesSkipped)
    #expect(listed.subtracting(names).isEmpty)
    #expect(Self.allCases.count == 151)
  }

  @Test(arguments: allCases)
  func caseBehavesAsPromised(_ item: Case) throws {
    let testCase = try Self.load(item.file)[item.index]
    let name = try #require(testCase["description"] as? String)
    if Self.outOfScope[name] != nil { return }
    let input = try #require(testCase["input"] as? String)
    let config = testCase["config"] as? [String: Any] ?? [:]
    let expected = try #require(testCase["expected"] as? [String: Any])
    let errors = expected["errors"] as? [[String: Any]] ?? []
    let hasHeader = config["header"] as? Bool == true
    var options = CSVReaderOptions(hasHeader: hasHeader)
    if let delimiter = config["delimiter"] as? String, delimiter.utf8.count == 1 {
      options.delimiter = delimiter.utf8.first
    }

    // Quote errors: PapaParse goes on; the reader stops at the first one.
    let quoteErrors = errors.filter { $0["type"] as? String == "Quotes" }
    let expectedKind =
      Self.deliberateDifferences[name]
      ?? quoteErrors.first.map {
        $0["code"] as? String == "MissingQuotes" ? .unterminatedQuote : .strayQuote
      }
    if let expectedKind {
      let error = readError(input, options: options)
      #expect(error?.kind == expectedKind, "\(name)")
      if let row = quoteErrors.first?["row"] as? Int {
        #expect(error?.record == row + 1 + (hasHeader ? 1 : 0), "\(name)")
      }
      return
    }

    let reader = try CSVReader(bytes: Array(input.utf8), name: "case.csv", options: options)
    var found: [CSVRecord] = []
    while let record = try reader.next() { found.append(record) }
    let data = try #require(expected["data"] as? [Any])
    if hasHeader {
      let header = try #require(reader.header)
      let rows = try data.map { try #require($0 as? [String: Any]) }.map(Self.normalised)
      #expect(found.map { Self.keyed($0.fields, header: header) } == rows, "\(name)")
      // FieldMismatch errors are what fieldCountError reports; the row is 0-based after the header.
      let mismatches = errors.filter { $0["type"] as? String == "FieldMismatch" }
      for (index, record) in found.enumerated() {
        let mismatch = mismatches.first { $0["row"] as? Int == index }
        let error = record.fieldCountError(expected: header.count, file: "case.csv")
        #expect((error != nil) == (mismatch != nil), "\(name) row \(index)")
        if let error, let code = mismatch?["code"] as? String {
          let tooFew = code == "TooFewFields"
          #expect(error.column == (tooFew ? record.fields.count + 1 : header.count + 1))
        }
      }
    } else {
      var rows = try data.map { try #require($0 as? [String]) }
      if Self.blankLinesSkipped.contains(name) { rows.removeAll { $0 == [""] } }
      #expect(found.map(\.fields) == rows, "\(name)")
    }
  }

  static func normalised(_ row: [String: Any]) -> [String: [String]] {
    row.mapValues { value in (value as? [String]) ?? [value as? String ?? "\(value)"] }
  }

  static func keyed(_ fields: [String], header: [String]) -> [String: [String]] {
    var row: [String: [String]] = [:]
    for (name, value) in zip(header, fields) { row[name] = [value] }
    if fields.count > header.count { row["__parsed_extra"] = Array(fields[header.count...]) }
    return row
  }
}
