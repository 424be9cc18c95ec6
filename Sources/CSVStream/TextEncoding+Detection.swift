extension TextEncoding {
  /// The byte-order marks the reader recognises, longest first.
  private static let marks: [(TextEncoding, [UInt8])] = [
    (.gb18030, [0x84, 0x31, 0x95, 0x33]),
    (.utf8BOM, [0xEF, 0xBB, 0xBF]),
    (.utf16LE, [0xFF, 0xFE]),
    (.utf16BE, [0xFE, 0xFF]),
  ]

  /// Detects the encoding of input that begins with `start`.
  ///
  /// A byte-order mark decides. Without one: UTF-16 when every other byte of
  /// the start is zero (a BOM-less UTF-16 export), UTF-8 when `start` is valid
  /// UTF-8 (a character cut off at the end of a partial read is allowed), else
  /// GB18030.
  /// - Parameters:
  ///   - start: The first bytes of the input (the reader sniffs 64 KiB).
  ///   - isWholeInput: Whether `start` is all of the input.
  /// - Returns: The encoding and the length of its byte-order mark (0 if none).
  static func detect(in start: [UInt8], isWholeInput: Bool) -> (TextEncoding, markLength: Int) {
    for (encoding, mark) in marks where start.starts(with: mark) {
      return (encoding, mark.count)
    }
    if let utf16 = bomlessUTF16(start) { return (utf16, 0) }
    let check = start.withUnsafeBytes { checkUTF8($0, isFinal: isWholeInput) }
    return (check.marks.isEmpty ? .utf8 : .gb18030, 0)
  }

  /// The length of this encoding's byte-order mark at the start of `start`, or 0.
  func markLength(in start: [UInt8]) -> Int {
    let own: TextEncoding = self == .utf8 ? .utf8BOM : self
    for (encoding, mark) in Self.marks where encoding == own && start.starts(with: mark) {
      return mark.count
    }
    return 0
  }

  /// UTF-16 without a mark: mostly ASCII text shows a zero in every other byte.
  private static func bomlessUTF16(_ start: [UInt8]) -> TextEncoding? {
    let pairs = min(start.count, 512) / 2
    guard pairs >= 2 else { return nil }
    var zeroEven = 0
    var zeroOdd = 0
    for pair in 0..<pairs {
      if start[2 * pair] == 0 { zeroEven += 1 }
      if start[2 * pair + 1] == 0 { zeroOdd += 1 }
    }
    if zeroOdd * 10 >= pairs * 4 && zeroEven * 20 < pairs { return .utf16LE }
    if zeroEven * 10 >= pairs * 4 && zeroOdd * 20 < pairs { return .utf16BE }
    return nil
  }
}
