import Foundation

extension GapReport {
  /// The report as JSON (schema in docs/report-json.md): UTF-8, keys in
  /// snake_case and sorted, two-space indentation, NA values left out, numbers
  /// written with full precision.
  /// - Throws: `EncodingError` only if a number is not finite, which a valid
  ///   estimate never is.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  /// Reads a report written by ``json()``.
  /// - Throws: `DecodingError` when the text is not a report of this schema.
  public init(json data: Data) throws {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    self = try decoder.decode(GapReport.self, from: data)
  }
}
