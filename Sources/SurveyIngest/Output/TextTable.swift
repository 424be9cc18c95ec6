/// Plain-text table layout that accounts for wide (CJK) characters, which take
/// two columns in a terminal.
enum TextTable {
  /// The number of terminal columns `text` takes.
  static func width(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { total, scalar in
      let v = scalar.value
      if v < 0x20 || (0x300...0x36F).contains(v) || v == 0x200B { return total }
      let wide =
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v)
        || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
        || (0xFF00...0xFF60).contains(v)
        || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v)
        || (0x20000...0x3FFFD).contains(v)
      return total + (wide ? 2 : 1)
    }
  }

  /// Rows rendered with columns padded to their widest cell; `rightAligned` columns
  /// (numbers) are padded on the left. Cells are separated by two spaces.
  static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
    let count = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: count)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], width(cell)) }
    }
    var text = ""
    for row in rows {
      var line = ""
      for (index, cell) in row.enumerated() {
        let padding = String(repeating: " ", count: widths[index] - width(cell))
        if index > 0 { line += "  " }
        line +=
          rightAligned.contains(index)
          ? padding + cell : cell + (index + 1 < row.count ? padding : "")
      }
      text += line + "\n"
    }
    return text
  }

  /// A share as a percentage with one decimal: `12.5%`.
  static func percent(_ share: Double) -> String {
    let tenths = (share * 1000).rounded()
    let whole = Int(tenths) / 10
    let fraction = Int(tenths) % 10
    return "\(whole).\(fraction)%"
  }
}
