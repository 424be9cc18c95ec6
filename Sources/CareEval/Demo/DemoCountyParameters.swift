import Foundation

/// The generating parameters of one county: what is true there, before any child is drawn.
///
/// Province profiles set the level (response rates, share of left-behind children,
/// professional volunteers, training), each county varies around it, and the care
/// parameters behind the targeted indicators are then set so that each indicator lands
/// above, near or clearly below its target (`DemoPlanting`).
struct CountyParameters: Sendable {
  /// Share of children whose main category is each of `Vocabulary.categories`.
  var categoryShares: [Double]
  /// P(paired) by main category.
  var coverage: [Double]
  /// Pairing modes of paired children without, and with, a psychological need.
  var modeShares: [Double]
  var modeSharesPsych: [Double]
  /// Care team: a counsellor for a psychological need, a teacher for an academic lag, a
  /// lawyer or judge and a police officer for weak legal awareness.
  var counsellorForPsych: Double
  var teacherForAcademic: Double
  var lawyerForLegal: Double
  var policeForLegal: Double
  /// Location of the true contact frequency of paired children (`ModelConstants.contactGaps`).
  var contactLocation: Double
  /// P(each activity this term), P(each activity earlier in the year), paired children.
  var activityTerm: [Double]
  var activityEarlier: [Double]
  /// P(service) for a paired child with the matching need, and without it.
  var serviceForNeed: [Double]
  var serviceOtherwise: [Double]
  /// P(guardian contacted in the last month), P(family-education guidance this term),
  /// P(volunteer talked with the head teacher this term), paired children.
  var guardianContact: Double
  var familyGuidance: Double
  var schoolLink: Double
  /// Response rates of the three informants (MCAR within the county).
  var childResponse: Double
  var guardianResponse: Double
  var teacherResponse: Double
  /// Latent means of the outcome scales.
  var wellbeing: Double
  var loneliness: Double
  var relationship: Double
  var knowledge: Double
  var satisfaction: Double
  var change: Double
  var guardianSatisfaction: Double
  var progress: Double
  var adjustment: Double
  /// Multiplier of the odds of missing 4 or more school days.
  var absence: Double
  /// Volunteers: share trained in the last 12 months; shares of `Vocabulary.specialities`;
  /// mean children of a one-to-many volunteer; mean children of a team.
  var trained: Double
  var specialityShares: [Double]
  var oneToManyCapacity: Double
  var teamCapacity: Double
}

/// What a province is like, as far as the model goes. The five programme provinces
/// differ in response, left-behind share and volunteer make-up (PROGRAMME.md §0: 浙江 is a
/// destination of migrants, so fewer of its children are left behind).
struct ProvinceProfile: Sendable {
  var childResponse: Double
  var guardianResponse: Double
  var teacherResponse: Double
  var leftBehindShare: Double
  var wellbeingShift: Double
  var professionalShare: Double
  var trained: Double

  static func forCode(_ code: String) -> ProvinceProfile {
    switch code.prefix(2) {
    case "50": ProvinceProfile(0.90, 0.80, 0.90, 0.62, 0.00, 0.40, 0.85)
    case "51": ProvinceProfile(0.88, 0.75, 0.88, 0.65, 0.00, 0.35, 0.80)
    case "62": ProvinceProfile(0.85, 0.70, 0.85, 0.60, -0.10, 0.30, 0.75)
    case "64": ProvinceProfile(0.87, 0.72, 0.86, 0.55, -0.10, 0.30, 0.78)
    case "33": ProvinceProfile(0.93, 0.85, 0.92, 0.40, 0.15, 0.45, 0.88)
    default: ProvinceProfile(0.88, 0.76, 0.88, 0.58, 0.00, 0.35, 0.80)
    }
  }

