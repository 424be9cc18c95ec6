/// Interned unit ids: each distinct id gets the next index, in order of first sight.
///
/// An open-addressing table of 4-byte indices into the id array, so an id is held
/// once (a `[String: Int32]` dictionary would hold every id a second time, about
/// 20 more bytes per child).
struct IDTable: Sendable {
  /// Index -> id.
  private(set) var ids: [String] = []
  /// Hash slots: -1 empty, else an index into `ids`. The count is a power of two,
  /// kept at least twice the number of ids.
  private var slots: [Int32] = Array(repeating: -1, count: 16)

  /// The number of ids.
  var count: Int { ids.count }

  /// The index of `id`, or `nil` when it was never interned.
  func index(of id: String) -> Int? {
    let mask = slots.count - 1
    var slot = id.hashValue & mask
    while true {
      let index = slots[slot]
      if index < 0 { return nil }
      if ids[Int(index)] == id { return Int(index) }
      slot = (slot + 1) & mask
    }
  }

  /// The index of `id`, adding it when new.
  mutating func intern(_ id: String) -> (index: Int, isNew: Bool) {
    let mask = slots.count - 1
    var slot = id.hashValue & mask
    while true {
      let index = slots[slot]
      if index < 0 { break }
      if ids[Int(index)] == id { return (Int(index), false) }
      slot = (slot + 1) & mask
    }
    let index = ids.count
    precondition(index < Int(Int32.max), "more than 2 billion units")
    ids.append(id)
    slots[slot] = Int32(index)
    if ids.count * 2 > slots.count { grow() }
    return (index, true)
  }

  /// Doubles the slots and re-inserts every id.
  private mutating func grow() {
    var larger = [Int32](repeating: -1, count: slots.count * 2)
    let mask = larger.count - 1
    for (index, id) in ids.enumerated() {
      var slot = id.hashValue & mask
      while larger[slot] >= 0 { slot = (slot + 1) & mask }
      larger[slot] = Int32(index)
    }
    slots = larger
  }
}
