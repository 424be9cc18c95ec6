import SurveySchema

@testable import SurveyScoring

/// Builds small kits in code: a roster with region and optional design fields, one
/// informant form with a few questions, indicators, targets and a region tree.
struct TinyKit {
  var rosterQuestions: [(String, QuestionType)] = [("child_id", .text), ("region", .text)]
  var formQuestions: [(String, QuestionType)] = [("child_id", .text), ("y", .integer)]
  var choiceLists: [ChoiceList] = []
  var design: (weight: String?, strata: String?, psu: String?) = (nil, nil, nil)
  var indicators: [Indicator] = []
  var targets: [Target] = []
  var scales: [Scale] = []
  var agreements: [AgreementPair] = []
  var regions: [RegionNode] = []
  var volunteerQuestions: [(String, QuestionType)]? = nil

  static let here = SourceLocation(file: "indicators.csv", row: 2, column: 1)

  static func question(_ name: String, _ type: QuestionType) -> Question {
    Question(name: name, type: type, typeText: "\(type)", location: SourceLocation(file: "survey.csv", row: 2, column: 2))
  }

  static func indicator(
    _ name: String, _ value: String, population: String? = nil, kind: IndicatorKind = .proportion,
    unit: IndicatorUnit = .child, direction: Direction = .higher
  ) -> Indicator {
    Indicator(
      name: name, area: .outcome, unit: unit, kind: kind, value: ExpressionSource(text: value, location: here),
      population: population.map { ExpressionSource(text: $0, location: here) }, direction: direction,
      location: here)
  }

  var kit: Kit {
    var roster = Instrument(
      formID: "roster", respondent: .roster, subjectField: "child_id", regionField: "region",
      weightField: design.weight, strataField: design.strata, psuField: design.psu,
      questions: rosterQuestions.map { Self.question($0.0, $0.1) }, choiceLists: choiceLists, folder: "roster",
      location: SourceLocation(file: "roster/settings.csv", row: 2, column: 1))
    roster.title = "roster"
    let child = Instrument(
      formID: "child", respondent: .child, subjectField: "child_id",
      questions: formQuestions.map { Self.question($0.0, $0.1) }, choiceLists: choiceLists, folder: "child",
      location: SourceLocation(file: "child/settings.csv", row: 2, column: 1))
    var instruments = [child, roster]
    if let volunteerQuestions {
      instruments.append(
        Instrument(
          formID: "volunteer", respondent: .volunteer, subjectField: "volunteer_id", regionField: "vol_region",
          questions: volunteerQuestions.map { Self.question($0.0, $0.1) }, folder: "volunteer",
          location: SourceLocation(file: "volunteer/settings.csv", row: 2, column: 1)))
    }
    return Kit(
      root: "tiny", instruments: instruments, scales: scales, indicators: indicators, targets: targets,
      agreements: agreements, regions: regions.isEmpty ? RegionTree(isDerived: true) : RegionTree(nodes: regions))
  }

  /// A province 110000 with city 110100 and counties 110101, 110102, …
  static func regions(counties: Int) -> [RegionNode] {
    var nodes = [
      RegionNode(code: "110000", names: LocalizedText(["zh": "北京市"]), level: .province, parent: nil),
      RegionNode(code: "110100", names: LocalizedText(["zh": "市辖区"]), level: .city, parent: "110000"),
    ]
    for i in 1...counties {
      nodes.append(RegionNode(code: "1101\(String(format: "%02d", i))", level: .county, parent: "110100"))
    }
    return nodes
  }
}

/// Scores rows: (child id, region, extra roster cells, informant cells or nil).
func score(
  _ tiny: TinyKit, roster: [[String: String]], child: [[String: String]], volunteer: [[String: String]] = [],
  options: ScoringOptions = ScoringOptions()
) throws -> ScoringResult {
  let kit = tiny.kit
  var sink = try ScoringSink(kit: kit, options: options)
  try feed(&sink, kit: kit, [("volunteer", volunteer), ("roster", roster), ("child", child)].filter { !$0.1.isEmpty })
  return sink.finish()
}
