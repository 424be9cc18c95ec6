import Foundation
import Testing

@testable import SurveyScoring

@Suite struct StudentTTests {
  @Test(arguments: [
    (1.0, 12.7062047362), (2, 4.30265272975), (5, 2.57058183564), (9, 2.26215716280),
  ])
  func quantilesMatchStatisticsSection13(df: Double, expected: Double) {
    let q = StudentT(degreesOfFreedom: df).quantile(0.975)
    expectClose(q, expected, relative: 1e-11, "t_0.975(\(df))")
  }

  @Test func cdfAndQuantileMatchHighPrecisionReferenceValues() throws {
    let rows = try fixtureTable("t_values.csv")
    #expect(rows.count > 600)
    var worst = 0.0
    for row in rows {
      let df = try #require(Double(row["df"] ?? ""))
      let x = try #require(Double(row["x"] ?? ""))
      let expected = try #require(Double(row["mpmath"] ?? ""))
      let t = StudentT(degreesOfFreedom: df)
      let actual = row["kind"] == "cdf" ? t.cdf(x) : t.quantile(x)
      // Values below the double range compare absolutely.
      let error = abs(actual - expected) / max(abs(expected), 1e-300)
      worst = max(worst, expected == 0 ? abs(actual) : error)
      #expect(
        isClose(actual, expected, relative: 1e-12, absolute: 1e-300),
        "\(row["kind"] ?? "") df=\(df) x=\(x): got \(actual), expected \(expected)")
    }
    #expect(worst < 1e-12)
  }

  @Test func upperTailIsTheMirrorOfTheLowerTail() {
    let t = StudentT(degreesOfFreedom: 7.5)
    for x in [-30.0, -2, -0.1, 0, 0.4, 3, 60] {
      expectClose(t.survival(x), t.cdf(-x), relative: 1e-15, absolute: 0, "survival(\(x))")
    }
  }

  @Test func infiniteDegreesOfFreedomIsTheNormalDistribution() {
    let normal = StudentT(degreesOfFreedom: .infinity)
    expectClose(normal.quantile(0.975), 1.959963984540054, relative: 1e-13, "z_0.975")
    expectClose(normal.cdf(-1.959963984540054), 0.025, relative: 1e-13, "Φ(-1.96)")
  }

  @Test func invalidArgumentsGiveNaNOrInfinity() {
    #expect(StudentT(degreesOfFreedom: 0).cdf(1).isNaN)
    #expect(StudentT(degreesOfFreedom: -2).quantile(0.5).isNaN)
    #expect(StudentT(degreesOfFreedom: 3).quantile(1.5).isNaN)
    #expect(StudentT(degreesOfFreedom: 3).quantile(0) == -.infinity)
    #expect(StudentT(degreesOfFreedom: 3).quantile(1) == .infinity)
    #expect(StudentT(degreesOfFreedom: 3).cdf(.infinity) == 1)
  }
}
