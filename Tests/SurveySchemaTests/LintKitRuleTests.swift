import Testing

@testable import SurveySchema

/// One test per lint rule of the kit sheets (scales, indicators, targets,
/// agreement, regions, aliases), each on the minimal kit plus one sheet.
@Suite struct LintKitRuleTests {
  private func problems(_ overrides: [String: String]) throws -> [String] {
    let kit = try TemporaryKit(minimalKit(overrides))
    defer { kit.remove() }
    return kit.problems()
  }

  /// A child form with three 0-2 items (choice values) and a text question.
  private let itemsForm = [
    "child/survey.csv":
      "type,name,label\ntext,child_id,Id\nselect_one freq,contact,How often?\nselect_one often,wb1,A\nselect_one often,wb2,B\nselect_one often,wb3,C\ntext,remark,Remark\n",
    "child/choices.csv":
      "list_name,name,label,value\nfreq,weekly,Weekly,\nfreq,monthly,Monthly,\nfreq,never,Never,\noften,never,Never,0\noften,sometimes,Sometimes,1\noften,often,Often,2\n",
  ]

  private func withItems(_ extra: [String: String]) -> [String: String] {
    itemsForm.merging(extra) { $1 }
  }

  @Test func validScaleHasNoProblems() throws {
    let scales =
      "name,form,items,reverse,method,min_valid\nwellbeing,child,wb1 wb2 wb3,wb3,mean,2\n"
    #expect(try problems(withItems(["scales.csv": scales])) == [])
  }

