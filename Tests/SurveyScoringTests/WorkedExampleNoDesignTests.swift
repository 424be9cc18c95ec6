import Testing

@testable import SurveyScoring

/// STATISTICS.md §12, examples 1, 2 and 7 (no design), every column.
@Suite struct WorkedExampleNoDesignTests {
  /// Ex 1 data: domain label and values (nil = blank).
  static let example1: [(String, [Double?])] = [
    ("A", [1, 1, 0, 1, 1, 0, 1, 1]),
    ("B", [1, 1, 1, 1, 1, 1]),
    ("C", [0, 1, nil]),
    ("D", [nil, nil, nil]),
    ("E", [1, 0, 0, 1, 0, 0, 1, 0, 0, 0]),
    ("F", [0, 0, 0, 0, 0, 0]),
  ]

  static func accumulate(_ data: [(String, [Double?])], kind: MeasureKind) throws
    -> SurveyAccumulator
  {
    var accumulator = SurveyAccumulator(design: .noDesign, kind: kind)
    for (id, (_, values)) in data.enumerated() {
      for value in values { try accumulator.add([value], domains: [id]) }
    }
    return accumulator
  }

  static func request(_ data: [(String, [Double?])], target: Double, k: Int = 5)
    -> EstimationRequest
  {
    let domains = data.enumerated().map { id, entry in
      DomainKey(id: id, regionCode: entry.0, regionName: entry.0, level: "county", target: target)
    }
    return EstimationRequest(
      indicator: "x", direction: .higher, domains: domains,
      options: EstimationOptions(minimumCount: k))
  }

  struct Row {
    var n: Int
    var estimate, se, low, high, df, p, q: Double?
    var status: ShortfallStatus
  }

  static func check(_ actual: Estimate, _ expected: Row, _ label: String) {
    #expect(actual.n == expected.n, "\(label) n")
    #expect(actual.status == expected.status, "\(label) status")
    expectClose(actual.estimate, expected.estimate, "\(label) estimate")
    expectClose(actual.se, expected.se, "\(label) se")
    expectClose(actual.ciLow, expected.low, "\(label) ci_low")
    expectClose(actual.ciHigh, expected.high, "\(label) ci_high")
    expectClose(actual.df, expected.df, "\(label) df")
    expectClose(actual.pValue, expected.p, "\(label) p_value")
    expectClose(actual.qValue, expected.q, "\(label) q_value")
  }

  @Test func example1ProportionsMatchEveryColumn() throws {
    let accumulator = try Self.accumulate(Self.example1, kind: .proportion)
    let rows = accumulator.estimates(for: Self.request(Self.example1, target: 0.8))
    let expected: [Row] = [
      Row(
        n: 8, estimate: 0.75, se: 0.16366341768, low: 0.27579813431, high: 0.95940333131, df: 7,
        p: 0.37567956858, q: 0.50090609144, status: .possibleShortfall),
      Row(n: 6, estimate: 1, se: 0, low: 0.54074187356, high: 1, df: 5, p: 1, q: 1, status: .meets),
      // C is suppressed: only n, target and status are published.
      Row(
        n: 2, estimate: nil, se: nil, low: nil, high: nil, df: nil, p: nil, q: nil,
        status: .suppressed),
      Row(
        n: 0, estimate: nil, se: nil, low: nil, high: nil, df: nil, p: nil, q: nil,
        status: .suppressed),
      Row(
        n: 10, estimate: 0.3, se: 0.15275252317, low: 0.07636622899, high: 0.68958489203, df: 9,
        p: 0.00666964654, q: 0.01333929308, status: .shortfall),
      Row(
        n: 6, estimate: 0, se: 0, low: 0, high: 0.45925812644, df: 5, p: 6.4e-05, q: 2.56e-04,
        status: .shortfall),
    ]
    #expect(rows.count == 6)
    for (row, want) in zip(rows, expected) {
      Self.check(row, want, row.regionCode)
      #expect(row.target == 0.8)
    }
  }

  @Test func example1SuppressedDomainStillHasItsUnpublishedInterval() throws {
    let accumulator = try Self.accumulate(Self.example1, kind: .proportion)
    let c = try #require(accumulator.summaries(of: 0)[2])
    expectClose(c.estimate, 0.5, "C estimate")
    expectClose(c.se, 0.5, "C se")
    expectClose(c.df, 1, "C df")
    let interval = try #require(c.confidenceInterval(level: 0.95))
    expectClose(interval.low, 9.1946e-12, relative: 1e-4, absolute: 0, "C ci_low")
    expectClose(interval.high, 0.99999999999, "C ci_high")
    #expect(accumulator.summaries(of: 0)[3] == nil)  // D has no respondents
  }

  @Test func example2MeansMatchEveryColumn() throws {
    let data: [(String, [Double?])] = [
      ("X", [3.2, 4.1, 2.8, 3.9, 3.0, 3.6]),
      ("Y", [4.0, 4.4, 3.8, 4.6, 4.2, nil]),
    ]
    let accumulator = try Self.accumulate(data, kind: .mean)
    let rows = accumulator.estimates(for: Self.request(data, target: 3.5))
    Self.check(
      rows[0],
      Row(
        n: 6, estimate: 3.43333333333, se: 0.21081851068, low: 2.89140709917, high: 3.97525956750,
        df: 5, p: 0.38230238839, q: 0.76460477679, status: .possibleShortfall), "X")
    Self.check(
      rows[1],
      Row(
        n: 5, estimate: 4.2, se: 0.14142135624, low: 3.80735136770, high: 4.59264863230, df: 4,
        p: 0.99611869866, q: 0.99611869866, status: .meets), "Y")
  }

  @Test func example7BenjaminiHochbergKeepsMissingValuesOut() {
    let adjusted = BenjaminiHochberg.adjust([0.001, 0.02, 0.03, 0.04, 0.30, nil, 0.012, 0.5])
    let expected: [Double?] = [0.007, 0.046666666667, 0.0525, 0.056, 0.35, nil, 0.042, 0.5]
    #expect(adjusted.count == expected.count)
    for (index, (actual, want)) in zip(adjusted, expected).enumerated() {
      expectClose(actual, want, "q[\(index)]")
    }
  }
}
