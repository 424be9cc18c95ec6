import SurveySchema

/// Resolves `${name}` and `${form.name}` references of a kit's expressions to stored
/// fields, adding a column for each field the first time it is referenced.
///
/// `${form.name}` names a question of that instrument (or a scale whose form it is);
/// `${name}` names a scale, or the one question of that name in the kit. A name used
/// by several instruments must be written with its form.
struct FieldResolver {
  let kit: Kit
  private(set) var fields: [StoredField] = []
  private var index: [FieldSource: Int] = [:]
  private(set) var columnCounts: [UnitKind: Int] = [.child: 0, .volunteer: 0]

  init(kit: Kit) {
    self.kit = kit
  }

  /// The stored field for a source, added when new.
  mutating func field(_ source: FieldSource) -> StoredField {
    if let known = index[source] { return fields[known] }
    let (name, unit): (String, UnitKind)
    switch source {
    case .question(let form, let slot):
      let instrument = kit.instrument(formID: form)
      name = "\(form).\(instrument?.questions[slot].name ?? "?")"
      unit = instrument.map { UnitKind($0) } ?? .child
    case .scale(let i):
      name = kit.scales[i].name
      unit = kit.instrument(formID: kit.scales[i].form).map { UnitKind($0) } ?? .child
    case .scaleItem(let i, let item):
      name = "\(kit.scales[i].name)[\(kit.scales[i].items[item])]"
      unit = kit.instrument(formID: kit.scales[i].form).map { UnitKind($0) } ?? .child
    }
    let column = columnCounts[unit, default: 0]
    columnCounts[unit] = column + 1
    let field = StoredField(source: source, name: name, unit: unit, column: column)
    index[source] = fields.count
    fields.append(field)
    return field
  }

  /// The field a reference names, for an expression evaluated over `unit`s.
  /// - Throws: `ExpressionError` at the reference's offset when the name is unknown,
  ///   ambiguous, not analysable, or belongs to the other kind of unit.
  mutating func resolve(_ reference: Reference, for unit: UnitKind) throws(ExpressionError) -> StoredField {
    let source = try source(of: reference)
    let field = field(source)
    guard field.unit == unit else {
      let message =
        unit == .child
        ? "\(reference) is a field of the volunteer register; an indicator counted over children cannot use it (a child may have several volunteers): make it a volunteer indicator, or record what you need in the child register"
        : "\(reference) is about a child, not a volunteer; an indicator counted over volunteers can only use fields of the volunteer register"
      throw ExpressionError(message, at: reference.offset)
    }
    return field
  }

  private func source(of reference: Reference) throws(ExpressionError) -> FieldSource {
    if let form = reference.form, let instrument = kit.instrument(formID: form) {
      if let slot = instrument.index(ofQuestion: reference.name) {
        return .question(form: form, slot: slot)
      }
      if let i = kit.scales.firstIndex(where: { $0.name == reference.name && $0.form == form }) {
        return .scale(i)
      }
      throw ExpressionError(notAnalysable(reference.name, in: [instrument]) ?? unknown(reference), at: reference.offset)
    }
    let name = reference.text
    if let i = kit.scales.firstIndex(where: { $0.name == name }) { return .scale(i) }
    let holders = kit.instruments.filter { $0.index(ofQuestion: name) != nil }
    if holders.count == 1, let instrument = holders.first, let slot = instrument.index(ofQuestion: name) {
      return .question(form: instrument.formID, slot: slot)
    }
    if holders.count > 1 {
      let forms = holders.map(\.formID)
      let example = forms.map { "${\($0).\(name)}" }.joined(separator: " or ")
      throw ExpressionError(
        "${\(name)} is a question of several forms (\(forms.joined(separator: ", "))); write \(example)",
        at: reference.offset)
    }
    if let form = reference.form, kit.instrument(formID: form) == nil, !kit.instruments.isEmpty {
      let known = kit.instruments.map(\.formID).joined(separator: ", ")
      throw ExpressionError("the kit has no form '\(form)' (forms: \(known))", at: reference.offset)
    }
    throw ExpressionError(notAnalysable(name, in: kit.instruments) ?? unknown(reference), at: reference.offset)
  }

  /// The message for a name that is metadata, a note or inside a repeat, if it is one.
  private func notAnalysable(_ name: String, in instruments: [Instrument]) -> String? {
    for instrument in instruments {
      if instrument.metadata.contains(where: { $0.name == name }) {
        return "'\(name)' in form \(instrument.formID) is device metadata, which indicators cannot use"
      }
      if let question = instrument.unanalysed.first(where: { $0.name == name }) {
        return question.isInRepeat
          ? "'\(name)' in form \(instrument.formID) is inside a repeat group, whose answers are not analysed"
          : "'\(name)' in form \(instrument.formID) is a note and holds no answer"
      }
    }
    return nil
  }

  private func unknown(_ reference: Reference) -> String {
    if let form = reference.form, kit.instrument(formID: form) != nil {
      return "form \(form) has no question or scale named '\(reference.name)'"
    }
    return "no question or scale is named '\(reference.text)'"
  }
}
