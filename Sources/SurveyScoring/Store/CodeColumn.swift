import SurveySchema

/// One stored field of every unit: each unit's answer as a small code into a table of
/// the distinct values seen, `0` meaning missing (blank or not asked).
///
/// Codes start one byte wide and widen to four bytes when a column sees more than 255
/// distinct values, so a select_one, a select_multiple (each combination of choices
/// is one value) or a scale score costs about one byte per child.
struct CodeColumn: Sendable {
  private enum Storage: Sendable {
    case narrow([UInt8])
    case wide([UInt32])
  }

  private var storage: Storage = .narrow([])
  /// The distinct values; `values[code - 1]` is the value of `code`.
  private(set) var values: [Value] = []
  private var codes: [Value: UInt32] = [:]

  /// The number of units the column holds.
  var count: Int {
    switch storage {
    case .narrow(let a): a.count
    case .wide(let a): a.count
    }
  }

  /// Bits needed to hold any code of this column (at least 1).
  var codeBits: Int { max(1, UInt32(values.count).bitWidth - UInt32(values.count).leadingZeroBitCount) }

  /// Adds units with missing values until the column holds `count` units.
  mutating func grow(to count: Int) {
    let extra = count - self.count
    guard extra > 0 else { return }
    switch storage {
    case .narrow(var a):
      storage = .narrow([])
      a.append(contentsOf: repeatElement(0, count: extra))
      storage = .narrow(a)
    case .wide(var a):
      storage = .wide([])
      a.append(contentsOf: repeatElement(0, count: extra))
      storage = .wide(a)
    }
  }

  /// The code of a value, adding it to the table when new.
  mutating func code(for value: Value?) -> UInt32 {
    guard let value else { return 0 }
    if let known = codes[value] { return known }
    values.append(value)
    let code = UInt32(values.count)
    codes[value] = code
    return code
  }

  /// Sets a unit's value (`nil` = missing). The unit must be below `count`.
  mutating func set(_ value: Value?, at unit: Int) {
    let code = code(for: value)
    switch storage {
    case .narrow(var a):
      if code <= UInt32(UInt8.max) {
        storage = .narrow([])
        a[unit] = UInt8(code)
        storage = .narrow(a)
      } else {
        var wide = a.map(UInt32.init)
        wide[unit] = code
        storage = .wide(wide)
      }
    case .wide(var a):
      storage = .wide([])
      a[unit] = code
      storage = .wide(a)
    }
  }

  /// A unit's code (`0` = missing).
  func code(at unit: Int) -> UInt32 {
    switch storage {
    case .narrow(let a): UInt32(a[unit])
    case .wide(let a): a[unit]
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
