import SurveySchema
import Testing

@testable import SurveyScoring

/// A library caller's bad option is a usage error, never a crash.
@Suite struct ScoringOptionsTests {
  @Test(arguments: [0.0, 1.0, 1.5, 95.0, -0.5, Double.nan])
  func confidenceLevelOutsideZeroOneIsAUsageError(level: Double) {
    do {
      _ = try ScoringSink(kit: TinyKit().kit, options: ScoringOptions(confidenceLevel: level))
      Issue.record("level \(level) was accepted")
    } catch {
      #expect(error.isUsage)
      #expect(error.description.contains("the confidence level must lie strictly between 0 and 1"))
    }
  }

  @Test func aLevelInsideZeroOneIsAccepted() throws {
    _ = try ScoringSink(kit: TinyKit().kit, options: ScoringOptions(confidenceLevel: 0.9))
  }
}
