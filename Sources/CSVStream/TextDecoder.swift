#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns raw input into UTF-8, chunk by chunk, for libcsv.
///
/// UTF-8 is checked in place (no copy). UTF-16 is transcoded here; GB18030
/// copies ASCII runs and hands the rest to the C library's `iconv`. A
/// character cut by a chunk boundary is kept back and decoded with the next
/// chunk. Bytes that are not valid are replaced by U+FFFD and listed in
/// ``marks`` so the reader can report them where they are.
final class TextDecoder {
  let encoding: TextEncoding
  private let chunkSize: Int
  private let input: UnsafeMutablePointer<UInt8>
  private let output: UnsafeMutablePointer<UInt8>
  private let outputCapacity: Int
  private var carryStart = 0
  private var carryCount = 0
  private var pendingHighSurrogate: UInt16?
  private var converter: iconv_t?
  private var finished = false
  /// The invalid places in the chunk last returned by ``next(from:)``.
  private(set) var marks: [EncodingMark] = []

  init(encoding: TextEncoding, chunkSize: Int, file: String) throws(CSVError) {
    self.encoding = encoding
    self.chunkSize = chunkSize
    input = .allocate(capacity: chunkSize + 8)
    switch encoding {
    case .utf8, .utf8BOM:
      outputCapacity = 0
    case .utf16LE, .utf16BE, .gb18030:
      outputCapacity = 3 * (chunkSize + 8) + 16
    }
    output = .allocate(capacity: max(outputCapacity, 1))
    if encoding == .gb18030 {
      let handle = iconv_open("UTF-8", "GB18030")
      if handle == iconv_t(bitPattern: -1) {
        let code = errno
        input.deallocate()
        output.deallocate()
        throw CSVError.io(file: file, "cannot decode GB18030 on this system (iconv)", errno: code)
      }
      converter = handle
    }
  }

  deinit {
    input.deallocate()
    output.deallocate()
    if let converter { iconv_close(converter) }
  }

  /// Reads and decodes the next chunk.
  /// - Returns: UTF-8 bytes, valid until the next call (possibly empty when a
  ///   chunk held only part of a character), or `nil` at the end of input.
  func next(from source: ByteSource) throws(CSVError) -> UnsafeBufferPointer<UInt8>? {
    if finished { return nil }
    marks.removeAll(keepingCapacity: true)
    if carryCount > 0, carryStart > 0 {
      memmove(input, input + carryStart, carryCount)
    }
    let got = try source.read(into: input + carryCount, maxCount: chunkSize)
    let count = carryCount + got
    let isFinal = got == 0
    carryStart = 0
    carryCount = 0
    if isFinal {
      finished = true
      if count == 0 && pendingHighSurrogate == nil { return nil }
    }
    switch encoding {
    case .utf8, .utf8BOM: return decodeUTF8(count: count, isFinal: isFinal)
    case .utf16LE, .utf16BE: return decodeUTF16(count: count, isFinal: isFinal)
    case .gb18030: return decodeGB18030(count: count, isFinal: isFinal)
    }
  }

  private func decodeUTF8(count: Int, isFinal: Bool) -> UnsafeBufferPointer<UInt8> {
    let check = checkUTF8(UnsafeRawBufferPointer(start: input, count: count), isFinal: isFinal)
    marks = check.marks
    carryStart = count - check.incompleteTail
    carryCount = check.incompleteTail
    return UnsafeBufferPointer(start: input, count: count - check.incompleteTail)
  }

