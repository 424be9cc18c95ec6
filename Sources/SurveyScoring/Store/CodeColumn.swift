import SurveySchema

/// One stored field of every unit: each unit's answer as a small code into a table of
/// the distinct values seen, `0` meaning missing (blank or not asked).
///
/// Codes start one byte wide and widen to four bytes when a column sees more than 255
/// distinct values, so a select_one, a select_multiple (each combination of choices
/// is one value) or a scale score costs about one byte per child.
struct CodeColumn: Sendable {
  // Two plain arrays rather than an enum of arrays, so reading a code does not
  // retain and release the storage.
  private var narrow: [UInt8] = []
  private var wide: [UInt32] = []
  private var isWide = false
  /// The distinct values; `values[code - 1]` is the value of `code`.
  private(set) var values: [Value] = []
  private var codes: [Value: UInt32] = [:]

  /// The number of units the column holds.
  var count: Int { isWide ? wide.count : narrow.count }

  /// Bits needed to hold any code of this column (at least 1).
  var codeBits: Int { max(1, UInt32(values.count).bitWidth - UInt32(values.count).leadingZeroBitCount) }

  /// Adds units with missing values until the column holds `count` units.
  mutating func grow(to count: Int) {
    let extra = count - self.count
    guard extra > 0 else { return }
    if isWide {
      wide.append(contentsOf: repeatElement(0, count: extra))
    } else {
      narrow.append(contentsOf: repeatElement(0, count: extra))
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
    if isWide {
      wide[unit] = code
    } else if code <= UInt32(UInt8.max) {
      narrow[unit] = UInt8(code)
    } else {
      wide = narrow.map(UInt32.init)
      narrow = []
      isWide = true
      wide[unit] = code
    }
  }

  /// A unit's code (`0` = missing).
  @inline(__always)
  func code(at unit: Int) -> UInt32 {
    isWide ? wide[unit] : UInt32(narrow[unit])
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