  @Test func scaleNamingAMissingItemIsAnError() throws {
    let scales = "name,form,items\nwellbeing,child,wb1 wb2 wb4\n"
    #expect(
      try problems(withItems(["scales.csv": scales])) == [
        "scales.csv:2:3: error: scale 'wellbeing': item 'wb4' is not a question of form child; did you mean 'wb1'?"
      ])
  }

  @Test func scaleWithATextItemIsAnError() throws {
    let scales = "name,form,items\nwellbeing,child,wb1 remark\n"
    #expect(
      try problems(withItems(["scales.csv": scales])) == [
        "scales.csv:2:3: error: scale 'wellbeing': item 'remark' is text, not a number; scale items are integer, decimal, calculate or select_one with numeric choices"
      ])
  }

  @Test func scaleItemWithNonNumericChoicesIsAnError() throws {
    let scales = "name,form,items\nwellbeing,child,wb1 contact\n"
    #expect(
      try problems(withItems(["scales.csv": scales])) == [
        "scales.csv:2:3: error: scale 'wellbeing': item 'contact' has choice 'weekly' (list freq) with no numeric value; add a value column to choices.csv"
      ])
  }

  @Test func reverseItemOutsideTheScaleIsAnError() throws {
    let scales = "name,form,items,reverse\nwellbeing,child,wb1 wb2,wb3\n"
    #expect(
      try problems(withItems(["scales.csv": scales])) == [
        "scales.csv:2:4: error: scale 'wellbeing' reverses 'wb3', which is not one of its items"
      ])
  }

  @Test func reversingWithoutARangeIsAnError() throws {
    let survey = "type,name,label\ntext,child_id,Id\ninteger,n1,A\ninteger,n2,B\n"
    let scales = "name,form,items,reverse\ncount,child,n1 n2,n2\n"
    #expect(
      try problems(["child/survey.csv": survey, "scales.csv": scales]) == [
        "scales.csv:2:4: error: scale 'count' reverses 'n2' but has no item_min and item_max, and 'n2' has no numeric choices to take them from"
      ])
  }

  @Test func minValidOutOfRangeIsAnError() throws {
    let scales = "name,form,items,min_valid\nwellbeing,child,wb1 wb2 wb3,4\n"
    #expect(
      try problems(withItems(["scales.csv": scales])) == [
        "scales.csv:2:4: error: min_valid 4 of scale 'wellbeing' is out of range: it has 3 items, so min_valid must be 1 to 3"
      ])
  }

  @Test func scaleMethodMustBeMeanOrSum() throws {
    let scales = "name,form,items,method\nwellbeing,child,wb1 wb2,average\n"
    #expect(
      try problems(withItems(["scales.csv": scales])) == [
        "scales.csv:2:4: error: method 'average' of scale 'wellbeing' is not one of mean, sum"
      ])
  }

  @Test func scaleOfAnUnknownFormIsAnError() throws {
    let scales = "name,form,items\nwellbeing,chld,wb1\n"
    #expect(
      try problems(withItems(["scales.csv": scales])) == [
        "scales.csv:2:2: error: scale 'wellbeing' names form 'chld', which is not in this kit; did you mean 'child'?"
      ])
  }

  @Test func duplicateScaleNameIsAnError() throws {
    let scales = "name,form,items\nwellbeing,child,wb1\nwellbeing,child,wb2\n"
    #expect(
      try problems(withItems(["scales.csv": scales])) == [
        "scales.csv:3:1: error: duplicate scale 'wellbeing' (first in row 2)"
      ])
  }

  @Test func indicatorWithABadUnitIsAnError() throws {
    let indicators = "name,area,unit,kind,value\nold_enough,outcome,family,mean,${age}\n"
    #expect(
      try problems(["indicators.csv": indicators]) == [
        "indicators.csv:2:3: error: unit 'family' of indicator 'old_enough' is not one of child, volunteer"
      ])
  }

  @Test func indicatorWithABadKindIsAnError() throws {
    let indicators = "name,area,unit,kind,value\nold_enough,outcome,child,share,${age}\n"
    #expect(
      try problems(["indicators.csv": indicators]) == [
        "indicators.csv:2:4: error: kind 'share' of indicator 'old_enough' is not one of proportion, mean"
      ])
  }

  @Test func indicatorWithABadAreaIsAnError() throws {
    let indicators = "name,area,unit,kind,value\nold_enough,health,child,mean,${age}\n"
    #expect(
      try problems(["indicators.csv": indicators]) == [
        "indicators.csv:2:2: error: area 'health' of indicator 'old_enough' is not one of coverage, routine, needs, outcome, consistency, capacity"
      ])
  }

  @Test func indicatorWithoutValueIsAnError() throws {
    let indicators = "name,area,unit,kind,value\nold_enough,outcome,child,mean,\n"
    #expect(
      try problems(["indicators.csv": indicators]) == [
        "indicators.csv:2:5: error: indicator 'old_enough' has no value expression"
      ])
  }

  private let contactIndicator =
    "name,area,unit,kind,value\nweekly,routine,child,proportion,${contact} = 'weekly'\n"

  @Test func targetForUnknownIndicatorIsAnError() throws {
    let targets = "indicator,region,target\nweekli,,0.8\n"
    #expect(
      try problems(["indicators.csv": contactIndicator, "targets.csv": targets]) == [
        "targets.csv:2:1: error: target for unknown indicator 'weekli'; did you mean 'weekly'?"
      ])
  }

  @Test func proportionTargetOutsideZeroToOneIsAnError() throws {
    let targets = "indicator,region,target\nweekly,,80\n"
    #expect(
      try problems(["indicators.csv": contactIndicator, "targets.csv": targets]) == [
        "targets.csv:2:3: error: target 80 for proportion indicator 'weekly' is outside [0, 1]; write a share such as 0.8, not a percentage"
      ])
  }

  @Test func targetForARegionOfTheWrongShapeIsAnError() throws {
    let targets = "indicator,region,target\nweekly,5001,0.8\n"
    #expect(
      try problems(["indicators.csv": contactIndicator, "targets.csv": targets]) == [
        "targets.csv:2:2: error: region code '5001' is not a 6-, 9- or 12-digit administrative code (PP0000 province, PPCC00 city, PPCCDD county)"
      ])
  }

  @Test func targetForARegionMissingFromRegionsIsAnError() throws {
    let regions = "code,name,level,parent\n500000,重庆市,province,\n"
    let targets = "indicator,region,target\nweekly,510000,0.8\n"
    #expect(
      try problems([
        "indicators.csv": contactIndicator, "targets.csv": targets, "regions.csv": regions,
      ]) == [
        "targets.csv:2:2: error: target for unknown region 510000: it is not in regions.csv"
      ])
  }

  @Test func targetNotANumberIsAnError() throws {
    let targets = "indicator,region,target\nweekly,,most\n"
    #expect(
      try problems(["indicators.csv": contactIndicator, "targets.csv": targets]) == [
        "targets.csv:2:3: error: target 'most' of indicator 'weekly' is not a number"
      ])
  }

  @Test func duplicateTargetIsAnError() throws {
    let targets = "indicator,region,target\nweekly,500000,0.8\nweekly,500000,0.9\n"
    #expect(
      try problems(["indicators.csv": contactIndicator, "targets.csv": targets]) == [
        "targets.csv:3:1: error: duplicate target for 'weekly' in region 500000 (first in row 2)"
      ])
  }

  @Test func agreementWithoutRightIsAnError() throws {
    let agreement = "name,left,right\ncontact,${contact},\n"
    #expect(
      try problems(["agreement.csv": agreement]) == [
        "agreement.csv:2:3: error: agreement pair 'contact' has no right expression"
      ])
  }

  @Test func regionCodeOfTheWrongShapeIsAnError() throws {
    let regions = "code,name,level,parent\n500000,重庆市,province,\n50010,市辖区,city,500000\n"
    #expect(
      try problems(["regions.csv": regions]) == [
        "regions.csv:3:1: error: region code '50010' is not a 6-, 9- or 12-digit administrative code (PP0000 province, PPCC00 city, PPCCDD county)"
      ])
  }

  @Test func regionWithAMissingParentIsAnError() throws {
    let regions = "code,name,level,parent\n500000,重庆市,province,\n500101,万州区,county,500100\n"
    #expect(
      try problems(["regions.csv": regions]) == [
        "regions.csv:3:4: error: parent 500100 of region 500101 is not in regions.csv"
      ])
  }

  @Test func regionWithoutParentWhoseImpliedParentIsMissingIsAnError() throws {
    let regions = "code,name\n510104,锦江区\n"
    #expect(
      try problems(["regions.csv": regions]) == [
        "regions.csv:2:1: error: region 510104 has no parent; its code implies 510100, which is not in regions.csv"
      ])
  }

  @Test func regionLevelMustBeKnown() throws {
    let regions = "code,name,level,parent\n500000,重庆市,municipality,\n"
    #expect(
      try problems(["regions.csv": regions]) == [
        "regions.csv:2:3: error: level 'municipality' of region 500000 is not one of province, city, county, township, village"
      ])
  }

  @Test func aliasToAnUnknownRegionIsAnError() throws {
    let regions = "code,name,level,parent\n330000,浙江省,province,\n330100,杭州市,city,330000\n"
    let aliases = "old_code,new_code\n330103,330105\n"
    #expect(
      try problems(["regions.csv": regions, "aliases.csv": aliases]) == [
        "aliases.csv:2:2: error: new code 330105 of alias 330103 is not in regions.csv"
      ])
  }
}
