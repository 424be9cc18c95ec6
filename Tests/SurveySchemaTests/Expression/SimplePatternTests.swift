import Foundation
import Testing

@testable import SurveySchema

/// The byte matcher of simple `regex()` patterns against ICU's
/// `NSRegularExpression`, which is the reference: on every pattern and text the
/// two must agree whenever the byte matcher answers.
@Suite struct SimplePatternTests {
  static let simplePatterns = [
    "^[0-9]{6}$", "^[A-Za-z0-9_-]{4,40}$", "^[A-Za-z0-9_-]+$",
    "^[A-Za-z0-9_-]{4,40}( [A-Za-z0-9_-]{4,40})*$", "^[a-z]*[a-z]{2}$",
    "^1[3-9][0-9]{9}$", "^[A-Z]{2}-?[0-9]{3,}$", "^(a[0-9]?)+$", "^[0-9]{2}\\.[0-9]$",
    "^$", "^[x]?$", "^([a-z]{1,3})*$", "^[-a]{0,2}b$", "^[ _]*$", "^(ab){2}c?$",
  ]
  /// Patterns the byte matcher leaves to ICU.
  static let icuPatterns = [
    "[0-9]{6}", "^[0-9]{6}", "^\\d{6}$", "^(ab|cd)$", "^[^0-9]+$", "^.{3}$", "^(?:ab)+$",
    "^[a-z]+?$", "^[a-z]++$", "^[\\w]+$", "^[[:alpha:]]+$", "^[a-z&&[^x]]+$",
    "^[z-a]$",
    "^中{2}$", "^[a-z]{3,2}$", "^a**$", "^\\bab$",
  ]
  static let texts = [
    "", "123456", "12345", "1234567", "12345a", "５００１５５", "儿童编号", "abcd", "ab_c-d", "abc",
    String(repeating: "a", count: 40), String(repeating: "a", count: 41), "abcd efgh",
    "abcd  efgh", "abcd efgh ", "abc efgh", "123456\n", "123456\r\n", "123456\r", "abcd\u{301}",
    "13912345678", "12912345678", "AB-123", "AB123", "AB-12", "a1a2a", "aa", "12.5", "12x5",
    "b", "-b", "a-b", "--ab", "ab", "abab", "ababc", "abababc", " _ ", "x", "xx", "中国abc",
    "abc中", "V0001 V0002", "V0001\u{3000}V0002", "a\u{2028}", "𝟘𝟙𝟚𝟛𝟜𝟝",
  ]

  static func icu(_ pattern: String, _ text: String) throws -> Bool {
    let regex = try NSRegularExpression(pattern: pattern)
    return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }

  @Test func compilesOnlyTheSimpleShape() {
    for pattern in Self.simplePatterns { #expect(SimplePattern(pattern) != nil, "\(pattern)") }
    for pattern in Self.icuPatterns { #expect(SimplePattern(pattern) == nil, "\(pattern)") }
  }

  @Test func agreesWithICUOnTheTable() throws {
    for pattern in Self.simplePatterns {
      let simple = try #require(SimplePattern(pattern))
      let compiled = TextPattern(try NSRegularExpression(pattern: pattern))
      for text in Self.texts {
        let expected = try Self.icu(pattern, text)
        if let answer = simple.matches(text) {
          #expect(answer == expected, "\(pattern) on \(text.debugDescription)")
        }
        #expect(compiled.matches(text) == expected, "\(pattern) on \(text.debugDescription)")
      }
    }
  }

  @Test func agreesWithICUOnGeneratedTexts() throws {
    let alphabet: [String] = ["a", "b", "c", "x", "z", "Z", "0", "1", "5", "9", "_", "-", " ",
      ".", "\n", "中", "é", "\u{301}", "，"]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for pattern in Self.simplePatterns {
      let simple = try #require(SimplePattern(pattern))
      let regex = try NSRegularExpression(pattern: pattern)
      for _ in 0..<300 {
        let text = (0..<next(14)).map { _ in alphabet[next(alphabet.count)] }.joined()
        let expected =
          regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        if let answer = simple.matches(text) {
          #expect(answer == expected, "\(pattern) on \(text.debugDescription)")
        }
      }
    }
  }

  /// Values worked out by hand from the patterns' meaning.
  @Test func handWorkedValues() throws {
    let county = try #require(SimplePattern("^[0-9]{6}$"))
    #expect(county.matches("500155") == true)
    #expect(county.matches("50015") == false)
    #expect(county.matches("") == false)
    // Ends in a non-ASCII character: ICU decides.
    #expect(county.matches("５００１５５") == nil)
    #expect(county.matches("50015５") == nil)
    #expect(county.matches("中00155") == false)
    let ids = try #require(SimplePattern("^[A-Za-z0-9_-]{4,40}( [A-Za-z0-9_-]{4,40})*$"))
    #expect(ids.matches("V0001 V0002") == true)
    #expect(ids.matches("V0001  V0002") == false)
    #expect(ids.matches("V01 V0002") == false)
    #expect(ids.matches("V0001\n") == nil)
    let free = try #require(SimplePattern("^[a-z]*$"))
    #expect(free.matches("") == true)
  }
}
