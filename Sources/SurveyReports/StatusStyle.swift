import SurveyScoring

/// Status colours from the Okabe–Ito palette, safe for the common colour-vision
/// deficiencies; every status also has a symbol and a word, so colour is never
/// the only cue. Black text reads on every fill (contrast 5:1 or more).
enum StatusStyle {
  /// The fill colour, `#RRGGBB`.
  static func fill(_ status: ShortfallStatus) -> String {
    switch status {
    case .meets: "#009E73"  // bluish green
    case .possibleShortfall: "#F0E442"  // yellow
    case .shortfall: "#D55E00"  // vermillion
    case .indeterminate: "#56B4E9"  // sky blue
    case .noTarget: "#C8C8C8"  // grey
    case .suppressed: "#FFFFFF"  // white, hatched in charts
    }
  }

  /// The CSS class of a status cell.
  static func cssClass(_ status: ShortfallStatus) -> String {
    "st st-" + slug(status)
  }

  /// The status with `-` for `_`, as used in class names.
  static func slug(_ status: ShortfallStatus) -> String {
    String(status.rawValue.map { $0 == "_" ? "-" : $0 })
  }

  /// Statuses in the order legends list them, worst first.
  static let legendOrder: [ShortfallStatus] = [
    .shortfall, .possibleShortfall, .meets, .indeterminate, .noTarget, .suppressed,
  ]
}
