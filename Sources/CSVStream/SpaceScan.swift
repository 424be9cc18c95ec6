#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether a space (or a tab, unless tab is the delimiter) in `text` stands
/// next to the delimiter, a CR, an LF, a quote, or the start or end of `text`:
/// the only places where libcsv's default trimming of unquoted fields would
/// drop it (or accept a space around a quoted field).
func hasSpaceAtFieldEdge(_ text: UnsafePointer<UInt8>, count: Int, delimiter: UInt8) -> Bool {
  guard count > 0 else { return false }
  if isFieldSpace(text[0], delimiter) || isFieldSpace(text[count - 1], delimiter) { return true }
  func touchesEdge(_ index: Int) -> Bool {
    let before = text[index - 1]
    let after = text[index + 1]
    return isFieldEdge(before, delimiter) || isFieldEdge(after, delimiter)
  }
  for space: UInt8 in delimiter == 0x09 ? [0x20] : [0x20, 0x09] {
    var start = 1
    while start < count - 1, let hit = memchr(text + start, Int32(space), count - 1 - start) {
      let index = UnsafeRawPointer(hit) - UnsafeRawPointer(text)
      if touchesEdge(index) { return true }
      start = index + 1
    }
  }
  return false
}

@inline(__always)
private func isFieldSpace(_ byte: UInt8, _ delimiter: UInt8) -> Bool {
  byte == 0x20 || (byte == 0x09 && delimiter != 0x09)
}

@inline(__always)
private func isFieldEdge(_ byte: UInt8, _ delimiter: UInt8) -> Bool {
  byte == delimiter || byte == 0x0A || byte == 0x0D || byte == 0x22
}
