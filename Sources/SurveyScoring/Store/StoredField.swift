import SurveySchema

/// What a stored column holds: an analysable question of one instrument, or a scale.
enum FieldSource: Hashable, Sendable {
  /// A question: its form and its slot in `Instrument.questions` (and so in `Response.answers`).
  case question(form: String, slot: Int)
  /// A scale of the kit, by its index in `Kit.scales`.
  case scale(Int)
  /// One item of a scale as scored (reversed where the scale says so), kept for
  /// Cronbach's alpha: scale index and item index.
  case scaleItem(Int, Int)
}

/// Which store a field lives in: children (roster and the informant forms) or
/// volunteers (the volunteer register).
enum UnitKind: Sendable, Hashable {
  case child, volunteer

  init(_ unit: IndicatorUnit) {
    self = unit == .volunteer ? .volunteer : .child
  }

  /// The unit kind of an instrument's responses: volunteers for the volunteer
  /// register, children for every other form.
  init(_ instrument: Instrument) {
    self = instrument.respondent == .volunteer ? .volunteer : .child
  }

  var word: String {
    switch self {
    case .child: "child"
    case .volunteer: "volunteer"
    }
  }
}

/// A field the scoring store keeps, with where it is kept.
struct StoredField: Sendable {
  var source: FieldSource
  /// `form.name` for messages and column headers.
  var name: String
  var unit: UnitKind
  /// The column index in its unit store.
  var column: Int
}
