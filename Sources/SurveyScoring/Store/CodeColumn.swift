import SurveySchema

/// One stored field of every unit: each unit's answer as a small code into a table of
/// the distinct values seen, `0` meaning missing (blank or not asked).
///
/// Codes start four bits wide (two units per byte), widen to a byte when a column sees
/// more than 15 distinct values and to four bytes past 255, so a yes/no question or an
/// item score costs half a byte per child, a select_multiple (each combination of
/// choices is one value) or a scale score about one byte.
struct CodeColumn: Sendable {
  // Plain arrays rather than an enum of arrays, so reading a code does not retain
  // and release the storage.
  /// Codes of 4 bits (unit `u` in the low nibble of byte `u / 2` when `u` is even,
  /// the high nibble when odd) or of 8 bits, by `bits`.
  private var packed: [UInt8] = []
  private var wide: [UInt32] = []
  /// 4, 8 or 32.
  private var bits = 4
  private var unitCount = 0
  /// The distinct values; `values[code - 1]` is the value of `code`.
  private(set) var values: [Value] = []
  private var codes: [Value: UInt32] = [:]

  /// The number of units the column holds.
  var count: Int { unitCount }

  /// Bits needed to hold any code of this column (at least 1).
  var codeBits: Int { max(1, UInt32(values.count).bitWidth - UInt32(values.count).leadingZeroBitCount) }

  /// Adds units with missing values until the column holds `count` units.
  mutating func grow(to count: Int) {
    guard count > unitCount else { return }
    unitCount = count
    switch bits {
    case 4: packed.append(contentsOf: repeatElement(0, count: (count + 1) / 2 - packed.count))
    case 8: packed.append(contentsOf: repeatElement(0, count: count - packed.count))
    default: wide.append(contentsOf: repeatElement(0, count: count - wide.count))
    }
  }

  /// Up to this many distinct values are found by a linear scan, which is cheaper
  /// than hashing for the short choice lists and item scores most columns hold.
  private static let scanLimit = 16

  /// The code of a value, adding it to the table when new.
  mutating func code(for value: Value?) -> UInt32 {
    guard let value else { return 0 }
    if case .number(let x) = value, x.isNaN { return 0 }
    if values.count <= Self.scanLimit {
      if case .number(let x) = value {
        for (i, known) in values.enumerated() {
          if case .number(let y) = known, y.bitPattern == x.bitPattern { return UInt32(i + 1) }
        }
      } else {
        for (i, known) in values.enumerated() where known == value { return UInt32(i + 1) }
      }
    } else if let known = codes[value] {
      return known
    }
    values.append(value)
    let code = UInt32(values.count)
    if values.count == Self.scanLimit + 1 {
      for (i, known) in values.enumerated() { codes[known] = UInt32(i + 1) }
    } else if values.count > Self.scanLimit {
      codes[value] = code
    }
    return code
  }

  /// Sets a unit's value (`nil` = missing). The unit must be below `count`.
  mutating func set(_ value: Value?, at unit: Int) {
    let code = code(for: value)
    if bits == 4 && code > 15 { widen(to: 8) }
    if bits == 8 && code > 255 { widen(to: 32) }
    switch bits {
    case 4:
      let shift = UInt8((unit & 1) * 4)
      packed[unit >> 1] = packed[unit >> 1] & ~(0x0F << shift) | UInt8(code) << shift
    case 8: packed[unit] = UInt8(code)
    default: wide[unit] = code
    }
  }

  /// Re-stores every code with more bits.
  private mutating func widen(to newBits: Int) {
    let codes = (0..<unitCount).map { code(at: $0) }
    if newBits == 8 {
      packed = codes.map { UInt8($0) }
    } else {
      wide = codes
      packed = []
    }
    bits = newBits
  }

  /// A unit's code (`0` = missing).
  @inline(__always)
  func code(at unit: Int) -> UInt32 {
    switch bits {
    case 4: UInt32(packed[unit >> 1] >> UInt8((unit & 1) * 4) & 0x0F)
    case 8: UInt32(packed[unit])
    default: wide[unit]
    }
  }

  /// A unit's value, or `nil` when missing.
  func value(at unit: Int) -> Value? {
    let code = code(at: unit)
    return code == 0 ? nil : values[Int(code) - 1]
  }

  /// The value of a code, or `nil` for `0`.
  func value(ofCode code: UInt32) -> Value? {
    code == 0 ? nil : values[Int(code) - 1]
  }
}
