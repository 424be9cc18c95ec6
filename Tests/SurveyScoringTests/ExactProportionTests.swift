import Testing

@testable import SurveyScoring

/// An unweighted proportion is published as count / n exactly, so a reader who
/// recomputes it by hand (2989 of 3000 children paired) gets the same double.
@Suite struct ExactProportionTests {
  @Test func unweightedProportionIsCountOverN() throws {
    var accumulator = SurveyAccumulator(design: .noDesign, kind: .proportion)
    // Rows in an order that makes a running mean drift in the last digits.
    for i in 0..<3000 { try accumulator.add([i % 271 == 0 ? 0 : 1], domains: [0]) }
    let request = EstimationRequest(
      indicator: "paired", direction: .higher,
      domains: [DomainKey(id: 0, regionCode: "all", regionName: "all", level: "all", target: 1)],
      options: EstimationOptions(minimumCount: 5))
    let row = try #require(accumulator.estimates(for: request).first)
    // 0, 271, …, 2981: 12 zeros, so 2988 of 3000.
    #expect(row.n == 3000)
    #expect(row.estimate == 2988.0 / 3000.0)
  }
}
