import Testing

@testable import SurveySchema

/// Lint rules about expressions: each error names sheet, row, column and the
/// character inside the expression (offsets counted by hand from the cell text).
@Suite struct LintExpressionRuleTests {
  private func problems(_ overrides: [String: String]) throws -> [String] {
    let kit = try TemporaryKit(minimalKit(overrides))
    defer { kit.remove() }
    return kit.problems()
  }

  private let guardian = [
    "guardian/survey.csv":
      "type,name,label\ntext,child_id,Id\nselect_one freq,contact,How often?\n",
    "guardian/choices.csv": "list_name,name,label\nfreq,weekly,Weekly\nfreq,never,Never\n",
    "guardian/settings.csv": "form_id,respondent,subject\nguardian,guardian,child_id\n",
  ]

  @Test func unparsableRelevantPointsAtTheCharacter() throws {
    // `${age} > 3)`: the stray ')' is character 11.
    let survey =
      "type,name,label,relevant\ntext,child_id,Id,\ninteger,age,Age,\ninteger,siblings,Siblings,${age} > 3)\n"
    let found = try problems(["child/survey.csv": survey])
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("child/survey.csv:4:4:11: error: ") == true)
  }

  @Test func unknownNameSuggestsACloseName() throws {
    let survey =
      "type,name,label,relevant\ntext,child_id,Id,\ninteger,age,Age,\ninteger,siblings,Siblings,${agee} > 3\n"
    #expect(
      try problems(["child/survey.csv": survey]) == [
        "child/survey.csv:4:4:1: error: no question or scale named 'agee'; did you mean 'age'?"
      ])
  }

  @Test func formExpressionsSeeOnlyTheirOwnForm() throws {
    // The roster's `county` is not a question of the child form.
    let survey =
      "type,name,label,relevant\ntext,child_id,Id,\ninteger,age,Age,${county} = '500101'\n"
    #expect(
      try problems(["child/survey.csv": survey]) == [
        "child/survey.csv:3:4:1: error: no question or scale named 'county'"
      ])
  }

  @Test func currentValueOnlyInConstraints() throws {
    let survey =
      "type,name,label,relevant,constraint\ntext,child_id,Id,,\ninteger,age,Age,. > 3,. >= 6\n"
    #expect(
      try problems(["child/survey.csv": survey]) == [
        "child/survey.csv:3:4:1: error: '.' (this question's answer) can only be used in a constraint"
      ])
  }

  @Test func comparisonWithAChoiceNotInTheList() throws {
    // `${child.contact} = 'weekley'`: the literal starts at character 20.
    let indicators =
      "name,area,unit,kind,value\nweekly,routine,child,proportion,${child.contact} = 'weekley'\n"
    #expect(
      try problems(["indicators.csv": indicators]) == [
        "indicators.csv:2:5:20: error: no choice 'weekley' in list freq; did you mean 'weekly'?"
      ])
  }

  @Test func ambiguousNameAsksForTheForm() throws {
    let indicators =
      "name,area,unit,kind,value\nweekly,routine,child,proportion,${contact} = 'weekly'\n"
    #expect(
      try problems(guardian.merging(["indicators.csv": indicators]) { $1 }) == [
        "indicators.csv:2:5:1: error: 'contact' is in child and guardian; write ${child.contact}"
      ])
  }

  @Test func unknownFormSuggestsOne() throws {
    let indicators =
      "name,area,unit,kind,value\nweekly,routine,child,proportion,${chld.contact} = 'weekly'\n"
    #expect(
      try problems(["indicators.csv": indicators]) == [
        "indicators.csv:2:5:1: error: no form 'chld'; did you mean 'child'?"
      ])
  }

  @Test func proportionValueMustBeTrueOrFalse() throws {
    let indicators = "name,area,unit,kind,value\nolder,outcome,child,proportion,${age} + 1\n"
    #expect(
      try problems(["indicators.csv": indicators]) == [
        "indicators.csv:2:5:1: error: indicator 'older' is a proportion, so its value must be true/false, but it is a number; write a condition such as ${contact} = 'weekly'"
      ])
  }

  @Test func meanValueMustBeANumber() throws {
    let indicators = "name,area,unit,kind,value\ncontact_mean,routine,child,mean,${child.contact}\n"
    #expect(
      try problems(["indicators.csv": indicators]) == [
        "indicators.csv:2:5:1: error: indicator 'contact_mean' is a mean, so its value must be a number, but it is a select_one question"
      ])
  }

  @Test func populationMustBeTrueOrFalse() throws {
    let indicators =
      "name,area,unit,kind,value,population\nolder,outcome,child,mean,${age},${age}\n"
    #expect(
      try problems(["indicators.csv": indicators]) == [
        "indicators.csv:2:6:1: error: the population of indicator 'older' is a number, not true/false; write a condition such as ${age} >= 6"
      ])
  }

  @Test func indicatorUnitMustMatchItsForms() throws {
    let indicators = "name,area,unit,kind,value\nvolunteer_age,capacity,volunteer,mean,${age}\n"
    #expect(
      try problems(["indicators.csv": indicators]) == [
        "indicators.csv:2:5:1: error: indicator 'volunteer_age' counts volunteers (unit volunteer), but ${age} is from form child, answered about children"
      ])
  }

  @Test func agreementExpressionsAreChecked() throws {
    // `${child.contact} =` ends at character 18; the missing value is at 19.
    let agreement = "name,left,right\ncontact,${child.contact} =,${guardian.contact}\n"
    let found = try problems(guardian.merging(["agreement.csv": agreement]) { $1 })
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("agreement.csv:2:2:19: error: ") == true)
  }

  @Test func yesAndNoInRelevantAreConstants() throws {
    // pyxform's binding conversions: FALSE in a relevant cell is false().
    let survey = "type,name,label,relevant\ntext,child_id,Id,\ninteger,age,Age,FALSE\n"
    let kit = try TemporaryKit(minimalKit(["child/survey.csv": survey]))
    defer { kit.remove() }
    #expect(kit.problems() == [])
    #expect(
      kit.load().kit.instrument(formID: "child")?.question(named: "age")?.relevant?.text
        == "false()")
  }

  @Test func legacyLoopPlaceholdersStandForEachChoice() throws {
    let survey = """
      type,name,label,relevant
      text,child_id,Id,
      select_multiple help,help,Help,
      begin loop over help,per_help,,
      select_one freq,how_often,How often %(label)s?,"selected(${help}, '%(name)s')"
      end loop,,,

      """
    let choices = "list_name,name,label\nhelp,food,Food\nhelp,school,School\nfreq,weekly,Weekly\n"
    #expect(
      try problems(["child/survey.csv": survey, "child/choices.csv": choices]) == [
        "child/survey.csv:4:1: warning: loop 'per_help' and the 1 question inside it are not analysed: platforms export repeats as separate files"
      ])
  }
}
