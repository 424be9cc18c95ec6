/// XPath 1.0 conversions of a ``Value``, as the evaluator applies them.
extension Value {
  /// XPath `string()`: numbers as XPath writes them (`2`, `0.5`, `NaN`), booleans as
  /// `true`/`false`, a select_multiple answer as its choice names joined by single spaces.
  public var stringValue: String {
    switch self {
    case .string(let s): s
    case .number(let x): XPathNumber.format(x)
    case .bool(let b): b ? "true" : "false"
    case .choices(let names): names.joined(separator: " ")
    }
  }

  /// XPath `number()`: text must be an optional `-` and decimal digits (spaces around
  /// allowed), otherwise NaN; `true` is 1 and `false` 0; the empty string is NaN.
  public var numberValue: Double {
    switch self {
    case .number(let x): x
    case .bool(let b): b ? 1 : 0
    case .string, .choices: XPathNumber.parse(stringValue)
    }
  }

  /// XPath `boolean()`: a number is true unless 0 or NaN; text is true unless empty;
  /// a select_multiple answer is true unless nothing was selected.
  public var booleanValue: Bool {
    switch self {
    case .bool(let b): b
    case .number(let x): x != 0 && !x.isNaN
    case .string(let s): !s.isEmpty
    case .choices(let names): !names.isEmpty
    }
  }

  /// The choice names a select answer holds: a select_multiple's names, or any other
  /// value's text split at spaces (so `selected()` also works on a select_one).
  public var selectedNames: [String] {
    switch self {
    case .choices(let names): names
    default:
      stringValue.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    }
  }

  /// Compares two values with `= != < <= > >=` as XPath 1.0 does for single values.
  ///
  /// `=` and `!=`: if either side is a boolean both are compared as booleans, else if
  /// either is a number both are compared as numbers (NaN equals nothing), else as
  /// text; `!=` is the negation of `=`. `< <= > >=`: if either side is a number or
  /// boolean, or both texts are numbers, the comparison is numeric (NaN makes it
  /// false). careeval extension: two non-empty texts that are not both numbers are
  /// compared character by character in Unicode order, so ISO dates
  /// (`'2024-03-01' < '2024-10-01'`) order correctly; XPath 1.0 would answer false.
  static func compare(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Bool {
    switch op {
    case .equal: return equals(a, b)
    case .notEqual: return !equals(a, b)
    default: break
    }
    let order: (Double, Double)
    if a.isNumeric || b.isNumeric {
      order = (a.numberValue, b.numberValue)
    } else {
      let (x, y) = (a.numberValue, b.numberValue)
      if !x.isNaN, !y.isNaN {
        order = (x, y)
      } else {
        let (s, t) = (a.stringValue, b.stringValue)
        guard !s.isEmpty, !t.isEmpty else { return false }
        let less = s.unicodeScalars.lexicographicallyPrecedes(t.unicodeScalars)
        let greater = t.unicodeScalars.lexicographicallyPrecedes(s.unicodeScalars)
        switch op {
        case .less: return less
        case .lessOrEqual: return !greater
        case .greater: return greater
        default: return !less
        }
      }
    }
    switch op {
    case .less: return order.0 < order.1
    case .lessOrEqual: return order.0 <= order.1
    case .greater: return order.0 > order.1
    default: return order.0 >= order.1
    }
  }

  private static func equals(_ a: Value, _ b: Value) -> Bool {
    if case .bool = a { return a.booleanValue == b.booleanValue }
    if case .bool = b { return a.booleanValue == b.booleanValue }
    if case .number = a { return a.numberValue == b.numberValue }
    if case .number = b { return a.numberValue == b.numberValue }
    return a.stringValue == b.stringValue
  }

  private var isNumeric: Bool {
    switch self {
    case .number, .bool: true
    case .string, .choices: false
    }
  }
}