  init(
    _ child: Double, _ guardian: Double, _ teacher: Double, _ leftBehind: Double,
    _ wellbeing: Double,
    _ professional: Double, _ trained: Double
  ) {
    childResponse = child
    guardianResponse = guardian
    teacherResponse = teacher
    leftBehindShare = leftBehind
    wellbeingShift = wellbeing
    professionalShare = professional
    self.trained = trained
  }
}

extension CountyParameters {
  /// Draws a county's parameters around its province's profile, with every care
  /// parameter at a comfortable level; `DemoPlanting` then moves the targeted ones.
  static func draw(province: String, random: inout DemoRandom) -> CountyParameters {
    let profile = ProvinceProfile.forCode(province)
    func jitter(_ p: Double, _ sd: Double) -> Double {
      min(0.99, max(0.3, p + sd * random.normal()))
    }
    func logNormal(_ sd: Double) -> Double { exp(sd * random.normal()) }

    let leftBehind = min(0.8, max(0.2, profile.leftBehindShare + 0.06 * random.normal()))
    var shares = [0.04, 0.09, 0.06, 0.12, max(0.02, 1 - leftBehind - 0.31), leftBehind]
    for index in shares.indices { shares[index] *= logNormal(0.2) }
    let total = shares.reduce(0, +)
    shares = shares.map { $0 / total }

    var modes = [0.55, 0.2, 0.1, 0.15].map { $0 * logNormal(0.3) }
    modes = modes.map { $0 / modes.reduce(0, +) }
    var psychModes = [modes[0] * 0.6, modes[1] * 0.6, modes[2] * 3.0, modes[3]]
    psychModes = psychModes.map { $0 / psychModes.reduce(0, +) }

    let professional = min(0.8, max(0.1, profile.professionalShare + 0.06 * random.normal()))
    let within = [0.6, 0.12, 0.1, 0.1, 0.08].map { $0 * professional }
    let outside = [0.6, 0.12, 0.28].map { $0 * (1 - professional) }

    return CountyParameters(
      categoryShares: shares,
      coverage: Array(repeating: 1, count: Vocabulary.categories.count),
      modeShares: modes,
      modeSharesPsych: psychModes,
      counsellorForPsych: jitter(0.7, 0.1),
      teacherForAcademic: jitter(0.75, 0.1),
      lawyerForLegal: jitter(0.45, 0.1),
      policeForLegal: jitter(0.35, 0.1),
      contactLocation: 2.0,
      activityTerm: [0.88, 0.35, 0.3, 0.4, 0.3],
      activityEarlier: [0.5, 0.7, 0.75, 0.7, 0.3],
      serviceForNeed: [0.9, 0.9, 0.9, 0.9, 0.9],
      serviceOtherwise: [0.08, 0.45, 0.15, 0.08, 0.35].map { jitter($0, 0.03) },
      guardianContact: 0.93,
      familyGuidance: 0.9,
      schoolLink: 0.9,
      childResponse: jitter(profile.childResponse, 0.03),
      guardianResponse: jitter(profile.guardianResponse, 0.04),
      teacherResponse: jitter(profile.teacherResponse, 0.03),
      wellbeing: 0.6 + profile.wellbeingShift + 0.15 * random.normal(),
      loneliness: -0.3 - profile.wellbeingShift + 0.15 * random.normal(),
      relationship: 0.5 + 0.15 * random.normal(),
      knowledge: 0.3 + 0.2 * random.normal(),
      satisfaction: 0.5 + 0.15 * random.normal(),
      change: 0.4 + 0.15 * random.normal(),
      guardianSatisfaction: 0.6 + 0.15 * random.normal(),
      progress: 0.2 + 0.15 * random.normal(),
      adjustment: 0.4 + 0.15 * random.normal(),
      absence: logNormal(0.25),
      trained: jitter(profile.trained, 0.06),
      specialityShares: within + outside,
      oneToManyCapacity: 3 + 1.5 * random.uniform(),
      teamCapacity: 6 + 4 * random.uniform())
  }
}
