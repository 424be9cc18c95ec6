import Foundation
import Testing

@testable import SurveySchema

/// `careeval lint` on public XLSForms (pyxform's and KoboCAT's test forms, see
/// Fixtures/xlsforms/LICENCE.md): every form pyxform 4.5.0 accepts lints without
/// errors (warnings allowed); each form it rejects gives the matching diagnostic.
@Suite struct RealFormTests {
  /// The forms and whether pyxform accepted them, from their meta.json.
  static let forms = [
    "kobocat__transportation", "pyxform__calculate_without_calculation",
    "pyxform__case_insensitivity",
    "pyxform__choice_filter_test", "pyxform__duplicate_columns", "pyxform__tutorial",
    "pyxform__widgets",
  ]

  private struct Meta {
    var accepted: Bool
    var error: String?
  }

  private func meta(_ form: String) throws -> Meta {
    let data = try Data(contentsOf: URL(fileURLWithPath: fixturePath("xlsforms/\(form)/meta.json")))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let check = try #require(json["pyxform_check"] as? [String: Any])
    let original = try #require(check["original"] as? [String: Any])
    return Meta(
      accepted: try #require(original["accepted"] as? Bool), error: original["error"] as? String)
  }

  @Test(arguments: forms) func acceptedFormsLintWithoutErrors(_ form: String) throws {
    guard try meta(form).accepted else { return }
    let result = KitLint.lint(try fixturePath("xlsforms/\(form)"))
    #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
    #expect(LintReport(diagnostics: result.diagnostics).exitStatus(strict: false) == 0)
    #expect(result.kit.instruments.count == 1)
  }

  @Test func everyFormIsCovered() throws {
    let folder = try fixturePath("xlsforms")
    let found = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.contains("__")
    }.sorted()
    #expect(found == Self.forms)
  }

  @Test func calculateWithoutCalculationIsRejectedAtTheRowPyxformNames() throws {
    let form = "pyxform__calculate_without_calculation"
    #expect(try meta(form).error == "[row : 34] Missing calculation.")
    let result = KitLint.lint(try fixturePath("xlsforms/\(form)"))
    let errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
    #expect(
      errors == [
        "survey.csv:34:1: error: Missing calculation: calculate 'calculate_test' has an empty calculation column"
      ])
    #expect(LintReport(diagnostics: result.diagnostics).exitStatus(strict: false) == 1)
  }

  @Test func duplicateColumnsAreRejectedWithPyxformsMessage() throws {
    let form = "pyxform__duplicate_columns"
    let expected = try #require(try meta(form).error)
    #expect(expected == "Duplicate column header: label")
    let result = KitLint.lint(try fixturePath("xlsforms/\(form)"))
    let errors = result.diagnostics.filter { $0.severity == .error }
    // The second `label` is the fifth column of survey.csv's header.
    #expect(errors.map(\.description) == ["survey.csv:1:5: error: \(expected)"])
  }

  @Test func transportationFormUsesLegacySpellings() throws {
    let kit = KitLint.lint(try fixturePath("xlsforms/kobocat__transportation")).kit
    let form = try #require(kit.instruments.first)
    #expect(form.formID == "transportation_2011_07_25")  // settings id_string
    let available = try #require(
      form.question(named: "available_transportation_types_to_referral_facility"))
    #expect(available.type == .selectMultiple(list: "transport_types", orOther: true))
    #expect(available.path == ["transport"])
    let frequency = try #require(form.question(named: "frequency_to_referral_facility"))
    #expect(frequency.isInRepeat)
    #expect(
      frequency.relevant?.text
        == "selected(${available_transportation_types_to_referral_facility}, '%(name)s')")
    #expect(form.groups.map(\.loopList) == [nil, "transport_types"])
    // Blank rows keep the numbering: the choice after the blank row 11 is row 12.
    #expect(form.choiceList(named: "available_daily_weekly")?.choices.first?.location.row == 12)
  }

  @Test func caseInsensitiveHeadersAndLanguages() throws {
    let kit = KitLint.lint(try fixturePath("xlsforms/pyxform__case_insensitivity")).kit
    let form = try #require(kit.instruments.first)
    #expect(form.formID == "YesNo")
    #expect(form.defaultLanguage == "en")
    #expect(form.question(named: "q1")?.labels["en"] == "Are you good?")
    #expect(form.choiceList(named: "c1")?.choices.map(\.name) == ["n1-c", "n2-c"])
  }

  @Test func tutorialFormAliasesAndRepeat() throws {
    let result = KitLint.lint(try fixturePath("xlsforms/pyxform__tutorial"))
    let form = try #require(result.kit.instruments.first)
    #expect(form.questions.isEmpty)  // everything is inside the repeat `member`
    let months = try #require(form.question(named: "age_in_months"))
    #expect(months.relevant?.text == "${older_than_five}='no'")  // bind:relevant
    #expect(months.constraint?.text == ". <= 72")  // bind:constraint
    #expect(form.question(named: "sex")?.type == .selectOne(list: "sexes"))  // select one from
    #expect(
      result.diagnostics.filter { $0.severity != .note }.map(\.description) == [
        "settings.csv:1:1: warning: there is no settings.csv, so no form_id; the form is called 'pyxform__tutorial' after its folder",
        "survey.csv:2:2: warning: repeat 'member' and the 10 questions inside it are not analysed: platforms export repeats as separate files",
      ])
  }

  @Test func widgetsFormTypes() throws {
    let form = try #require(
      KitLint.lint(try fixturePath("xlsforms/pyxform__widgets")).kit.instruments.first)
    #expect(form.question(named: "my_string")?.type == .text)
    #expect(form.question(named: "my_int")?.type == .integer)
    #expect(form.question(named: "dateTime")?.type == .datetime)
    // The bind:jr:constraintMsg column.
    #expect(form.question(named: "my_int")?.constraintMessage[""] == "number must be less than 10")
    #expect(
      form.question(named: "happy_sad_brian2")?.type
        == .selectMultiple(list: "happy_sad", orOther: false))
    #expect(form.question(named: "my_geopoint")?.type == .text)
  }
}
