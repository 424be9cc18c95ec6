/// "Did you mean …?" suggestions by edit distance, shared by expression checks and lint.
enum Suggestion {
  /// The candidate closest to `word` by Levenshtein distance, if it is close enough:
  /// at most one edit per three characters of `word`, so words shorter than three
  /// characters get no suggestion (every one-letter name is one edit from another).
  /// Ties go to the candidate that sorts first, so messages are deterministic.
  static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
    let limit = word.count / 3
    guard limit > 0 else { return nil }
    var best: (distance: Int, name: String)?
    for candidate in candidates where candidate != word {
      let d = distance(word, candidate, limit: limit)
      guard d <= limit else { continue }
      if let current = best, (current.distance, current.name) <= (d, candidate) { continue }
      best = (d, candidate)
    }
    return best?.name
  }

  /// `"; did you mean 'x'?"`, or `""` without a suggestion.
  static func clause(_ suggestion: String?) -> String {
    suggestion.map { "; did you mean '\($0)'?" } ?? ""
  }

  /// Levenshtein distance between `a` and `b` over Characters; stops early and
  /// returns `limit + 1` once the distance must exceed `limit`.
  static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
    let x = Array(a)
    let y = Array(b)
    let over = limit == .max ? limit : limit + 1
    if Swift.abs(x.count - y.count) > limit { return over }
    if x.isEmpty || y.isEmpty { return Swift.max(x.count, y.count) }
    var previous = Array(0...y.count)
    var row = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      row[0] = i
      var smallest = i
      for j in 1...y.count {
        let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
        row[j] = Swift.min(substitution, previous[j] + 1, row[j - 1] + 1)
        smallest = Swift.min(smallest, row[j])
      }
      if smallest > limit { return over }
      swap(&previous, &row)
    }
    return previous[y.count]
  }
}
