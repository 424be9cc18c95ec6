import Foundation
import Testing

@testable import SurveySchema

/// The two hand-made kits: `goodkit` (small, complete, valid; also the example of
/// docs/kit-format.md) and `badkit` (one instance of every lint rule).
@Suite struct KitFixtureTests {
  @Test func goodKitLintsClean() throws {
    let result = KitLint.lint(try fixturePath("goodkit"))
    #expect(result.diagnostics.map(\.description) == [])
  }

  @Test func goodKitModel() throws {
    let kit = KitLint.lint(try fixturePath("goodkit")).kit
    #expect(kit.instruments.map(\.formID) == ["child", "guardian", "roster", "volunteer"])
    let roster = try #require(kit.roster)
    #expect(roster.subjectField == "child_id")
    #expect(roster.regionField == "county")
    #expect(roster.weightField == "weight")
    #expect(roster.psuField == "school")
    #expect(roster.strataField == nil)
    #expect(roster.defaultLanguage == "zh")
    #expect(roster.title == "儿童花名册")
    #expect(roster.version == "2024010101")
    #expect(roster.question(named: "child_id")?.privacy == .identifier)
    #expect(roster.question(named: "child_id")?.required == .yes)
    #expect(
      roster.question(named: "categories")?.type
        == .selectMultiple(list: "category", orOther: false))

    let child = try #require(kit.instrument(formID: "child"))
    // Analysable questions in form order; `start` is metadata; the group is not a question.
    #expect(
      child.questions.map(\.name) == [
        "child_id", "contact", "wb_happy", "wb_calm", "wb_worried", "age", "teen",
      ])
    #expect(child.metadata.map(\.name) == ["start"])
    #expect(child.index(ofQuestion: "age") == 5)
    #expect(child.question(named: "wb_calm")?.path == ["feelings"])
    #expect(child.question(named: "wb_calm")?.qualifiedName == "feelings/wb_calm")
    #expect(
      child.question(named: "wb_calm")?.location
        == SourceLocation(file: "child/survey.csv", row: 7, column: 2))
    #expect(
      child.question(named: "contact")?.labels.text(for: "en")
        == "How often does your caring mother contact you?")
    #expect(child.question(named: "contact")?.labels.text(for: "zh") == "爱心妈妈多久联系你一次？")
    #expect(child.question(named: "age")?.constraint?.text == ". >= 6 and . <= 18")
    #expect(
      child.question(named: "age")?.constraint?.location
        == SourceLocation(file: "child/survey.csv", row: 10, column: 6))
    #expect(child.question(named: "teen")?.calculation?.text == "if(${age} >= 12, 1, 0)")
    #expect(child.groups.map(\.name) == ["feelings"])
    #expect(child.submittedAtField == "start")
    let often = try #require(child.choiceList(named: "often"))
    #expect(often.choices.map(\.numericValue) == [0, 1, 2])
    #expect(often.choice(named: "sometimes")?.labels.text(for: "zh") == "有时")

    let volunteer = try #require(kit.instrument(formID: "volunteer"))
    #expect(volunteer.regionField == "county")
    #expect(
      volunteer.question(named: "training_hours")?.constraintMessage.text(for: "en")
        == "Between 0 and 500 hours")

    let scale = try #require(kit.scale(named: "wellbeing"))
    #expect(scale.items == ["wb_happy", "wb_calm", "wb_worried"])
    #expect(scale.reverse == ["wb_worried"])
    #expect(scale.method == .mean)
    #expect(scale.minValid == 2)
    #expect(scale.itemMin == nil && scale.itemMax == nil)
    #expect(scale.bands == [0.5, 1.5])
    #expect(scale.labels.text(for: "en") == "Recent wellbeing")

    #expect(
      kit.indicators.map(\.name) == ["paired", "weekly_contact", "wellbeing_mean", "trained"])
    let trained = try #require(kit.indicator(named: "trained"))
    #expect(trained.unit == .volunteer && trained.kind == .proportion && trained.area == .capacity)
    #expect(kit.indicator(named: "wellbeing_mean")?.population?.text == "${age} >= 8")
    #expect(kit.indicator(named: "paired")?.population == nil)

    #expect(kit.targets.count == 4)
    #expect(kit.target(for: "weekly_contact", in: "500101")?.target == 0.9)
    #expect(kit.target(for: "weekly_contact", in: "330103")?.target == 0.8)
    #expect(kit.agreements.map(\.name) == ["contact_agree"])
    #expect(kit.agreements.first?.right.text == "${guardian.g_contact}")

    #expect(kit.regions.count == 7)
    #expect(kit.regions.resolve("330103") == "330105")
    #expect(kit.regions.node("500101")?.names.text(for: "en") == "Wanzhou")
  }

  @Test func badKitGivesEveryDiagnosticInOrder() throws {
    // badkit.expected was written rule by rule from the fixture's files: each line names
    // the cell (row = spreadsheet row, header = 1) and, for expressions, the character.
    let expected = try String(contentsOfFile: fixturePath("badkit.expected"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    let result = KitLint.lint(try fixturePath("badkit"))
    #expect(result.diagnostics.map(\.description) == expected)
    let report = LintReport(diagnostics: result.diagnostics)
    #expect(report.summary == "34 errors, 1 warning, 2 notes")
    #expect(report.exitStatus(strict: false) == 1)
  }

  @Test func symbolTableResolvesNamesAcrossTheKit() throws {
    let kit = KitLint.lint(try fixturePath("goodkit")).kit
    let symbols = KitSymbols(kit: kit)
    func ref(_ form: String?, _ name: String) -> Reference {
      Reference(form: form, name: name, offset: 1)
    }
    #expect(
      try symbols.resolve(ref(nil, "paired")).get() == .question(form: "roster", name: "paired"))
    #expect(try symbols.resolve(ref(nil, "wellbeing")).get() == .scale("wellbeing"))
    #expect(try symbols.resolve(ref("child", "wellbeing")).get() == .scale("wellbeing"))
    #expect(
      symbols.lookup(ref(nil, "child_id")) == .ambiguous(forms: ["child", "guardian", "roster"]))
    #expect(symbols.lookup(ref(nil, "contactt")) == .unknown(suggestion: "contact"))
    #expect(symbols.lookup(ref("chld", "contact")) == .unknownForm(suggestion: "child"))
    #expect(
      symbols.lookup(ref(nil, "contact"))
        == .found(.selectOne(list: "freq", choices: ["weekly", "monthly", "never"])))
    #expect(symbols.lookup(ref(nil, "age")) == .found(.number))
    #expect(symbols.lookup(ref(nil, "teen")) == .found(.unknown))
    // Inside a form, names are the form's own: the guardian form has no `contact`.
    #expect(
      symbols.lookup(ref(nil, "contact"), from: "guardian") == .unknown(suggestion: "g_contact"))
    #expect(symbols.lookup(ref(nil, "child_id"), from: "guardian") == .found(.text))
  }
}
