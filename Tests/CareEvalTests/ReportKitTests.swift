import Foundation
import SurveyReports
import SurveySchema
import SurveyScoring
import Testing

@testable import CareEval

/// The report's kit metadata built from the shipped kit (surveys/aixin): labels,
/// definitions in words, regions and breakdown labels. Expected texts are read off
/// the kit's sheets by hand.
@Suite struct ReportKitTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func kit() throws -> Kit {
    let loaded = Kit.load(from: root.appendingPathComponent("surveys/aixin").path)
    #expect(!loaded.hasErrors)
    return loaded.kit
  }

  @Test func indicatorsKeepKitOrderLabelsAndDirection() throws {
    let indicators = ReportInput.indicators(of: try Self.kit())
    let first = try #require(indicators.first)
    #expect(first.name == "coverage_paired")
    #expect(
      first.label
        == LocalizedPair(
          zh: "已结对儿童占比（全部应结对儿童，应结尽结）", en: "Share of eligible children paired (all categories)"))
    #expect(first.area == .coverage && first.kind == .proportion && first.direction == .higher)
    #expect(first.expression == "${roster.paired} = 'yes'")
    #expect(first.population == "count-selected(${roster.categories}) > 0")
    let loneliness = try #require(indicators.first { $0.name == "outcome_loneliness" })
    #expect(
      loneliness.kind == .mean && loneliness.direction == .lower && loneliness.population.isEmpty)
  }

  @Test func definitionsNameQuestionsAndChoicesByTheirLabels() throws {
    let indicators = ReportInput.indicators(of: try Self.kit())
    let weekly = try #require(indicators.first { $0.name == "routine_child_weekly" })
    // child/survey.csv contact_level; child/choices.csv freq,weekly; roster paired, yes_no,yes.
    #expect(
      weekly.description.zh
        == "在「是否已结对」为「是」的儿童中，「联系频率（没有爱心妈妈记为从来没有）」为「每个星期都有」的比例。相关回答缺失的儿童不计入。")
    #expect(
      weekly.description.en
        == "The share of children for whom “Contact frequency (“never” when the child has no caring mother)” is “Every week” among children for whom “Paired with a volunteer or organisation?” is “Yes”. Children with a missing answer are left out."
    )
    let paired = try #require(indicators.first { $0.name == "coverage_paired" })
    #expect(paired.description.zh.hasPrefix("在「儿童类别（可多选）」至少选了一项的儿童中，"))
    let wellbeing = try #require(indicators.first { $0.name == "outcome_wellbeing" })
    // scales.csv: wellbeing is labelled 近期心情（儿童自评）.
    #expect(wellbeing.description.zh == "在全部儿童中，「近期心情（儿童自评）」的平均值。相关回答缺失的儿童不计入。")
  }

  @Test func wordingBracketsNegationsAndKeepsUnparsableText() throws {
    let kit = try Self.kit()
    let zh = ReportWording(kit: kit, language: .zh)
    let en = ReportWording(kit: kit, language: .en)
    #expect(zh.words("not(${roster.paired} = 'yes')") == "并非（「是否已结对」为「是」）")
    #expect(en.words("${wellbeing} < 2.5") == "“Recent wellbeing (child self-report)” is below 2.5")
    #expect(
      en.words("selected(${child.activities_year}, 'festival')").hasSuffix(
        " includes “Celebrating a festival or my birthday together”"))
    #expect(zh.words("${a} = (") == "${a} = (")
  }

  @Test func regionsAreThoseEstimatedAndTheirAncestors() throws {
    let kit = try Self.kit()
    // 640104 兴庆区 (county of 640100 银川市, in 640000 宁夏), named in regions.csv
    // in Chinese only; 999999 is not in the tree and keeps the estimate's name.
    let rows = ["all", "640104", "999999"].map {
      Estimate(
        indicator: "x", regionCode: $0, regionName: $0 == "999999" ? "某县" : "", level: "county",
        n: 9,
        estimate: nil, se: nil, ciLow: nil, ciHigh: nil, df: nil, target: nil, status: .noTarget,
        pValue: nil, qValue: nil)
    }
    let regions = ReportInput.regions(of: kit, estimates: rows)
    #expect(regions.map(\.code) == ["640000", "640100", "640104", "999999"])
    #expect(regions[0].name == LocalizedPair(zh: "宁夏回族自治区", en: "Ningxia Hui Autonomous Region"))
    #expect(regions[0].level == "province" && regions[0].parent == nil)
    #expect(regions[2].name == LocalizedPair(zh: "兴庆区", en: "") && regions[2].parent == "640100")
    #expect(regions[3].name.zh == "某县" && regions[3].level == "county")
  }

  @Test func breakdownLabelsComeFromTheRegisterQuestionAndItsChoices() throws {
    let labels = ReportInput.groupLabels(of: try Self.kit(), by: "category")
    #expect(
      labels["category"]
        == LocalizedPair(zh: "儿童类别（可多选）", en: "Child categories (tick all that apply)"))
    #expect(labels["category=orphan"] == LocalizedPair(zh: "孤儿", en: "Orphan"))
    #expect(labels["category=left_behind"] == LocalizedPair(zh: "留守儿童", en: "Left-behind child"))
    #expect(labels.count == 7)
    #expect(ReportInput.groupLabels(of: try Self.kit(), by: nil).isEmpty)
  }

  @Test func instrumentTitlesSplitAtTheSlash() throws {
    let kit = try Self.kit()
    let child = try #require(kit.instrument(formID: "child"))
    #expect(ReportInput.title(of: child) == LocalizedPair(zh: "儿童问卷", en: "Child questionnaire"))
    let (name, version) = ReportInput.nameAndVersion(of: kit)
    #expect(name == "aixin" && version == "2026.1")
  }
}
