/// RFC 4180 quoting, shared by the writer and the reader's error texts.
enum CSVQuoting {
  /// Whether a field must be enclosed in quotes: it holds the delimiter, a
  /// quote, a CR or an LF.
  static func needsQuotes(_ field: UnsafeRawBufferPointer, delimiter: UInt8) -> Bool {
    for byte in field where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D {
      return true
    }
    return false
  }

  /// Appends `field`, quoted when needed, with inner quotes doubled.
  static func append(_ field: UnsafeRawBufferPointer, delimiter: UInt8, to out: inout [UInt8]) {
    guard needsQuotes(field, delimiter: delimiter) else {
      out.append(contentsOf: field)
      return
    }
    out.append(0x22)
    for byte in field {
      out.append(byte)
      if byte == 0x22 { out.append(0x22) }
    }
    out.append(0x22)
  }
}
