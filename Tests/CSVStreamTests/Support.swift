import Foundation
import Testing

@testable import CSVStream

/// The path of a file under Fixtures/.
func fixturePath(_ name: String) throws -> String {
  let base = try #require(Bundle.module.resourceURL, "test resources are missing")
  return base.appendingPathComponent("Fixtures").appendingPathComponent(name).path
}

/// The bytes of a file under Fixtures/.
func fixtureBytes(_ name: String) throws -> [UInt8] {
  Array(try Data(contentsOf: URL(fileURLWithPath: try fixturePath(name))))
}

/// Reads every record of `bytes`.
func readAll(
  _ bytes: [UInt8], options: CSVReaderOptions = .init(hasHeader: false), name: String = "t.csv"
) throws(CSVError) -> [CSVRecord] {
  let reader = try CSVReader(bytes: bytes, name: name, options: options)
  var result: [CSVRecord] = []
  while let record = try reader.next() { result.append(record) }
  return result
}

/// Reads every record of UTF-8 `text`.
func records(
  _ text: String, options: CSVReaderOptions = .init(hasHeader: false)
) throws(CSVError) -> [CSVRecord] {
  try readAll(Array(text.utf8), options: options)
}

/// The error reading `text` throws (from `init` or from `next()`), if any.
func readError(_ text: String, options: CSVReaderOptions = .init(hasHeader: false)) -> CSVError? {
  readError(Array(text.utf8), options: options)
}

func readError(_ bytes: [UInt8], options: CSVReaderOptions = .init(hasHeader: false)) -> CSVError? {
  do {
    _ = try readAll(bytes, options: options)
    return nil
  } catch {
    return error
  }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a small seeded generator so that
/// property tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
