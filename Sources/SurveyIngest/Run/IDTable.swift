#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A hash table from ids (child, volunteer and response ids, as text) to small
/// entries, built for a million ids: one probe array of 8-byte slots, the ids'
/// bytes one after the other, and the entries in insertion order.
///
/// Compared with `[String: Value]` it hashes the id's bytes with a short
/// multiply-and-shift hash instead of SipHash, keeps each slot's hash so that
/// growing never hashes an id again, and hands out entry numbers, so that a row
/// looks its id up once and then reads and writes the entry directly. Entries are
/// never removed (callers mark them instead).
struct IDTable<Value> {
  /// Open addressing with linear probing; 0 is an empty slot, otherwise the id's
  /// 32-bit hash (high half) and its entry number + 1 (low half).
  private var slots: [UInt64] = []
  private var keyBytes: [UInt8] = []
  /// Where each entry's id ends in `keyBytes` (it starts where the previous ends).
  private var keyEnds: [Int] = []
  /// The entries, in the order their ids were first inserted.
  private(set) var values: [Value] = []

  /// The number of ids.
  var count: Int { values.count }

  /// The entry of `id`.
  subscript(entry: Int) -> Value {
    get { values[entry] }
    set { values[entry] = newValue }
  }

  /// The entry number of `id`, or `nil`.
  func entry(of id: String) -> Int? {
    guard !values.isEmpty else { return nil }
    var id = id
    return id.withUTF8 { bytes in
      let hash = Self.hash(bytes)
      let found = probe(bytes, hash: hash)
      return found.entry
    }
  }

  /// The entry number of the id whose UTF-8 bytes are `bytes`, or `nil`.
  func entry(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !values.isEmpty else { return nil }
    return probe(bytes, hash: Self.hash(bytes)).entry
  }

  /// Inserts the id whose UTF-8 bytes are `bytes`, which the table does not hold.
  @discardableResult
  mutating func insert(bytes: UnsafeBufferPointer<UInt8>, _ value: Value) -> Int {
    if (values.count + 1) * 2 > slots.count { grow() }
    let hash = Self.hash(bytes)
    let found = probe(bytes, hash: hash)
    precondition(found.entry == nil, "the id is new to the table")
    let entry = values.count
    values.append(value)
    keyBytes.append(contentsOf: bytes)
    keyEnds.append(keyBytes.count)
    slots[found.slot] = UInt64(hash) << 32 | UInt64(entry + 1)
    changes += 1
    return entry
  }

  /// An id found, or the place it would take, as of the table's `changes`.
  struct Lookup {
    var entry: Int?
    var slot: Int
    var hash: UInt32
    var changes: Int
  }

  /// Inserts and growths so far: a lookup made before a change is made again.
  private var changes = 0

  /// Makes room for one more id, then finds `id`: its entry, or the empty slot it
  /// would take. Looking up the ids of two tables one after the other lets the
  /// processor fetch both tables' slots at once (a million ids do not fit in the
  /// cache, so each slot is a wait for memory).
  mutating func lookUp(_ id: String) -> Lookup {
    if (values.count + 1) * 2 > slots.count { grow() }
    var id = id
    let changes = changes
    return id.withUTF8 { bytes in
      let hash = Self.hash(bytes)
      let found = probe(bytes, hash: hash)
      return Lookup(entry: found.entry, slot: found.slot, hash: hash, changes: changes)
    }
  }

  /// The entry number of `id`, inserting `value` for it when the id is new.
  mutating func entry(of id: String, inserting value: @autoclosure () -> Value) -> (
    entry: Int, inserted: Bool
  ) {
    entry(of: id, at: lookUp(id), inserting: value())
  }

  /// The entry number of `id` as `lookup` found it (looked up again if the table
  /// changed since), inserting `value` for it when the id is new.
  mutating func entry(
    of id: String, at lookup: Lookup, inserting value: @autoclosure () -> Value
  ) -> (entry: Int, inserted: Bool) {
    let lookup = lookup.changes == changes ? lookup : lookUp(id)
    if let entry = lookup.entry { return (entry, false) }
    let entry = values.count
    values.append(value())
    var id = id
    id.withUTF8 { keyBytes.append(contentsOf: $0) }
    keyEnds.append(keyBytes.count)
    slots[lookup.slot] = UInt64(lookup.hash) << 32 | UInt64(entry + 1)
    changes += 1
    return (entry, true)
  }

  /// The entry holding `bytes`, or the empty slot where it would go.
  private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (entry: Int?, slot: Int)
  {
    slots.withUnsafeBufferPointer { slots in
      keyBytes.withUnsafeBufferPointer { keys in
        keyEnds.withUnsafeBufferPointer { ends in
          let mask = slots.count - 1
          var index = Int(hash) & mask
          while true {
            let slot = slots[index]
            if slot == 0 { return (nil, index) }
            if UInt32(truncatingIfNeeded: slot >> 32) == hash {
              let entry = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
              let start = entry == 0 ? 0 : ends[entry - 1]
              let end = ends[entry]
              if end - start == bytes.count {
                guard let key = keys.baseAddress, let wanted = bytes.baseAddress, !bytes.isEmpty
                else { return (entry, index) }
                if memcmp(key + start, wanted, bytes.count) == 0 { return (entry, index) }
              }
            }
            index = (index + 1) & mask
          }
        }
      }
    }
  }

  /// Doubles the slots (at least 16), placing each id by its kept hash.
  private mutating func grow() {
    let capacity = max(16, slots.count * 2)
    var larger = [UInt64](repeating: 0, count: capacity)
    let mask = capacity - 1
    for slot in slots where slot != 0 {
      var index = Int(truncatingIfNeeded: slot >> 32) & mask
      while larger[index] != 0 { index = (index + 1) & mask }
      larger[index] = slot
    }
    slots = larger
    changes += 1
  }

  /// A 32-bit hash of the id's bytes: 8 bytes at a time, multiplied and shifted,
  /// then the splitmix64 finaliser.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      var position = 0
      while position + 8 <= bytes.count {
        h =
          (h ^ raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
          &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 29
        position += 8
      }
      if position < bytes.count {
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count {
          tail |= UInt64(base[position]) << shift
          shift += 8
          position += 1
        }
        h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 29
      }
    }
    h ^= h >> 30
    h &*= 0xBF58_476D_1CE4_E5B9
    h ^= h >> 27
    h &*= 0x94D0_49BB_1331_11EB
    h ^= h >> 31
    return UInt32(truncatingIfNeeded: h >> 32)
  }
}
