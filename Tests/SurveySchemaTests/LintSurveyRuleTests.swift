import Testing

@testable import SurveySchema

/// One test per lint rule of the instrument sheets (survey, choices, settings),
/// each on the minimal kit with one problem added; messages are asserted in full.
@Suite struct LintSurveyRuleTests {
  /// Lints the minimal kit with `overrides` and returns the errors and warnings.
  private func problems(_ overrides: [String: String]) throws -> [String] {
    let kit = try TemporaryKit(minimalKit(overrides))
    defer { kit.remove() }
    return kit.problems()
  }

  @Test func minimalKitHasNoProblems() throws {
    #expect(try problems([:]) == [])
  }

  @Test func duplicateQuestionNameIsAnError() throws {
    let survey = "type,name,label\ntext,child_id,Id\ninteger,age,Age\n\ninteger,age,Age again\n"
    #expect(
      try problems(["child/survey.csv": survey, "child/choices.csv": ""]) == [
        "child/survey.csv:5:2: error: duplicate name 'age' (first used in row 3)"
      ])
  }

  @Test func duplicateColumnHeaderIsReportedAsPyxformDoes() throws {
    let survey = "type,name,label,label\ntext,child_id,Id,Id\n"
    #expect(
      try problems(["child/survey.csv": survey]) == [
        "child/survey.csv:1:4: error: Duplicate column header: label"
      ])
  }

  @Test func twoAliasesOfOneColumnAreADuplicate() throws {
    let survey = "type,name,label,relevance,bind:relevant\ntext,child_id,Id,,\n"
    #expect(
      try problems(["child/survey.csv": survey]) == [
        "child/survey.csv:1:5: error: Duplicate column header: relevant ('relevance' and 'bind:relevant' are names for the same column)"
      ])
  }

  @Test func unknownTypeListsTheKnownTypes() throws {
    let survey = "type,name,label\ntext,child_id,Id\nintegr,age,Age\n"
    #expect(
      try problems(["child/survey.csv": survey]) == [
        "child/survey.csv:3:1: error: unknown question type 'integr' (did you mean 'integer'?); known types: integer, decimal, range, text, select_one LIST, select_multiple LIST, rank LIST, date, datetime, time, calculate, note, acknowledge, hidden, begin group, end group, begin repeat, end repeat, geopoint, geotrace, geoshape, image, audio, video, file, barcode, start, end, today, deviceid, subscriberid, simserial, phonenumber, username, email, audit"
      ])
  }

  @Test func selectWithoutListNameIsAnError() throws {
    let survey = "type,name,label\ntext,child_id,Id\nselect_one,contact,How often?\n"
    #expect(
      try problems(["child/survey.csv": survey]) == [
        "child/survey.csv:3:1: error: 'select_one' needs a choice list name: write 'select_one LIST'"
      ])
  }

  @Test func missingChoiceListSuggestsACloseName() throws {
    let survey = "type,name,label\ntext,child_id,Id\nselect_one freqq,contact,How often?\n"
    #expect(
      try problems(["child/survey.csv": survey]) == [
        "child/survey.csv:3:1: error: missing choice list 'freqq' for 'contact': no rows with that list_name in child/choices.csv; did you mean 'freq'?"
      ])
  }

  @Test func duplicateChoiceIsAnError() throws {
    let choices =
      "list_name,name,label\nfreq,weekly,Weekly\nfreq,monthly,Monthly\nfreq,weekly,Every week\n"
    #expect(
      try problems(["child/choices.csv": choices]) == [
        "child/choices.csv:4:2: error: duplicate choice 'weekly' in list freq (first in row 2)"
      ])
  }

  @Test func duplicateChoicesAreAllowedWhenSettingsSaySo() throws {
    let choices = "list_name,name,label\nfreq,weekly,Weekly\nfreq,weekly,Every week\n"
    let settings = "form_id,respondent,subject,allow_choice_duplicates\nchild,child,child_id,yes\n"
    #expect(try problems(["child/choices.csv": choices, "child/settings.csv": settings]) == [])
  }

  @Test func choiceValueMustBeANumber() throws {
    let choices = "list_name,name,label,value\nfreq,weekly,Weekly,2\nfreq,monthly,Monthly,one\n"
    #expect(
      try problems(["child/choices.csv": choices]) == [
        "child/choices.csv:3:4: error: choice value 'one' is not a number"
      ])
  }

  @Test func selectMultipleChoiceNamesMustNotContainSpaces() throws {
    let survey = "type,name,label\ntext,child_id,Id\nselect_multiple help,help,Help received\n"
    let choices = "list_name,name,label\nhelp,school fees,School fees\nhelp,food,Food\n"
    #expect(
      try problems(["child/survey.csv": survey, "child/choices.csv": choices]) == [
        "child/choices.csv:2:2: error: choice 'school fees' of list help contains a space; select_multiple answers are space-separated, so its names must not"
      ])
  }

  @Test func calculateWithoutCalculationIsAnError() throws {
    let survey = "type,name,label,calculation\ntext,child_id,Id,\ncalculate,total,Total,\n"
    #expect(
      try problems(["child/survey.csv": survey]) == [
        "child/survey.csv:3:4: error: Missing calculation: calculate 'total' has an empty calculation column"
      ])
  }

  @Test func invalidNameIsAnError() throws {
    let survey = "type,name,label\ntext,child_id,Id\ninteger,2nd age,Age\n"
    #expect(
      try problems(["child/survey.csv": survey]) == [
        "child/survey.csv:3:2: error: invalid name '2nd age': a name starts with a letter or '_' and has only letters, digits, '-', '_' and '.'"
      ])
  }

  @Test func rowWithoutTypeIsAnError() throws {
    let survey = "type,name,label\ntext,child_id,Id\n,age,Age\n"
    #expect(
      try problems(["child/survey.csv": survey]) == [
        "child/survey.csv:3:1: error: question 'age' has no type"
      ])
  }

  @Test func unclosedGroupIsAnError() throws {
    let survey = "type,name,label\ntext,child_id,Id\nbegin group,home,Home\ninteger,age,Age\n"
    #expect(
      try problems(["child/survey.csv": survey]) == [
        "child/survey.csv:3:1: error: group 'home' is not closed: add an 'end group' row"
      ])
  }

  @Test func endWithoutBeginIsAnError() throws {
    let survey = "type,name,label\ntext,child_id,Id\nend group,,\n"
    #expect(
      try problems(["child/survey.csv": survey]) == [
        "child/survey.csv:3:1: error: 'end group' without a matching 'begin group'"
      ])
  }

  @Test func repeatLoadsWithAWarning() throws {
    let survey =
      "type,name,label\ntext,child_id,Id\nbegin repeat,sibling,Siblings\ninteger,sibling_age,Age\nend repeat,,\n"
    #expect(
      try problems(["child/survey.csv": survey]) == [
        "child/survey.csv:3:1: warning: repeat 'sibling' and the 1 question inside it are not analysed: platforms export repeats as separate files"
      ])
  }

  @Test func mediaAndGeoLoadAsTextWithANote() throws {
    let kit = try TemporaryKit(
      minimalKit(["child/survey.csv": "type,name,label\ntext,child_id,Id\ngeopoint,home,Home\n"]))
    defer { kit.remove() }
    #expect(
      kit.lint() == ["child/survey.csv:3:1: note: 'home' (geopoint): geo answers are kept as text"])
    #expect(kit.load().kit.instrument(formID: "child")?.question(named: "home")?.type == .text)
  }

  @Test func unknownColumnIsIgnoredWithANote() throws {
    let kit = try TemporaryKit(
      minimalKit(["child/survey.csv": "type,name,label,my notes\ntext,child_id,Id,x\n"]))
    defer { kit.remove() }
    #expect(
      kit.lint() == [
        "child/survey.csv:1:4: note: column 'my notes' is not a known XLSForm survey column; careeval ignores it"
      ])
  }

  @Test func invalidPrivacyIsAnError() throws {
    let survey = "type,name,label,privacy\ntext,child_id,Id,secret\n"
    #expect(
      try problems(["child/survey.csv": survey]) == [
        "child/survey.csv:2:4: error: privacy 'secret' is not identifier or sensitive"
      ])
  }

  @Test func settingsWithoutFormIDIsAnErrorInAKit() throws {
    let settings = "form_title,respondent,subject\nChild,child,child_id\n"
    #expect(
      try problems(["child/settings.csv": settings]) == [
        "child/settings.csv:2:1: error: settings has no form_id; the form is called 'child' after its folder"
      ])
  }

  @Test func invalidRespondentIsAnError() throws {
    let settings = "form_id,respondent,subject\nchild,kid,child_id\n"
    #expect(
      try problems(["child/settings.csv": settings]) == [
        "child/settings.csv:2:1: error: settings has no respondent; a kit instrument needs one of roster, volunteer, child, guardian, teacher",
        "child/settings.csv:2:2: error: respondent 'kid' is not one of roster, volunteer, child, guardian, teacher",
      ])
  }

  @Test func rosterWithoutRegionIsAnError() throws {
    let settings = "form_id,respondent,subject\nroster,roster,child_id\n"
    #expect(
      try problems(["roster/settings.csv": settings]) == [
        "roster/settings.csv:2:1: error: the roster needs a region setting: the field holding each child's region code"
      ])
  }

  @Test func rosterWithoutSubjectIsAnError() throws {
    let settings = "form_id,respondent,region\nroster,roster,county\n"
    #expect(
      try problems(["roster/settings.csv": settings]) == [
        "roster/settings.csv:2:1: error: the roster needs a subject setting: the field holding each child's id"
      ])
  }

  @Test func questionnaireWithoutSubjectIsAnError() throws {
    let settings = "form_id,respondent\nchild,child\n"
    #expect(
      try problems(["child/settings.csv": settings]) == [
        "child/settings.csv:2:1: error: respondent child needs a subject setting: the field holding the id of the child the response is about"
      ])
  }

  @Test func subjectMustBeAQuestionOfTheForm() throws {
    let settings = "form_id,respondent,subject\nchild,child,chld_id\n"
    #expect(
      try problems(["child/settings.csv": settings]) == [
        "child/settings.csv:2:3: error: settings subject 'chld_id' is not a question of form child; did you mean 'child_id'?"
      ])
  }

  @Test func twoInstrumentsWithTheSameRespondentAreAnError() throws {
    let overrides = [
      "child2/survey.csv": "type,name,label\ntext,child_id,Id\n",
      "child2/settings.csv": "form_id,respondent,subject\nchild_followup,child,child_id\n",
    ]
    #expect(
      try problems(overrides) == [
        "child2/settings.csv:2:1: error: form child_followup and form child both have respondent child; a kit has one instrument per respondent, so whose answers these are would be ambiguous"
      ])
  }

  @Test func duplicateFormIDIsAnError() throws {
    let overrides = [
      "guardian/survey.csv": "type,name,label\ntext,child_id,Id\n",
      "guardian/settings.csv": "form_id,respondent,subject\nchild,guardian,child_id\n",
    ]
    #expect(
      try problems(overrides) == [
        "guardian/settings.csv:2:1: error: duplicate form_id 'child' (also the form_id of child); form_ids must differ"
      ])
  }
}

