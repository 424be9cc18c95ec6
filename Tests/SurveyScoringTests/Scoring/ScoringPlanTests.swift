import SurveySchema
import Testing

@testable import SurveyScoring

/// Binding a kit's expressions to the store: what resolves, what is refused and how
/// the refusal reads.
@Suite struct ScoringPlanTests {
  func problems(_ indicators: [Indicator], by: String? = nil, volunteer: Bool = false) -> ScoringError? {
    var tiny = TinyKit()
    tiny.indicators = indicators
    if volunteer { tiny.volunteerQuestions = [("volunteer_id", .text), ("vol_region", .text), ("trainings", .integer)] }
    do {
      _ = try ScoringSink(kit: tiny.kit, options: ScoringOptions(by: by))
      return nil
    } catch {
      return error
    }
  }

  @Test func unknownNamesAreLocatedAtTheReference() {
    let error = problems([TinyKit.indicator("x", "${child.yy} = 1")])
    #expect(error?.description == "indicators.csv:2:1:1: error: form child has no question or scale named 'yy'")
    let unknownForm = problems([TinyKit.indicator("x", "1 = ${kid.y}")])
    #expect(unknownForm?.description == "indicators.csv:2:1:5: error: the kit has no form 'kid' (forms: child, roster)")
  }

  @Test func aNameInSeveralFormsMustNameItsForm() {
    let error = problems([TinyKit.indicator("x", "${child_id} != ''")])
    #expect(
      error?.description
        == "indicators.csv:2:1:1: error: ${child_id} is a question of several forms (child, roster); write ${child.child_id} or ${roster.child_id}"
    )
  }

  @Test func childIndicatorsCannotUseVolunteerFields() {
    let error = problems([TinyKit.indicator("x", "${volunteer.trainings} > 0")], volunteer: true)
    #expect(error?.diagnostics.first?.message.hasPrefix("${volunteer.trainings} is a field of the volunteer register") == true)
    let fine = problems(
      [TinyKit.indicator("x", "${volunteer.trainings} > 0", unit: .volunteer)], volunteer: true)
    #expect(fine == nil)
    let reverse = problems([TinyKit.indicator("x", "${child.y} = 1", unit: .volunteer)], volunteer: true)
    #expect(reverse?.diagnostics.first?.message.hasPrefix("${child.y} is about a child, not a volunteer") == true)
  }

  @Test func everyProblemIsListedNotJustTheFirst() {
    let error = problems([
      TinyKit.indicator("a", "${child.nope} = 1"), TinyKit.indicator("b", "${child.y} = 1", population: "${q} = 2"),
    ])
    #expect(error?.diagnostics.count == 2)
  }

  @Test func unknownBreakdownIsAUsageError() {
    let error = problems([TinyKit.indicator("x", "${child.y} = 1")], by: "shoe_size")
    #expect(error?.isUsage == true)
    #expect(error?.diagnostics.first?.message == "--by shoe_size: the child register has no such field; use age_band or one of ")
  }
}
