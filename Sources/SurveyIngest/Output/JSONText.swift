/// A minimal JSON writer that keeps keys in the order written, so that the same
/// summary always gives the same bytes.
struct JSONText {
  private(set) var text = ""

  /// A JSON value in the order it is written.
  indirect enum Value {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case object([(String, Value)])
    case array([Value])
  }

  static func render(_ value: Value) -> String {
    var writer = JSONText()
    writer.write(value, depth: 0)
    writer.text += "\n"
    return writer.text
  }

  private mutating func write(_ value: Value, depth: Int) {
    let pad = String(repeating: "  ", count: depth + 1)
    let closePad = String(repeating: "  ", count: depth)
    switch value {
    case .string(let s): text += Self.quoted(s)
    case .int(let n): text += String(n)
    case .double(let x): text += x.isFinite ? Self.number(x) : "null"
    case .bool(let b): text += b ? "true" : "false"
    case .null: text += "null"
    case .object(let members):
      guard !members.isEmpty else {
        text += "{}"
        return
      }
      text += "{\n"
      for (index, (key, member)) in members.enumerated() {
        text += pad + Self.quoted(key) + ": "
        write(member, depth: depth + 1)
        text += index + 1 < members.count ? ",\n" : "\n"
      }
      text += closePad + "}"
    case .array(let items):
      guard !items.isEmpty else {
        text += "[]"
        return
      }
      text += "[\n"
      for (index, item) in items.enumerated() {
        text += pad
        write(item, depth: depth + 1)
        text += index + 1 < items.count ? ",\n" : "\n"
      }
      text += closePad + "]"
    }
  }

  /// A double as the shortest text that reads back the same; whole numbers without `.0`.
  static func number(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return "\(x)"
  }

  static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
