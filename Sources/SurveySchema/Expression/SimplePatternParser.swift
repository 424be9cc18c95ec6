/// Reads a pattern into ``SimplePattern`` items, refusing (with `nil`) anything
/// outside the simple shape so that ICU handles it.
struct SimplePatternParser {
  let chars: [UInt8]
  var position = 0

  /// The largest repetition count accepted.
  static let countLimit = 1000

  init(chars: [UInt8]) { self.chars = chars }

  /// `^` items `$`, the whole pattern.
  mutating func parseAnchored() -> [SimplePattern.Item]? {
    guard chars.first == UInt8(ascii: "^"), chars.count >= 2,
      chars.last == UInt8(ascii: "$")
    else { return nil }
    position = 1
    guard let items = parseSequence(closing: UInt8(ascii: "$")),
      position == chars.count - 1
    else { return nil }
    return items
  }

  private var peek: UInt8? { position < chars.count ? chars[position] : nil }

  /// Items up to (not including) `closing`.
  private mutating func parseSequence(closing: UInt8) -> [SimplePattern.Item]? {
    var items: [SimplePattern.Item] = []
    while let char = peek, char != closing {
      guard let node = parseAtom() else { return nil }
      guard let (min, max) = parseQuantifier() else { return nil }
      items.append(SimplePattern.Item(node: node, min: min, max: max))
    }
    return peek == closing ? items : nil
  }

  private mutating func parseAtom() -> SimplePattern.Node? {
    guard let char = peek else { return nil }
    position += 1
    switch char {
    case UInt8(ascii: "["): return parseClass().map(SimplePattern.Node.set)
    case UInt8(ascii: "("):
      guard peek != UInt8(ascii: "?"), peek != UInt8(ascii: ")"),
        let items = parseSequence(closing: UInt8(ascii: ")"))
      else { return nil }
      position += 1
      return .group(items)
    case UInt8(ascii: "\\"):
      guard let escaped = parseEscape() else { return nil }
      return .set(Self.set(of: escaped))
    default:
      guard Self.isPlainLiteral(char) else { return nil }
      return .set(Self.set(of: char))
    }
  }

  /// An escaped ASCII punctuation character (`\-`, `\.`, `\\`…); letters, digits and
  /// anything else (classes such as `\d`, which ICU widens to all of Unicode) are refused.
  private mutating func parseEscape() -> UInt8? {
    guard let char = peek, (0x21...0x7E).contains(char),
      !Self.isLetterOrDigit(char)
    else { return nil }
    position += 1
    return char
  }

  /// A class after its `[`: literals and ranges up to `]`.
  private mutating func parseClass() -> SimplePattern.ByteSet? {
    var set = SimplePattern.ByteSet()
    var first = true
    var previous: UInt8?
    while let char = peek {
      position += 1
      switch char {
      case UInt8(ascii: "]"):
        return first ? nil : set
      case UInt8(ascii: "^") where first, UInt8(ascii: "["), UInt8(ascii: "&"):
        return nil
      case UInt8(ascii: ":") where first:
        return nil
      case UInt8(ascii: "-"):
        if first || peek == UInt8(ascii: "]") {
          set.insert(char)
          previous = nil
        } else {
          guard let low = previous, var high = peek, high != UInt8(ascii: "-"),
            high != UInt8(ascii: "[")
          else { return nil }
          position += 1
          if high == UInt8(ascii: "\\") {
            guard let escaped = parseEscape() else { return nil }
            high = escaped
          }
          guard (0x20...0x7E).contains(high), low <= high else { return nil }
          for byte in low...high { set.insert(byte) }
          previous = nil
        }
      case UInt8(ascii: "\\"):
        guard let escaped = parseEscape() else { return nil }
        set.insert(escaped)
        previous = escaped
      default:
        guard (0x20...0x7E).contains(char) else { return nil }
        set.insert(char)
        previous = char
      }
      first = false
    }
    return nil
  }

  /// The repetition after an atom: (1, 1) without one; `nil` for lazy or
  /// possessive forms and malformed counts.
  private mutating func parseQuantifier() -> (Int, Int?)? {
    let bounds: (Int, Int?)
    switch peek {
    case UInt8(ascii: "*")?: bounds = (0, nil)
    case UInt8(ascii: "+")?: bounds = (1, nil)
    case UInt8(ascii: "?")?: bounds = (0, 1)
    case UInt8(ascii: "{")?:
      position += 1
      guard let low = parseCount() else { return nil }
      var high: Int? = low
      if peek == UInt8(ascii: ",") {
        position += 1
        high = peek == UInt8(ascii: "}") ? nil : parseCount()
        if high == nil, peek != UInt8(ascii: "}") { return nil }
      }
      guard peek == UInt8(ascii: "}"), high.map({ low <= $0 }) ?? true else { return nil }
      bounds = (low, high)
    default: return (1, 1)
    }
    position += 1
    if peek == UInt8(ascii: "?") || peek == UInt8(ascii: "+") { return nil }
    return bounds
  }

  private mutating func parseCount() -> Int? {
    var value = 0
    var digits = 0
    while let char = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(char) {
      value = value * 10 + Int(char - UInt8(ascii: "0"))
      digits += 1
      position += 1
      if value > Self.countLimit { return nil }
    }
    return digits == 0 ? nil : value
  }

  private static func set(of byte: UInt8) -> SimplePattern.ByteSet {
    var set = SimplePattern.ByteSet()
    set.insert(byte)
    return set
  }

  /// A printable ASCII character that stands for itself outside a class.
  private static func isPlainLiteral(_ char: UInt8) -> Bool {
    guard (0x20...0x7E).contains(char) else { return false }
    return !"^$.|?*+()[]{}\\#".utf8.contains(char)
  }

  private static func isLetterOrDigit(_ char: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(char)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(char)
      || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(char)
  }
}
