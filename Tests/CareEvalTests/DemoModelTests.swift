import Foundation
import SurveySchema
import Testing

@testable import CareEval

/// The pieces the generator and the truth share: item and scale distributions, the
/// county tables, allocation, dates, the planted classes.
@Suite struct DemoModelTests {
  @Test func itemCategoryProbabilitiesAreNormalDistributionDifferences() {
    // Expected values from scipy.stats.norm.cdf (Fixtures/demo_reference.py): P(y <= -1), P(-1 < y <= 0.5), P(y > 0.5)
    // for y = 0.3 + 0.8 e (sign +1) and y = -0.3 + 0.8 e (sign -1).
    let item = ItemModel(
      choices: ["a", "b", "c"], scored: [1, 2, 3], cutpoints: [-1, 0.5], sign: 1, noise: 0.8,
      blank: 0)
    let up = item.categoryProbabilities(latent: 0.3)
    for (got, want) in zip(up, [0.05208127941521953, 0.5466250462677041, 0.4012936743170763]) {
      #expect(abs(got - want) < 1e-12)
    }
    var reversed = item
    reversed.sign = -1
    let down = reversed.categoryProbabilities(latent: 0.3)
    for (got, want) in zip(down, [0.19078695285251068, 0.6505577932160322, 0.15865525393145707]) {
      #expect(abs(got - want) < 1e-12)
    }
  }

  @Test func itemDrawsFollowTheCategoryProbabilities() {
    let item = ItemModel(
      choices: ["a", "b", "c"], scored: [1, 2, 3], cutpoints: [-1, 0.5], sign: 1, noise: 0.8,
      blank: 0)
    var random = DemoRandom(seed: 11)
    var counts = [0, 0, 0]
    let n = 60_000
    for _ in 0..<n { counts[item.draw(latent: 0.3, random: &random)] += 1 }
    for (count, p) in zip(counts, item.categoryProbabilities(latent: 0.3)) {
      let share = Double(count) / Double(n)
      #expect(abs(share - p) < 4.5 * (p * (1 - p) / Double(n)).squareRoot())
    }
  }

