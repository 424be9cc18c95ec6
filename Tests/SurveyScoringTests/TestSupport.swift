import Foundation
import Testing

@testable import SurveyScoring

/// Whether `actual` matches `expected` to a relative error of `relative`, or an
/// absolute error of `absolute` near zero (STATISTICS.md: 1e-9 and 1e-12).
func isClose(
  _ actual: Double?, _ expected: Double?, relative: Double = 1e-9, absolute: Double = 1e-12
) -> Bool {
  switch (actual, expected) {
  case (nil, nil): return true
  case (let a?, let e?):
    if a == e { return true }
    if a.isNaN || e.isNaN { return false }
    return abs(a - e) <= max(absolute, relative * abs(e))
  default: return false
  }
}

/// Records a failure naming `what` unless `actual` is close to `expected`.
func expectClose(
  _ actual: Double?, _ expected: Double?, relative: Double = 1e-9, absolute: Double = 1e-12,
  _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  #expect(
    isClose(actual, expected, relative: relative, absolute: absolute),
    "\(what): got \(String(describing: actual)), expected \(String(describing: expected))",
    sourceLocation: sourceLocation)
}

/// The rows of a committed CSV fixture (simple comma-separated text, no quoting),
/// keyed by the header.
func fixtureTable(_ name: String) throws -> [[String: String]] {
  let url = try #require(
    Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
  let text = try String(contentsOf: url, encoding: .utf8)
  var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
  let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(
    String.init)
  return lines.map { line in
    let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return Dictionary(uniqueKeysWithValues: zip(header, cells))
  }
}
