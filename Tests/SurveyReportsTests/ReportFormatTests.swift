import Testing

@testable import SurveyReports

@Suite struct ReportFormatTests {
  @Test(arguments: [
    (0.725, 1, "0.7"), (72.45, 1, "72.5"), (-0.04, 1, "-0.0"), (-0.04, 0, "0"), (1234.5, 0, "1235"),
    (3.14159, 2, "3.14"), (0.0005, 3, "0.001"), (-2.5, 0, "-3"), (12, 2, "12.00"),
  ])
  func fixedDecimalsRoundHalfAwayFromZero(value: Double, decimals: Int, expected: String) {
    // -0.04 at one decimal is -0.0 in C's printf; we print the sign only for a non-zero result.
    let shown = ReportFormat.plain(value, decimals: decimals)
    #expect(shown == (expected == "-0.0" ? "0.0" : expected))
  }

  @Test func valuesReadAsPercentOrMean() {
    #expect(ReportFormat.value(0.7313432835820896, .proportion) == "73.1%")
    #expect(ReportFormat.value(3.4, .mean) == "3.40")
    #expect(ReportFormat.interval(0.27579813431, 0.95940333131, .proportion) == "27.6–95.9%")
    #expect(ReportFormat.interval(2.89140709917, 3.97525956750, .mean) == "2.89–3.98")
    #expect(ReportFormat.gap(0.3, .proportion, .zh) == "30.0 个百分点")
    #expect(ReportFormat.gap(0.3, .proportion, .en) == "30.0 pp")
    #expect(ReportFormat.probability(0.00064) == "<0.001")
    #expect(ReportFormat.probability(0.0133392930) == "0.013")
    #expect(ReportFormat.count(250_700) == "250,700")
    #expect(ReportFormat.count(999) == "999")
    #expect(ReportFormat.suppressed(k: 5, .zh) == "— 样本不足 n<5")
    #expect(ReportFormat.targets([0.75, 0.9], .proportion, .en) == "75.0%–90.0% (varies by region)")
  }

  @Test func axisTicksAreRoundNumbersCoveringTheData() {
    let axis = ChartAxis(covering: [0.62, 0.8, 0.71], kind: .proportion)
    // Range 0.18 padded by 4% each side -> 0.6128...0.8072; step 0.18*1.08/5 = 0.039 -> 0.05.
    #expect(axis.step == 0.05)
    #expect(abs(axis.low - 0.6) < 1e-12 && abs(axis.high - 0.85) < 1e-12)
    #expect(axis.ticks.map { axis.label($0) } == ["60%", "65%", "70%", "75%", "80%", "85%"])
    // Bars of proportions: 0...1 (the 4% headroom is clamped away), 1/5 = 0.2 is already nice.
    let zero = ChartAxis(covering: [0, 1], kind: .proportion, fromZero: true)
    #expect(zero.low == 0 && zero.high == 1 && zero.step == 0.2)
  }

  @Test func markupEscapesTheFiveXMLCharacters() {
    #expect(Markup.escape("a<b & \"c\" 'd' >") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39; &gt;")
  }

  @Test func textIsCutToFitAChartLabel() {
    // Twelve CJK characters at 12 px are 144 px wide; 60 px holds four and the ellipsis.
    #expect(TextMetrics.width("阿坝藏族羌族自治州阿坝藏", fontSize: 12) == 144)
    #expect(TextMetrics.truncate("阿坝藏族羌族自治州", maxWidth: 60, fontSize: 12) == "阿坝藏族…")
    #expect(TextMetrics.truncate("成都市", maxWidth: 60, fontSize: 12) == "成都市")
  }

  @Test func everyPhraseHasBothLanguages() {
    for phrase in Phrase.allCases {
      #expect(!phrase.text(.zh).isEmpty && !phrase.text(.en).isEmpty, "\(phrase)")
    }
  }
}
