import Testing

@testable import SurveySchema

@Suite struct ExpressionSupportTests {
  @Test(arguments: [
    ("kitten", "sitting", 3), ("", "abc", 3), ("abc", "", 3), ("weekley", "weekly", 1),
    ("爱心", "爱心妈妈", 2), ("same", "same", 0),
  ])
  func levenshteinDistance(_ a: String, _ b: String, _ d: Int) {
    #expect(Suggestion.distance(a, b) == d)
  }

  @Test func suggestsTheClosestNameWithinOneEditPerThreeCharacters() {
    #expect(Suggestion.closest(to: "agge", among: ["page", "age"]) == "age")
    #expect(Suggestion.closest(to: "weekley", among: ["daily", "weekly", "monthly"]) == "weekly")
    #expect(Suggestion.closest(to: "xyz", among: ["age"]) == nil)
    #expect(Suggestion.closest(to: "e", among: ["a", "b"]) == nil)  // too short to guess
    // A tie goes to the name that sorts first.
    #expect(Suggestion.closest(to: "cat", among: ["cut", "bat"]) == "bat")
  }

  @Test(arguments: [
    (0.5, "0.5"), (-0.0, "0"), (1e20, "100000000000000000000"), (1e-7, "0.0000001"),
    (123456789012345.6, "123456789012345.6"), (9_007_199_254_740_992, "9007199254740992"),
    (-1.25e-5, "-0.0000125"), (Double.infinity, "Infinity"),
  ])
  func formatsNumbersAsXPathString(_ x: Double, _ text: String) {
    #expect(XPathNumber.format(x) == text)
  }

  @Test(arguments: [
    ("12", 12.0), (" -3.5\n", -3.5), (".5", 0.5), ("7.", 7), ("-.5", -0.5),
  ])
  func parsesXPathNumbers(_ text: String, _ x: Double) {
    #expect(XPathNumber.parse(text) == x)
  }

  @Test(arguments: ["", " ", "1e3", "+1", "1.2.3", "0x10", "１２", "-", "."])
  func rejectsTextThatIsNotAnXPathNumber(_ text: String) {
    #expect(XPathNumber.parse(text).isNaN)
  }

  @Test(arguments: [
    (2.5, 0, 3.0), (-2.5, 0, -2), (0.5, 0, 1), (-0.5, 0, 0), (2.675, 2, 2.68), (-2.675, 2, -2.67),
    (9.995, 2, 10), (1250, -2, 1300), (500, -3, 1000), (4, -3, 0), (0.0001234, 6, 0.000123),
  ])
  func roundsTheDecimalSpelling(_ x: Double, _ places: Int, _ expected: Double) {
    #expect(XPathNumber.round(x, places: places) == expected)
  }
}
