import SurveySchema

/// How the model answers one scale item: the ordered-probit item, and which choice names
/// stand for each of its categories (a quiz item scored by a `calculate` has several wrong
/// answers behind category 0).
struct ItemSpec: Sendable {
  /// The form and the question the respondent answers (for a quiz score, the quiz question).
  var form: String
  var question: String
  /// The scale (or `progress`) whose latent drives the answer.
  var latent: String
  var model: ItemModel
  var choicesByCategory: [[String]]
}

/// The scale items of a kit, keyed by `form.question`, and each scale's model.
///
/// Cut-points and noise come from `settings` for the scales the demo model knows (the
/// default kit's); other scales get evenly spaced cut-points and a latent mean of 0.
struct ItemCatalog: Sendable {
  private(set) var items: [String: ItemSpec] = [:]
  private(set) var scales: [String: ScaleModel] = [:]

  static let settings: [String: (cutpoints: [Double], noise: Double)] = [
    "wellbeing": ([-1.6, -0.6, 0.4, 1.4], 0.8),
    "loneliness": ([-1.6, -0.6, 0.4, 1.4], 0.8),
    "relationship": ([-1.2, -0.3, 0.6], 0.8),
    "child_satisfaction": ([-1.4, -0.5, 0.4], 0.8),
    "guardian_change": ([-2.0, -1.2, -0.1, 1.1], 0.8),
    "guardian_satisfaction": ([-1.6, -0.7, 0.6], 0.8),
    "adjustment": ([-1.5, -0.6, 0.5], 0.8),
  ]
  /// Difficulty of the five safety quiz items (a child answers right when her knowledge plus
  /// standard normal noise exceeds it).
  static let quizDifficulty = [-0.8, -0.3, -0.5, -1.2, -0.6]
  /// The teacher's `t_progress` item: cut-points of its five categories.
  static let progressCutpoints = [-1.8, -0.8, 0.5, 1.5]

  init(kit: Kit) {
    for scale in kit.scales {
      guard let instrument = kit.instrument(formID: scale.form) else { continue }
      var models: [ItemModel] = []
      for (position, name) in scale.items.enumerated() {
        guard let question = instrument.question(named: name),
          let spec = Self.spec(
            scale: scale, position: position, question: question, instrument: instrument)
        else { continue }
        items["\(spec.form).\(spec.question)"] = spec
        models.append(spec.model)
      }
      guard models.count == scale.items.count else { continue }
      scales[scale.name] = ScaleModel(
        items: models, isSum: scale.method == .sum, minValid: scale.minValid ?? models.count)
    }
    if let teacher = kit.instrument(formID: "teacher"),
      let question = teacher.question(named: "t_progress"),
      let list = teacher.choiceList(for: question),
      list.choices.count == Self.progressCutpoints.count + 1
    {
      let ordered = list.choices.sorted { ($0.numericValue ?? 0) < ($1.numericValue ?? 0) }
      let model = ItemModel(
        choices: ordered.map(\.name), scored: ordered.map { $0.numericValue ?? 0 },
        cutpoints: Self.progressCutpoints, sign: 1, noise: 0.8, blank: 0)
      items["teacher.t_progress"] = ItemSpec(
        form: "teacher", question: "t_progress", latent: "progress", model: model,
        choicesByCategory: ordered.map { [$0.name] })
    }
  }

  /// The item as the model answers it: a select_one item directly, a calculate item (a
  /// quiz score) through the select_one it scores.
  private static func spec(scale: Scale, position: Int, question: Question, instrument: Instrument)
    -> ItemSpec?
  {
    let sign: Double = scale.reverse.contains(question.name) ? -1 : 1
    let blank = question.required == .yes ? 0 : ModelConstants.itemBlank
    if case .selectOne = question.type, let list = instrument.choiceList(for: question) {
      let ordered = list.choices.compactMap { choice in
        choice.numericValue.map { (choice.name, $0) }
      }
      .sorted { $0.1 < $1.1 }
      guard ordered.count >= 2 else { return nil }
      let low = scale.itemMin ?? ordered[0].1
      let high = scale.itemMax ?? ordered[ordered.count - 1].1
      let scored = ordered.map { sign < 0 ? low + high - $0.1 : $0.1 }
      let model = ItemModel(
        choices: ordered.map(\.0), scored: scored,
        cutpoints: cutpoints(scale.name, count: ordered.count),
        sign: sign, noise: settings[scale.name]?.noise ?? 0.8, blank: blank)
      return ItemSpec(
        form: instrument.formID, question: question.name, latent: scale.name, model: model,
        choicesByCategory: ordered.map { [$0.0] })
    }
    guard question.type == .calculate, let quiz = scoredQuestion(question, in: instrument) else {
      return nil
    }
    let (source, byValue) = quiz
    let values = byValue.keys.sorted()
    guard values.count >= 2 else { return nil }
    let difficulty = position < quizDifficulty.count ? quizDifficulty[position] : 0
    let cuts = values.count == 2 ? [difficulty] : cutpoints(scale.name, count: values.count)
    let model = ItemModel(
      choices: values.map { String($0) }, scored: values, cutpoints: cuts, sign: sign, noise: 1,
      blank: 0)
    return ItemSpec(
      form: instrument.formID, question: source, latent: scale.name, model: model,
      choicesByCategory: values.map { byValue[$0] ?? [] })
  }

  /// For a `calculate` scoring one select_one question (`if(${q} = 'b', 1, 0)`): that
  /// question and its choice names grouped by the score the calculation gives them.
  private static func scoredQuestion(_ question: Question, in instrument: Instrument) -> (
    String, [Double: [String]]
  )? {
    guard let calculation = question.calculation,
      let parsed = try? ExpressionParser.parse(calculation.text)
    else { return nil }
    let names = Set(parsed.references.map(\.name))
    guard names.count == 1, let name = names.first, let source = instrument.question(named: name),
      case .selectOne = source.type, let list = instrument.choiceList(for: source),
      let bound = try? parsed.bind({ _ throws(ExpressionError) in 0 })
    else { return nil }
    var byValue: [Double: [String]] = [:]
    for choice in list.choices {
      let context = AnswerContext(answers: [.value(.string(choice.name))], today: "2026-05-15")
      guard let value = bound.evaluate(semantics: .xlsform, in: context)?.numberValue,
        value.isFinite
      else {
        return nil
      }
      byValue[value, default: []].append(choice.name)
    }
    return (name, byValue)
  }

  /// The model's cut-points for a scale, or evenly spaced ones for a scale it does not know.
  private static func cutpoints(_ scale: String, count: Int) -> [Double] {
    if let known = settings[scale], known.cutpoints.count == count - 1 { return known.cutpoints }
    return (0..<(count - 1)).map { (Double($0) - Double(count - 2) / 2) * 0.9 }
  }

  /// The spec for an item question, if it is one.
  func spec(form: String, question: String) -> ItemSpec? { items["\(form).\(question)"] }
}
