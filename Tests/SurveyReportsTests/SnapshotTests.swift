import Foundation
import SurveyReports
import Testing

/// Writes the fixture report in every format and both languages into
/// `$CAREEVAL_REPORT_SNAPSHOT_DIR/{zh,en}` for `make screenshots`; skipped
/// when the variable is not set.
@Suite struct SnapshotTests {
  static let directory = ProcessInfo.processInfo.environment["CAREEVAL_REPORT_SNAPSHOT_DIR"]

  @Test(.enabled(if: directory != nil))
  func writeFixtureReportForScreenshots() throws {
    let directory = try #require(Self.directory)
    for language in ReportLanguage.allCases {
      let report = try ReportFixture.report(ReportOptions(language: language))
      let written = try report.writeAll(to: directory + "/" + language.rawValue)
      #expect(written.count == ReportOutput.allCases.count)
    }
  }
}
