import Foundation

/// The pattern of a `regex()` call, compiled once: checked on the text's bytes
/// when it has the simple shape of ``SimplePattern``, through
/// `NSRegularExpression` otherwise (and for texts the simple matcher leaves to
/// ICU). Both give the same answer.
struct TextPattern: Sendable {
  let regex: NSRegularExpression
  let simple: SimplePattern?

  init(_ regex: NSRegularExpression) {
    self.regex = regex
    self.simple = SimplePattern(regex.pattern)
  }

  /// Whether `pattern` matches somewhere in `text`, as `NSRegularExpression`
  /// `firstMatch` finds it.
  func matches(_ text: String) -> Bool {
    if let answer = simple?.matches(text) { return answer }
    return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }
}
