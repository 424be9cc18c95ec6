import SurveyReports
import SurveySchema

/// Puts a kit expression into words for readers of the report: each `${question}`
/// becomes its label, each choice code compared with a select question becomes the
/// choice's label, and the operators become words (`且`/`and`, `不低于`/`at least`).
///
/// `${child.contact_level} = 'weekly'` reads `「联系频率」为「每周」` in Chinese and
/// `“Contact frequency” is “Weekly”` in English. Text that does not parse is
/// returned as written, so a reader always sees what the indicator counts.
struct ReportWording {
  let kit: Kit
  let language: ReportLanguage

  /// The expression in words, or `text` itself when it does not parse.
  func words(_ text: String) -> String {
    guard let expression = try? ExpressionParser.parse(text) else { return text }
    return words(expression, context: 0)
  }

  private var zh: Bool { language == .zh }

  /// Words for a node; `context` is the precedence of the enclosing operator, so a
  /// looser sub-expression is bracketed.
  private func words(_ node: Expression, context: Int) -> String {
    switch node {
    case .number(let x, _): return Self.number(x)
    case .string(let s, _): return quoted(s)
    case .reference(let reference): return quoted(label(of: reference))
    case .currentValue: return zh ? "本题答案" : "the answer"
    case .negate(let inner, _): return "−" + words(inner, context: 7)
    case .binary(let op, let left, let right, _):
      let text = binary(op, left, right)
      return op.precedence < context ? bracket(text) : text
    case .call(let name, let arguments, _): return call(name, arguments)
    }
  }

  private func binary(_ op: BinaryOperator, _ left: Expression, _ right: Expression) -> String {
    if let ticked = anyTicked(op, left, right) { return ticked }
    let inner = op.precedence + (op.isComparison ? 1 : 0)
    let choiceSide = choiceQuestion(left) ?? choiceQuestion(right)
    func side(_ node: Expression) -> String {
      if case .string(let code, _) = node, let question = choiceSide {
        return quoted(choiceLabel(code, of: question))
      }
      return words(node, context: inner)
    }
    let a = side(left)
    let b = side(right)
    switch op {
    case .or: return a + (zh ? "，或" : " or ") + b
    case .and: return a + (zh ? "，且" : " and ") + b
    case .equal: return zh ? a + "为" + b : a + " is " + b
    case .notEqual: return zh ? a + "不为" + b : a + " is not " + b
    case .less: return zh ? a + "低于 " + b : a + " is below " + b
    case .lessOrEqual: return zh ? a + "不高于 " + b : a + " is at most " + b
    case .greater: return zh ? a + "高于 " + b : a + " is above " + b
    case .greaterOrEqual: return zh ? a + "不低于 " + b : a + " is at least " + b
    case .plus, .minus, .times:
      return a + " " + (op == .times ? "×" : op == .minus ? "−" : "+") + " " + b
    case .divide: return a + " ÷ " + b
    case .modulo: return a + " mod " + b
    }
  }

  /// `count-selected(${q}) > 0` (or `>= 1`): at least one option ticked.
  private func anyTicked(_ op: BinaryOperator, _ left: Expression, _ right: Expression) -> String? {
    guard case .call("count-selected", let arguments, _) = left, arguments.count == 1,
      case .number(let bound, _) = right,
      (op == .greater && bound == 0) || (op == .greaterOrEqual && bound == 1)
    else { return nil }
    let field = words(arguments[0], context: 7)
    return zh ? field + "至少选了一项" : "at least one option is ticked in " + field
  }

  private func call(_ name: String, _ arguments: [Expression]) -> String {
    let first = arguments.first.map { words($0, context: 7) } ?? ""
    switch (name, arguments.count) {
    case ("not", 1):
      let inner = words(arguments[0], context: 0)
      return zh ? "并非" + bracket(inner) : "not " + bracket(inner)
    case ("selected", 2):
      let choice: String
      if case .string(let code, _) = arguments[1], let question = choiceQuestion(arguments[0]) {
        choice = quoted(choiceLabel(code, of: question))
      } else {
        choice = words(arguments[1], context: 7)
      }
      return zh ? first + "中选了" + choice : first + " includes " + choice
    case ("count-selected", 1):
      return zh ? first + "所选项数" : "the number of options ticked in " + first
    case ("coalesce", 2):
      let fallback = words(arguments[1], context: 7)
      return zh ? first + "（未答时取 " + fallback + "）" : first + " (" + fallback + " when blank)"
    default:
      let list = arguments.map { words($0, context: 0) }.joined(separator: ", ")
      return name + "(" + list + ")"
    }
  }

  // MARK: - Labels

  private func bracket(_ text: String) -> String { zh ? "（" + text + "）" : "(" + text + ")" }

  private func quoted(_ text: String) -> String { zh ? "「" + text + "」" : "“" + text + "”" }

  /// The question or scale a reference names, with its instrument.
  private func resolve(_ reference: Reference) -> (Instrument, Question)? {
    if let form = reference.form, let instrument = kit.instrument(formID: form),
      let question = instrument.question(named: reference.name)
    {
      return (instrument, question)
    }
    let name = reference.form == nil ? reference.name : reference.text
    for instrument in kit.instruments {
      if let question = instrument.question(named: name) { return (instrument, question) }
    }
    return nil
  }

  private func label(of reference: Reference) -> String {
    let code = language.rawValue
    if let (instrument, question) = resolve(reference) {
      return question.labels.text(for: code, fallback: instrument.defaultLanguage) ?? question.name
    }
    let name = reference.form == nil ? reference.name : reference.text
    if let scale = kit.scale(named: reference.name) ?? kit.scale(named: name) {
      return scale.labels.text(for: code) ?? scale.name
    }
    return reference.text
  }

  /// The referenced question when `node` is a reference to a question whose answers
  /// are choice codes (a select, or a calculation over one).
  private func choiceQuestion(_ node: Expression) -> (Instrument, Question)? {
    guard case .reference(let reference) = node, let hit = resolve(reference) else { return nil }
    switch hit.1.type {
    case .selectOne, .selectMultiple, .calculate: return hit
    default: return nil
    }
  }

  /// The label of choice `code`: from the question's own list, else from the first
  /// list of its instrument that has that choice (a calculation that copies a
  /// select's codes); the code itself when no list has it.
  private func choiceLabel(_ code: String, of hit: (Instrument, Question)) -> String {
    let (instrument, question) = hit
    let lists =
      (instrument.choiceList(for: question).map { [$0] } ?? []) + instrument.choiceLists
    for list in lists {
      if let choice = list.choice(named: code) {
        return choice.labels.text(for: language.rawValue, fallback: instrument.defaultLanguage)
          ?? code
      }
    }
    return code
  }

  /// A number as written in a kit: `3`, `2.5`.
  static func number(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }
}
