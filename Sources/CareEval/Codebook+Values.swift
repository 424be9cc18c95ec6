import SurveySchema

/// One entry of a codebook `values` cell: `code=中文|English`.
///
/// Entries are joined by `; `. A label keeps its text except for the three
/// characters that structure the cell: `;` and `|` become their full-width forms
/// (`；`, `｜`) and line ends become spaces, so a reader can split the cell on `; `,
/// each entry at its first `=`, and the label at its `|`.
struct ValueLabel: Hashable {
  var code: String
  var zh: String
  var en: String

  init(code: String, zh: String, en: String) {
    self.code = code
    self.zh = zh
    self.en = en
  }

  /// An entry from localised labels; each language falls back to the others.
  init(code: String, labels: LocalizedText) {
    self.init(code: code, zh: labels.text(for: "zh") ?? "", en: labels.text(for: "en") ?? "")
  }

  var text: String { "\(code)=\(Self.clean(zh))|\(Self.clean(en))" }

  static func joined(_ entries: [ValueLabel]) -> String {
    entries.map(\.text).joined(separator: "; ")
  }

  private static func clean(_ label: String) -> String {
    var out = ""
    for character in label {
      switch character {
      case ";": out.append("；")
      case "|": out.append("｜")
      case "\n", "\r", "\r\n": out.append(" ")
      default: out.append(character)
      }
    }
    return out
  }
}

/// The lowest and highest score a scale can take, from its item range and method.
///
/// The item range is scales.csv's item_min and item_max when both are given,
/// else each item's lowest and highest numeric choice value (select_one items).
/// A mean lies within the items' range; a sum of the valid items lies between the
/// sum of the `min_valid` smallest item minima and the sum of all item maxima
/// (when no item can be negative). `nil` when an item's range is unknown.
struct ScoreRange: Hashable {
  var low: Double
  var high: Double

  init?(scale: Scale, kit: Kit) {
    guard let instrument = kit.instrument(formID: scale.form), !scale.items.isEmpty else {
      return nil
    }
    var ranges: [(low: Double, high: Double)] = []
    for name in scale.items {
      if let low = scale.itemMin, let high = scale.itemMax {
        ranges.append((low, high))
        continue
      }
      guard let question = instrument.question(named: name), case .selectOne = question.type,
        let list = instrument.choiceList(for: question)
      else { return nil }
      let values = list.choices.compactMap(\.numericValue)
      guard let low = values.min(), let high = values.max() else { return nil }
      ranges.append((low, high))
    }
    let lows = ranges.map(\.low)
    let highs = ranges.map(\.high)
    switch scale.method {
    case .mean:
      guard let low = lows.min(), let high = highs.max() else { return nil }
      self.low = low
      self.high = high
    case .sum:
      guard lows.allSatisfy({ $0 >= 0 }) else { return nil }
      let minValid = max(1, min(scale.minValid ?? ranges.count, ranges.count))
      self.low = lows.sorted().prefix(minValid).reduce(0, +)
      self.high = highs.reduce(0, +)
    }
  }

  /// `[low, high]`, whole numbers without a decimal point.
  var text: String { "[\(Self.format(low)), \(Self.format(high))]" }

  /// A number as a person writes it: `3`, `2.5`.
  static func format(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return "\(x)"
  }
}