  private func decodeUTF16(count: Int, isFinal: Bool) -> UnsafeBufferPointer<UInt8> {
    let littleEndian = encoding == .utf16LE
    var index = 0
    var written = 0
    func unitBytes(_ unit: UInt16) -> [UInt8] {
      littleEndian
        ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
    }
    func replace(_ bytes: [UInt8]) {
      marks.append(EncodingMark(offset: written, bytes: bytes))
      written += writeUTF8(replacementCharacter, to: output + written)
    }
    while index + 1 < count {
      let first = UInt16(input[index])
      let second = UInt16(input[index + 1])
      let unit = littleEndian ? first | second << 8 : first << 8 | second
      if let high = pendingHighSurrogate {
        pendingHighSurrogate = nil
        if (0xDC00...0xDFFF).contains(unit) {
          let scalar = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
          written += writeUTF8(scalar, to: output + written)
          index += 2
          continue
        }
        replace(unitBytes(high))
      }
      switch unit {
      case 0xD800...0xDBFF: pendingHighSurrogate = unit
      case 0xDC00...0xDFFF: replace(unitBytes(unit))
      default: written += writeUTF8(UInt32(unit), to: output + written)
      }
      index += 2
    }
    if index < count {
      if isFinal {
        replace([input[index]])
      } else {
        carryStart = index
        carryCount = count - index
      }
    }
    if isFinal, let high = pendingHighSurrogate {
      pendingHighSurrogate = nil
      replace(unitBytes(high))
    }
    return UnsafeBufferPointer(start: output, count: written)
  }

  private func decodeGB18030(count: Int, isFinal: Bool) -> UnsafeBufferPointer<UInt8> {
    var index = 0
    var written = 0
    while index < count {
      let asciiStart = index
      while index + 8 <= count,
        UnsafeRawPointer(input).loadUnaligned(fromByteOffset: index, as: UInt64.self)
          & 0x8080_8080_8080_8080 == 0
      {
        index += 8
      }
      while index < count, input[index] < 0x80 { index += 1 }
      if index > asciiStart {
        (output + written).update(from: input + asciiStart, count: index - asciiStart)
        written += index - asciiStart
      }
      guard index < count else { break }
      // A run of whole multi-byte characters: lead 81-FE, then a second byte
      // 30-39 (four-byte form) or anything else (two-byte form).
      let runStart = index
      var cutOff = false
      while index < count, input[index] >= 0x80 {
        let lead = input[index]
        if lead == 0x80 || lead == 0xFF {
          index += 1
          continue
        }
        guard index + 1 < count else {
          cutOff = true
          break
        }
        let length = (0x30...0x39).contains(input[index + 1]) ? 4 : 2
        guard index + length <= count else {
          cutOff = true
          break
        }
        index += length
      }
      written = convert(from: runStart, to: index, writtenSoFar: written)
      if cutOff {
        if isFinal {
          marks.append(
            EncodingMark(
              offset: written,
              bytes: Array(UnsafeBufferPointer(start: input + index, count: count - index))))
          written += writeUTF8(replacementCharacter, to: output + written)
        } else {
          carryStart = index
          carryCount = count - index
        }
        break
      }
    }
    return UnsafeBufferPointer(start: output, count: written)
  }

  /// Converts `input[start..<end]` with iconv, replacing what it rejects.
  private func convert(from start: Int, to end: Int, writtenSoFar: Int) -> Int {
    guard let converter, end > start else { return writtenSoFar }
    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(input + start)
      .assumingMemoryBound(to: CChar.self)
    var inLeft = end - start
    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output + writtenSoFar)
      .assumingMemoryBound(to: CChar.self)
    var outLeft = outputCapacity - writtenSoFar
    let outBase = UnsafeMutableRawPointer(output)
    while inLeft > 0 {
      let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
      guard result == -1, let bad = inPointer, let out = outPointer else { break }
      // EILSEQ or EINVAL: a byte that starts no valid character. Mark it and step over it.
      let offset = UnsafeMutableRawPointer(out) - outBase
      let shown = Array(UnsafeRawBufferPointer(start: bad, count: min(2, inLeft)))
      marks.append(EncodingMark(offset: offset, bytes: shown))
      let length = writeUTF8(replacementCharacter, to: output + offset)
      outPointer = out + length
      outLeft -= length
      inPointer = bad + 1
      inLeft -= 1
    }
    guard let out = outPointer else { return writtenSoFar }
    return UnsafeMutableRawPointer(out) - outBase
  }
}
