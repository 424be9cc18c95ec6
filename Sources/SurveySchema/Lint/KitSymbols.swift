/// The names an expression can refer to in a kit: the questions of every
/// instrument and the scales, with the rules of DESIGN.md §4.
///
/// In an instrument's own expressions (relevant, constraint, calculation) `${name}`
/// is a question of the same form, as in XLSForm. In the kit's sheets (indicators,
/// agreement) `${name}` is a question of any instrument or a scale, and must be
/// unique in the kit; `${form.name}` picks the question (or scale) of one form.
public struct KitSymbols: Sendable {
  /// What a reference stands for.
  public enum Target: Sendable, Hashable {
    /// A question (analysable, metadata, note or inside a repeat) of an instrument.
    case question(form: String, name: String)
    /// A scale of scales.csv.
    case scale(String)
  }

  private let kit: Kit
  /// name -> the forms having a question of that name, in kit order.
  private let formsByName: [String: [String]]
  private let formIDs: [String]

  /// Builds the table of a kit.
  public init(kit: Kit) {
    self.kit = kit
    var formsByName: [String: [String]] = [:]
    for instrument in kit.instruments {
      for question in Self.allQuestions(of: instrument)
      where formsByName[question.name]?.last != instrument.formID {
        formsByName[question.name, default: []].append(instrument.formID)
      }
    }
    self.formsByName = formsByName
    formIDs = kit.instruments.map(\.formID)
  }

  /// What `reference` stands for, seen from an instrument's own expressions
  /// (`form` = its form_id) or from the kit's sheets (`form` = `nil`).
  /// - Returns: the target, or the lookup failure (unknown, ambiguous, unknown form).
  public func resolve(_ reference: Reference, from form: String? = nil) -> Result<
    Target, LookupFailure
  > {
    if let form {
      return resolveLocal(reference, in: form)
    }
    if let written = reference.form {
      guard let instrument = kit.instrument(formID: written) else {
        // XLSForm names may contain '.': `${a.b}` may be the plain name `a.b`.
        if case .success(let target) = resolveGlobal(reference.text) { return .success(target) }
        return .failure(
          LookupFailure(.unknownForm(suggestion: Suggestion.closest(to: written, among: formIDs))))
      }
      if instrument.question(named: reference.name) != nil {
        return .success(.question(form: written, name: reference.name))
      }
      if let scale = kit.scale(named: reference.name), scale.form == written {
        return .success(.scale(scale.name))
      }
      let names =
        Self.allQuestions(of: instrument).map(\.name)
        + kit.scales.filter { $0.form == written }.map(\.name)
      return .failure(
        LookupFailure(.unknown(suggestion: Suggestion.closest(to: reference.name, among: names))))
    }
    return resolveGlobal(reference.name)
  }

  /// The static kind of what `reference` stands for, as the expression checks want it.
  public func lookup(_ reference: Reference, from form: String? = nil) -> SymbolLookup {
    switch resolve(reference, from: form) {
    case .success(let target): .found(kind(of: target))
    case .failure(let failure): failure.lookup
    }
  }

  /// The static kind of a target: numbers, text, dates, selects with their choices.
  public func kind(of target: Target) -> SymbolKind {
    switch target {
    case .scale: return .number
    case .question(let form, let name):
      guard let instrument = kit.instrument(formID: form),
        let question = instrument.question(named: name)
      else {
        return .unknown
      }
      return Self.kind(of: question, in: instrument)
    }
  }

  /// The static kind of a question's answers.
  public static func kind(of question: Question, in instrument: Instrument) -> SymbolKind {
    switch question.type {
    case .integer, .decimal: return .number
    case .text, .note, .datetime: return .text
    case .date: return .date
    case .calculate: return .unknown
    case .selectOne(let list):
      return instrument.choiceList(named: list).map { .selectOne(list: list, choices: $0.names) }
        ?? .unknown
    case .selectMultiple(let list, _):
      return instrument.choiceList(named: list).map {
        .selectMultiple(list: list, choices: $0.names)
      } ?? .unknown
    case .metadata(let kind):
      return kind == .today ? .date : .text
    }
  }

  private func resolveLocal(_ reference: Reference, in form: String) -> Result<
    Target, LookupFailure
  > {
    guard let instrument = kit.instrument(formID: form) else {
      return .failure(LookupFailure(.unknown(suggestion: nil)))
    }
    // Inside a form, `${a.b}` is first the plain name `a.b`, then `b` of form `a` when `a` is this form.
    if instrument.question(named: reference.text) != nil {
      return .success(.question(form: form, name: reference.text))
    }
    if reference.form == form, instrument.question(named: reference.name) != nil {
      return .success(.question(form: form, name: reference.name))
    }
    let names = Self.allQuestions(of: instrument).map(\.name)
    return .failure(
      LookupFailure(.unknown(suggestion: Suggestion.closest(to: reference.text, among: names))))
  }

  private func resolveGlobal(_ name: String) -> Result<Target, LookupFailure> {
    let forms = formsByName[name] ?? []
    let scale = kit.scale(named: name)
    if forms.count + (scale == nil ? 0 : 1) > 1 {
      return .failure(
        LookupFailure(.ambiguous(forms: forms + (scale.map { ["scales.csv (\($0.name))"] } ?? []))))
    }
    if let form = forms.first { return .success(.question(form: form, name: name)) }
    if let scale { return .success(.scale(scale.name)) }
    let names = formsByName.keys.sorted() + kit.scales.map(\.name)
    return .failure(LookupFailure(.unknown(suggestion: Suggestion.closest(to: name, among: names))))
  }

  private static func allQuestions(of instrument: Instrument) -> [Question] {
    instrument.questions + instrument.metadata + instrument.unanalysed
  }
}

/// Why a reference does not resolve (unknown name, ambiguous name, unknown form).
public struct LookupFailure: Error, Sendable, Hashable {
  /// The failure as the expression checks report it.
  public var lookup: SymbolLookup

  /// Creates a failure from a lookup result that is not `.found`.
  public init(_ lookup: SymbolLookup) {
    self.lookup = lookup
  }
}
