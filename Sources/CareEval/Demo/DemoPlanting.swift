import Foundation
import SurveySchema

/// Where a county's indicator was put relative to its target.
enum PlantedClass: String, Sendable {
  /// At least 0.05 better than the target (for a target of 1: exactly 1).
  case above
  /// Within 0.15 below to 0.05 above the target.
  case near
  /// At least 0.15 worse than the target: a shortfall the survey should find.
  case below

  /// The class of a generating parameter against a target.
  static func of(_ value: Double, target: Double, direction: Direction) -> PlantedClass {
    let gap = direction == .higher ? value - target : target - value
    if direction == .higher && target >= 1 || direction == .lower && target <= 0 {
      if gap >= -1e-12 { return .above }
      return gap <= -0.1 ? .below : .near
    }
    if gap >= 0.05 { return .above }
    return gap <= -0.15 ? .below : .near
  }
}

/// Sets the care parameters behind the targeted indicators of one county so that each
/// lands above its target (most), near it (some) or clearly below it (a few): the planted
/// shortfalls the survey should find (docs/demo-data.md §5).
struct DemoPlanting {
  /// A care parameter ("knob") and the indicator whose target it is planted against.
  struct Knob: Sendable {
    var indicator: String
    var range: ClosedRange<Double>
    var set: @Sendable (inout CountyParameters, Double) -> Void
  }

  /// P(clearly below), P(near); the rest are above.
  static let belowShare = 0.07
  static let nearShare = 0.10

  static let knobs: [Knob] = {
    var knobs: [Knob] = [
      Knob(indicator: "routine_child_weekly", range: -8...10) { $0.contactLocation = $1 },
      Knob(indicator: "routine_child_half_monthly", range: -8...10) { $0.contactLocation = $1 },
      Knob(indicator: "routine_guardian_monthly", range: 0...1) { $0.guardianContact = $1 },
      Knob(indicator: "routine_term_activity", range: 0...1) { $0.activityTerm[0] = $1 },
      Knob(indicator: "routine_family_guidance", range: 0...1) { $0.familyGuidance = $1 },
      Knob(indicator: "routine_school_link", range: 0...1) { $0.schoolLink = $1 },
    ]
    for (name, index) in [
      ("routine_festival", 1), ("routine_book", 2), ("routine_safety_lesson", 3),
    ] {
      knobs.append(
        Knob(indicator: name, range: -10...10) { parameters, x in
          parameters.activityTerm[index] = logistic(x - 1)
          parameters.activityEarlier[index] = logistic(x)
        })
    }
    let served = [
      "needs_living_served", "needs_affection_served", "needs_academic_served",
      "needs_psychological_served", "needs_legal_served",
    ]
    for (index, name) in served.enumerated() {
      knobs.append(Knob(indicator: name, range: 0...1) { $0.serviceForNeed[index] = $1 })
    }
    return knobs
  }()

  let kit: Kit
  let formulas: TruthFormulas

  /// The county's parameters after planting. Coverage is planted per category (a target of
  /// 1: every eligible child paired); the other knobs are solved so that their indicator's
  /// generating parameter equals the value drawn for its class.
  func plant(_ base: CountyParameters, county: String, random: inout DemoRandom) -> CountyParameters
  {
    var parameters = base
    if random.bernoulli(0.2) {
      let candidates = [
        Vocabulary.deFacto, Vocabulary.lowIncome, Vocabulary.disadvantaged, Vocabulary.leftBehind,
      ]
      let count = random.bernoulli(0.7) ? 1 : 2
      for _ in 0..<count {
        let category = random.pick(candidates)
        parameters.coverage[category] =
          random.bernoulli(0.6) ? random.uniform(0.96, 0.99) : random.uniform(0.75, 0.88)
      }
    }
    for knob in Self.knobs {
      guard formulas.covered.contains(knob.indicator),
        let target = kit.target(for: knob.indicator, in: county)?.target
      else { continue }
      let u = random.uniform()
      let desired: Double
      if u < Self.belowShare {
        desired = target - random.uniform(0.3, 0.4)
      } else if u < Self.belowShare + Self.nearShare {
        desired = target + random.uniform(-0.03, 0.02)
      } else {
        desired = target + random.uniform(0.06, 0.12)
      }
      parameters = solve(knob, desired: desired, in: parameters)
    }
    return parameters
  }

  /// The parameters with `knob` set (by bisection) so that its indicator's parameter is as
  /// close to `desired` as the knob's range allows.
  private func solve(_ knob: Knob, desired: Double, in parameters: CountyParameters)
    -> CountyParameters
  {
    func value(_ x: Double) -> Double {
      var trial = parameters
      knob.set(&trial, x)
      return formulas.parameter(knob.indicator, model: CountyModel(trial)) ?? 0
    }
    var low = knob.range.lowerBound
    var high = knob.range.upperBound
    let (floor, ceiling) = (value(low), value(high))
    let goal = min(max(desired, floor + 0.005), ceiling - 0.005)
    for _ in 0..<60 {
      let middle = (low + high) / 2
      if value(middle) < goal { low = middle } else { high = middle }
    }
    var result = parameters
    knob.set(&result, (low + high) / 2)
    return result
  }
}
