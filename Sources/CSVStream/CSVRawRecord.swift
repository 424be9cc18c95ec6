#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A record as it sits in the reader's buffer: fields are UTF-8 bytes, each
/// followed by a NUL. Valid only inside the ``CSVReader/forEachRecord(malformed:_:)``
/// call that passed it.
///
/// Convert only the fields you use: ``string(at:)`` makes a `String`,
/// ``double(at:)`` and ``int(at:)`` parse in place, ``bytes(at:)`` gives the raw bytes.
public struct CSVRawRecord {
  @usableFromInline let storage: UnsafePointer<UInt8>
  @usableFromInline let fieldEnds: UnsafePointer<Int>
  @usableFromInline let firstField: Int
  /// The number of fields.
  public let count: Int
  /// The spreadsheet row (header = 1), as ``CSVRecord/number``.
  public let number: Int
  /// The physical line where the record starts, as ``CSVRecord/line``.
  public let line: Int

  init(
    bytes: UnsafePointer<UInt8>, fieldEnds: UnsafePointer<Int>, firstField: Int, count: Int,
    number: Int, line: Int
  ) {
    storage = bytes
    self.fieldEnds = fieldEnds
    self.firstField = firstField
    self.count = count
    self.number = number
    self.line = line
  }

  @inlinable @inline(__always)
  func span(_ index: Int) -> (start: Int, end: Int) {
    let field = firstField &+ index
    let start = field == 0 ? 0 : fieldEnds[field &- 1] &+ 1
    return (start, fieldEnds[field])
  }

  /// The UTF-8 bytes of field `index` (0-based), without quotes; empty when the
  /// record has no such field.
  @inlinable @inline(__always)
  public func bytes(at index: Int) -> UnsafeBufferPointer<UInt8> {
    guard index >= 0, index < count else { return UnsafeBufferPointer(start: nil, count: 0) }
    let (start, end) = span(index)
    return UnsafeBufferPointer(start: storage + start, count: end &- start)
  }

  /// Whether field `index` is empty or missing.
  @inlinable @inline(__always)
  public func isEmpty(at index: Int) -> Bool {
    bytes(at: index).isEmpty
  }

  /// Field `index` as a string, or `nil` when the record has no such field.
  public func string(at index: Int) -> String? {
    guard index >= 0, index < count else { return nil }
    return String(decoding: bytes(at: index), as: UTF8.self)
  }

  /// Field `index` as a decimal number (`12`, `-0.5`, `3e2`), or `nil` when it
  /// is missing, empty or not entirely a number (spaces, `nan`, `inf` and hex
  /// are not numbers here).
  public func double(at index: Int) -> Double? {
    let field = bytes(at: index)
    guard let base = field.baseAddress, !field.isEmpty else { return nil }
    return parseDecimal(base, count: field.count)
  }

  /// Field `index` as an integer (optional sign, then digits), or `nil` when it
  /// is missing, empty, not an integer or out of range.
  public func int(at index: Int) -> Int? {
    let field = bytes(at: index)
    guard !field.isEmpty else { return nil }
    var position = 0
    var negative = false
    if field[0] == 0x2D || field[0] == 0x2B {
      negative = field[0] == 0x2D
      position = 1
    }
    guard position < field.count else { return nil }
    var value = 0
    while position < field.count {
      let digit = Int(field[position]) &- 0x30
      guard digit >= 0, digit <= 9 else { return nil }
      let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (next, overflow2) =
        negative
        ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
      guard !overflow1, !overflow2 else { return nil }
      value = next
      position += 1
    }
    return value
  }

  /// Whether field `index` is exactly `text`.
  public func field(at index: Int, equals text: String) -> Bool {
    var text = text
    return text.withUTF8 { wanted in
      let field = bytes(at: index)
      guard field.count == wanted.count else { return false }
      guard let a = field.baseAddress, let b = wanted.baseAddress else { return field.isEmpty }
      return memcmp(a, b, field.count) == 0
    }
  }

  /// All fields as strings.
  public var fields: [String] {
    (0..<count).map { String(decoding: bytes(at: $0), as: UTF8.self) }
  }

  /// The record as a ``CSVRecord`` (makes a `String` per field).
  public var record: CSVRecord {
    CSVRecord(fields: fields, number: number, line: line)
  }
}

/// Exact powers of ten, for the fast decimal path.
private let exactPowersOfTen: [Double] = (0...22).map { power in
  (0..<power).reduce(1.0) { value, _ in value * 10 }
}

/// Parses a NUL-terminated decimal number that fills `count` bytes.
///
/// Plain decimals with up to 15 significant digits take the exact fast path
/// (an integer mantissa divided by an exact power of ten is correctly
/// rounded); anything else goes to `strtod`.
private func parseDecimal(_ base: UnsafePointer<UInt8>, count: Int) -> Double? {
  var position = 0
  var negative = false
  if base[0] == 0x2D || base[0] == 0x2B {
    negative = base[0] == 0x2D
    position = 1
  }
  var mantissa: UInt64 = 0
  var significantDigits = 0
  var fractionDigits = 0
  var seenPoint = false
  var simple = true
  while position < count {
    let byte = base[position]
    if byte >= 0x30 && byte <= 0x39 {
      if mantissa == 0 && byte == 0x30 {
        // A leading zero adds no significant digit.
      } else if significantDigits < 15 {
        mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
        significantDigits += 1
      } else {
        simple = false
      }
      if seenPoint { fractionDigits += 1 }
    } else if byte == 0x2E && !seenPoint {
      seenPoint = true
    } else if byte == 0x65 || byte == 0x45 || byte == 0x2B || byte == 0x2D || byte == 0x2E {
      simple = false
    } else {
      return nil
    }
    position += 1
  }
  let hasDigit = (0..<count).contains { base[$0] >= 0x30 && base[$0] <= 0x39 }
  guard hasDigit else { return nil }
  if simple && fractionDigits <= 22 {
    let value = Double(mantissa) / exactPowersOfTen[fractionDigits]
    return negative ? -value : value
  }
  var end: UnsafeMutablePointer<CChar>?
  let start = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
  let value = strtod(start, &end)
  let consumed = end.map { UnsafeRawPointer($0) - UnsafeRawPointer(start) } ?? -1
  guard consumed == count else { return nil }
  return value
}
