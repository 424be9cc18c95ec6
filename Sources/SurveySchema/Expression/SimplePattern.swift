/// A regular expression of the shape kit constraints use for ids and codes, such
/// as `^[0-9]{6}$` or `^[A-Za-z0-9_-]{4,40}( [A-Za-z0-9_-]{4,40})*$`, matched on
/// the text's UTF-8 bytes instead of through ICU.
///
/// Only patterns anchored at both ends and built from ASCII literals, ASCII
/// character classes (without negation, escapes for letters or set operations),
/// capturing groups and greedy quantifiers (`*`, `+`, `?`, `{n}`, `{m,}`, `{m,n}`)
/// are compiled; every other pattern gives `nil` and is left to
/// `NSRegularExpression`. Because each piece matches only ASCII, a byte of a
/// longer UTF-8 sequence never matches, exactly as its UTF-16 unit would not in
/// ICU. The compiled form is a Thompson automaton, so a match takes time linear
/// in the text whatever the pattern.
struct SimplePattern: Sendable {
  /// A set of ASCII bytes.
  struct ByteSet: Sendable, Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    mutating func insert(_ byte: UInt8) {
      if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
    }

    func contains(_ byte: UInt8) -> Bool {
      if byte < 64 { return low >> UInt64(byte) & 1 == 1 }
      if byte < 128 { return high >> UInt64(byte - 64) & 1 == 1 }
      return false
    }
  }

  /// One state of the automaton.
  enum State: Sendable, Equatable {
    case accept
    /// Consumes one byte of the set, then goes on to the state.
    case byte(ByteSet, Int)
    /// Goes on to both states without consuming.
    case split(Int, Int)
  }

  /// A piece of the pattern with its repetition.
  indirect enum Node: Sendable {
    case set(ByteSet)
    case group([Item])
  }

  struct Item: Sendable {
    var node: Node
    var min: Int
    var max: Int?
  }

  private(set) var states: [State] = [.accept]
  private(set) var start = 0
  /// The single `^[class]{m,n}$` piece, checked without the automaton.
  private var single: (set: ByteSet, min: Int, max: Int?)?

  /// The most states a pattern may compile to before it is left to ICU.
  static let stateLimit = 4096

  /// Compiles `pattern`, or `nil` when it is not of the simple shape.
  init?(_ pattern: String) {
    let scalars = Array(pattern.unicodeScalars)
    guard scalars.allSatisfy(\.isASCII) else { return nil }
    var parser = SimplePatternParser(chars: scalars.map { UInt8($0.value) })
    guard let items = parser.parseAnchored() else { return nil }
    if items.count == 1, case .set(let set) = items[0].node {
      single = (set, items[0].min, items[0].max)
    }
    guard let entry = compile(items, next: 0) else { return nil }
    start = entry
  }

  /// Whether the whole text matches, or `nil` when ICU must decide: the text ends
  /// in a line terminator or a non-ASCII character, where ICU's `$` may also
  /// match before the terminator.
  func matches(_ text: String) -> Bool? {
    var text = text
    return text.withUTF8 { matches(bytes: $0) }
  }

  /// ``matches(_:)`` on UTF-8 bytes.
  func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    if let last = bytes.last, last >= 0x80 || (0x0A...0x0D).contains(last) { return nil }
    if let single {
      guard bytes.count >= single.min, single.max.map({ bytes.count <= $0 }) ?? true else {
        return false
      }
      return bytes.allSatisfy(single.set.contains)
    }
    return run(bytes)
  }

  /// Simulates the automaton over the bytes, one set of live states per position.
  private func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = states.count
    var current: [Int] = []
    var following: [Int] = []
    current.reserveCapacity(count)
    following.reserveCapacity(count)
    var marks = [Int](repeating: -1, count: count)
    func add(_ state: Int, _ generation: Int, to list: inout [Int]) {
      var stack = [state]
      while let s = stack.popLast() {
        if marks[s] == generation { continue }
        marks[s] = generation
        switch states[s] {
        case .split(let a, let b):
          stack.append(b)
          stack.append(a)
        case .accept, .byte: list.append(s)
        }
      }
    }
    add(start, 0, to: &current)
    for (position, byte) in bytes.enumerated() {
      following.removeAll(keepingCapacity: true)
      for s in current {
        if case .byte(let set, let next) = states[s], set.contains(byte) {
          add(next, position + 1, to: &following)
        }
      }
      if following.isEmpty { return false }
      swap(&current, &following)
    }
    return current.contains { states[$0] == .accept }
  }

  /// Appends the states of `items` in front of `next`; returns the first state.
  private mutating func compile(_ items: [Item], next: Int) -> Int? {
    var next = next
    for item in items.reversed() {
      guard let entry = compile(item, next: next) else { return nil }
      next = entry
    }
    return next
  }

  private mutating func compile(_ item: Item, next exit: Int) -> Int? {
    var next = exit
    if let max = item.max {
      for _ in 0..<(max - item.min) {
        guard let body = compile(item.node, next: next) else { return nil }
        next = append(.split(body, exit))
      }
    } else {
      let loop = append(.split(0, 0))
      guard let body = compile(item.node, next: loop) else { return nil }
      states[loop] = .split(body, exit)
      next = loop
    }
    for _ in 0..<item.min {
      guard let body = compile(item.node, next: next) else { return nil }
      next = body
    }
    return states.count > Self.stateLimit ? nil : next
  }

  private mutating func compile(_ node: Node, next: Int) -> Int? {
    guard states.count <= Self.stateLimit else { return nil }
    switch node {
    case .set(let set): return append(.byte(set, next))
    case .group(let items): return compile(items, next: next)
    }
  }

  private mutating func append(_ state: State) -> Int {
    states.append(state)
    return states.count - 1
  }
}