  @Test func scaleDistributionMatchesEnumeratingEveryPatternOfAnswers() {
    // Three items of three categories, one reverse-scored, each left blank with
    // probability 0.1; a score needs two answered items. The test enumerates all 4^3
    // patterns (blank or a category per item) at every grid point, independently of the
    // dynamic programme in ScaleModel.
    let items = [
      ItemModel(
        choices: ["1", "2", "3"], scored: [1, 2, 3], cutpoints: [-0.8, 0.6], sign: 1, noise: 0.8,
        blank: 0.1),
      ItemModel(
        choices: ["1", "2", "3"], scored: [3, 2, 1], cutpoints: [-0.5, 0.4], sign: -1, noise: 0.9,
        blank: 0.1),
      ItemModel(
        choices: ["1", "2", "3"], scored: [1, 2, 3], cutpoints: [-1.2, 0.1], sign: 1, noise: 0.7,
        blank: 0.1),
    ]
    for isSum in [false, true] {
      let scale = ScaleModel(items: items, isSum: isSum, minValid: 2)
      let (missing, scores) = scale.distribution(mean: 0.25)
      var expectedMissing = 0.0
      var expected: [Double: Double] = [:]
      for (offset, weight) in zip(LatentGrid.offsets, LatentGrid.weights) {
        let probabilities = items.map { $0.categoryProbabilities(latent: 0.25 + offset) }
        for pattern in 0..<64 {
          var p = weight
          var sum = 0.0
          var answered = 0
          for index in 0..<3 {
            let choice = (pattern >> (2 * index)) & 3
            if choice == 3 {
              p *= items[index].blank
            } else {
              p *= (1 - items[index].blank) * probabilities[index][choice]
              sum += items[index].scored[choice]
              answered += 1
            }
          }
          if answered < 2 {
            expectedMissing += p
          } else {
            expected[isSum ? sum : sum / Double(answered), default: 0] += p
          }
        }
      }
      #expect(abs(missing - expectedMissing) < 1e-12)
      #expect(scores.map(\.score) == expected.keys.sorted())
      for (score, p) in scores { #expect(abs(p - (expected[score] ?? -1)) < 1e-12) }
      #expect(abs(missing + scores.reduce(0) { $0 + $1.probability } - 1) < 1e-12)
    }
  }

  @Test func latentGridIsANormalisedSymmetricGridWithUnitSpread() {
    let weights = LatentGrid.weights
    #expect(abs(weights.reduce(0, +) - 1) < 1e-15)
    #expect(zip(weights, weights.reversed()).allSatisfy { abs($0 - $1) < 1e-18 })
    let variance = zip(LatentGrid.offsets, weights).reduce(0) { $0 + $1.0 * $1.0 * $1.1 }
    #expect(abs(variance.squareRoot() - 1) < 0.001)
  }

  @Test func contactFrequenciesFormADistributionThatShiftsWithTheLocation() {
    let low = CountyModel.contactDistribution(location: -1)
    let high = CountyModel.contactDistribution(location: 2)
    for distribution in [low, high] {
      #expect(abs(distribution.reduce(0, +) - 1) < 1e-12)
      #expect(distribution.allSatisfy { $0 >= 0 })
    }
    // P(weekly) = logistic(location): 1/(1+e) at -1.
    #expect(abs(low[0] - 1 / (1 + exp(1.0))) < 1e-12)
    #expect(high[0] > low[0])
  }

  @Test func everyReportTableRowIsADistribution() {
    let tables = [
      CountyModel.knowsVolunteer, CountyModel.childReport, CountyModel.guardianReport,
      CountyModel.teacherKnows,
    ]
    for row in tables.joined() { #expect(abs(row.reduce(0, +) - 1) < 1e-12) }
  }

  @Test func coverageOfLeftBehindChildrenMixesTheirMainCategories() throws {
    // Shares 0.1 0.1 0.1 0.2 0.1 0.4; coverage 1 except 0.5 (other low-income) and 0.8
    // (left-behind); a quarter of the disabled/ill, low-income and disadvantaged children are
    // also left behind. By hand: left-behind = 0.4 + 0.25 * 0.4 = 0.5, of whom paired
    // 0.4 * 0.8 + 0.25 * (0.1 + 0.2 * 0.5 + 0.1) = 0.395, so 0.79.
    var random = DemoRandom(seed: 1)
    var parameters = CountyParameters.draw(province: "500000", random: &random)
    parameters.categoryShares = [0.1, 0.1, 0.1, 0.2, 0.1, 0.4]
    parameters.coverage = [1, 1, 1, 0.5, 1, 0.8]
    let kit = DemoTestSupport.kit
    let formulas = TruthFormulas(kit: kit, catalog: ItemCatalog(kit: kit))
    let value = try #require(
      formulas.parameter("coverage_left_behind", model: CountyModel(parameters)))
    #expect(abs(value - 0.79) < 1e-12)
    // All children: 0.1 + 0.1 + 0.1 + 0.2 * 0.5 + 0.1 + 0.4 * 0.8 = 0.82.
    let all = try #require(formulas.parameter("coverage_paired", model: CountyModel(parameters)))
    #expect(abs(all - 0.82) < 1e-12)
  }

  @Test func everyIndicatorOfTheDefaultKitHasAFormula() {
    let kit = DemoTestSupport.kit
    let formulas = TruthFormulas(kit: kit, catalog: ItemCatalog(kit: kit))
    let missing = kit.indicators.map(\.name).filter { !formulas.covered.contains($0) }
    #expect(missing == [], "indicators whose definition no longer matches the demo model")
  }

  @Test func plantedClassesFollowTheDocumentedCutOffs() {
    #expect(PlantedClass.of(0.86, target: 0.8, direction: .higher) == .above)
    #expect(PlantedClass.of(0.81, target: 0.8, direction: .higher) == .near)
    #expect(PlantedClass.of(0.70, target: 0.8, direction: .higher) == .near)
    #expect(PlantedClass.of(0.60, target: 0.8, direction: .higher) == .below)
    #expect(PlantedClass.of(1, target: 1, direction: .higher) == .above)
    #expect(PlantedClass.of(0.97, target: 1, direction: .higher) == .near)
    #expect(PlantedClass.of(0.85, target: 1, direction: .higher) == .below)
    #expect(PlantedClass.of(0.1, target: 0.3, direction: .lower) == .above)
  }

  @Test func plantingPutsATargetedIndicatorWhereItsClassSays() {
    let kit = DemoTestSupport.kit
    let formulas = TruthFormulas(kit: kit, catalog: ItemCatalog(kit: kit))
    let planting = DemoPlanting(kit: kit, formulas: formulas)
    var below = 0
    var total = 0
    for county in 0..<60 {
      var random = DemoRandom(seed: 5, stream: [UInt64(county)])
      let base = CountyParameters.draw(province: "510000", random: &random)
      let planted = planting.plant(base, county: "510104", random: &random)
      let model = CountyModel(planted)
      for knob in DemoPlanting.knobs where kit.target(for: knob.indicator, in: "510104") != nil {
        guard let value = formulas.parameter(knob.indicator, model: model) else { continue }
        total += 1
        // The highest value this knob can give, given the rest of the county (informants'
        // noise, unpaired children) caps what "above" can reach.
        var best = planted
        knob.set(&best, knob.range.upperBound)
        let ceiling = formulas.parameter(knob.indicator, model: CountyModel(best)) ?? 1
        // Every planted value is clearly below (0.4-0.5), near (0.77-0.82) or above
        // (0.86-0.92), each within what the knob can reach.
        let above = value >= min(0.855, ceiling - 0.0051)
        let near = (0.765...0.825).contains(value) || (value >= ceiling - 0.0051 && value >= 0.7)
        #expect((0.395...0.505).contains(value) || near || above, "\(knob.indicator) \(value)")
        if value < 0.6 { below += 1 }
      }
    }
    #expect(total > 500)
    #expect(below > 0 && Double(below) / Double(total) < 0.15)
  }

  @Test func largestRemainderAllocationAddsUpAndFavoursTheLargestRemainders() {
    #expect(DemoPopulation.allocate(10, weights: [1, 1, 1]) == [4, 3, 3])
    #expect(DemoPopulation.allocate(7, weights: [0.5, 0.25, 0.25]) == [3, 2, 2])
    #expect(DemoPopulation.allocate(0, weights: [1, 2]) == [0, 0])
    var random = DemoRandom(seed: 2)
    let villages = DemoPopulation.villages(children: 101, random: &random)
    #expect(villages.reduce(0, +) == 101)
    #expect(villages.allSatisfy { $0 >= 1 })
  }

  @Test func calendarDaysAndTimesAreComputedWithoutTheLocalTimeZone() {
    #expect(DemoDates.dayNumber(1970, 1, 1) == 0)
    #expect(DemoDates.dayNumber(2000, 3, 1) == 11_017)
    #expect(DemoDates.day(DemoDates.dayNumber(2024, 2, 29)) == "2024-02-29")
    #expect(DemoDates.day(DemoDates.dayNumber(2024, 2, 29) + 1) == "2024-03-01")
    let moment = DemoDates.Moment(seconds: DemoDates.dayNumber(2026, 4, 12) * 86_400 + 9 * 3600 + 5)
    #expect(moment.isoLocal == "2026-04-12T09:00:05.000+08:00")
    #expect(moment.koboUTC == "2026-04-12T01:00:05")
    #expect(moment.odkUTC == "2026-04-12T01:00:05.000Z")
    #expect(moment.wjx == "2026/4/12 9:00:05")
    let early = DemoDates.Moment(seconds: DemoDates.dayNumber(2026, 4, 12) * 86_400 + 3 * 3600)
    #expect(early.odkUTC == "2026-04-11T19:00:00.000Z")
  }

  @Test func scaleScoresReverseItemsAndNeedTheMinimumOfAnsweredItems() throws {
    // wellbeing: seven 1-5 items, wb_worried and wb_sad reversed (6 - x), mean, min_valid 6.
    let kit = DemoTestSupport.kit
    let child = try #require(kit.instrument(formID: "child"))
    let scale = try #require(kit.scale(named: "wellbeing"))
    let scorer = ScaleScorer(scale: scale, form: 0, instrument: child)
    var answers = [Answer](repeating: .notAsked, count: child.questions.count)
    let values = [
      "wb_happy": "4", "wb_energy": "5", "wb_sleep": "3", "wb_can_do": "4", "wb_calm": "2",
      "wb_worried": "1",
    ]
    for (name, value) in values {
      answers[try #require(child.index(ofQuestion: name))] = .value(.string(value))
    }
    // Six answered: 4 + 5 + 3 + 4 + 2 + (6 - 1) = 23, mean 23/6.
    #expect(scorer.score(answers) == .value(.number(23.0 / 6)))
    answers[try #require(child.index(ofQuestion: "wb_calm"))] = .blank
    #expect(scorer.score(answers) == .blank)
  }
}
