/// A place where the input is not valid in its encoding, as an offset into the
/// decoded UTF-8 chunk (where a U+FFFD may stand for the bad bytes).
struct EncodingMark: Equatable {
  var offset: Int
  var bytes: [UInt8]
}

/// The result of checking a chunk for well-formed UTF-8.
struct UTF8Check {
  /// Ill-formed sequences, by offset.
  var marks: [EncodingMark] = []
  /// Bytes at the end that begin a sequence the chunk cuts off; they belong
  /// to the next chunk.
  var incompleteTail = 0
}

/// Checks `text` for well-formed UTF-8 (The Unicode Standard, table 3-7).
///
/// Runs of ASCII are skipped eight bytes at a time. An ill-formed sequence is
/// marked by its maximal valid prefix (at least one byte), then checking goes on.
/// - Parameters:
///   - text: The bytes.
///   - isFinal: Whether the input ends here; if not, a cut-off sequence at the
///     end is reported as `incompleteTail` rather than as an error.
func checkUTF8(_ text: UnsafeRawBufferPointer, isFinal: Bool) -> UTF8Check {
  var result = UTF8Check()
  guard let base = text.baseAddress else { return result }
  let count = text.count
  var index = 0
  while index < count {
    while index + 8 <= count,
      base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
    {
      index += 8
    }
    guard index < count else { break }
    let lead = text[index]
    if lead < 0x80 {
      index += 1
      continue
    }
    let (length, low, high): (Int, UInt8, UInt8)
    switch lead {
    case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
    case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
    case 0xED: (length, low, high) = (3, 0x80, 0x9F)
    case 0xE1...0xEF: (length, low, high) = (3, 0x80, 0xBF)
    case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
    case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
    case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
    default:
      result.marks.append(EncodingMark(offset: index, bytes: [lead]))
      index += 1
      continue
    }
    // Count the continuation bytes that fit; the first has a narrower range.
    var valid = 1
    while valid < length, index + valid < count {
      let byte = text[index + valid]
      let (min, max) = valid == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
      guard byte >= min, byte <= max else { break }
      valid += 1
    }
    if valid == length {
      index += length
    } else if index + valid == count, !isFinal {
      result.incompleteTail = valid
      break
    } else {
      result.marks.append(EncodingMark(offset: index, bytes: Array(text[index..<(index + valid)])))
      index += valid
    }
  }
  return result
}

/// Appends the UTF-8 form of `scalar` at `out`, returning the number of bytes written (1-4).
@inline(__always)
func writeUTF8(_ scalar: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
  switch scalar {
  case 0..<0x80:
    out[0] = UInt8(scalar)
    return 1
  case 0x80..<0x800:
    out[0] = UInt8(0xC0 | (scalar >> 6))
    out[1] = UInt8(0x80 | (scalar & 0x3F))
    return 2
  case 0x800..<0x10000:
    out[0] = UInt8(0xE0 | (scalar >> 12))
    out[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
    out[2] = UInt8(0x80 | (scalar & 0x3F))
    return 3
  default:
    out[0] = UInt8(0xF0 | (scalar >> 18))
    out[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
    out[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
    out[3] = UInt8(0x80 | (scalar & 0x3F))
    return 4
  }
}

let replacementCharacter: UInt32 = 0xFFFD