/// What the loaded model says about groups.
@Suite struct InstrumentModelTests {
  @Test func relevanceCombinesEnclosingGroupsOutermostFirst() throws {
    let survey = """
      type,name,label,relevant
      text,child_id,Id,
      integer,age,Age,
      begin group,school,School,${age} >= 6
      begin group,grades,Grades,${age} >= 8
      integer,score,Score,${score_known} = 'yes'
      end group,,,
      end group,,,
      select_one yes_no,score_known,Known?,

      """
    let choices = "list_name,name,label\nyes_no,yes,Yes\nyes_no,no,No\n"
    let kit = try TemporaryKit(
      minimalKit(["child/survey.csv": survey, "child/choices.csv": choices]))
    defer { kit.remove() }
    let result = kit.load()
    #expect(result.diagnostics.isEmpty)
    let child = try #require(result.kit.instrument(formID: "child"))
    let score = try #require(child.question(named: "score"))
    #expect(score.path == ["school", "grades"])
    #expect(
      child.relevance(of: score).map(\.text) == [
        "${age} >= 6", "${age} >= 8", "${score_known} = 'yes'",
      ])
    #expect(child.relevance(of: score).map(\.location.row) == [4, 5, 6])
    #expect(child.relevance(of: try #require(child.question(named: "age"))).isEmpty)
  }
}
