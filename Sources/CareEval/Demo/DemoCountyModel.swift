import Foundation

/// A kind of child as the register sees it: the main category, and for a child of a
/// low-income or disadvantaged family whether she is also left behind.
struct ChildProfile: Sendable {
  var primary: Int
  var extraLeftBehind: Bool
  /// P(this profile) in the county.
  var probability: Double
  /// P(each need of `Vocabulary.needs`), independently.
  var needs: [Double]
  /// P(in school, so a head teacher answers).
  var inSchool: Double

  /// The categories ticked in the register.
  var categories: [Int] { extraLeftBehind ? [primary, Vocabulary.leftBehind] : [primary] }

  /// P(at least one need).
  var anyNeed: Double { 1 - needs.reduce(1) { $0 * (1 - $1) } }
}

/// A county's parameters with the tables derived from them: the distributions the
/// generator draws from and the closed forms the truth is computed from share these
/// tables, so the two cannot drift apart.
struct CountyModel: Sendable {
  let parameters: CountyParameters
  let profiles: [ChildProfile]
  /// P(true contact frequency) of a paired child, in `Vocabulary.frequencies` order.
  let contact: [Double]

  init(_ parameters: CountyParameters) {
    self.parameters = parameters
    profiles = Self.profiles(parameters)
    contact = Self.contactDistribution(location: parameters.contactLocation)
  }

  // MARK: - Fixed tables

  /// P(need | main category), rows `Vocabulary.needs`, columns `Vocabulary.categories`.
  /// Set from the programme's five need areas (PROGRAMME.md §0, 宁夏) and the groups they
  /// concern: living difficulty for low-income families, lack of affection for orphans and
  /// left-behind children; assumptions, not survey figures.
  static let needRates: [[Double]] = [
    [0.50, 0.55, 0.80, 0.70, 0.45, 0.15],
    [0.65, 0.60, 0.20, 0.15, 0.25, 0.50],
    [0.30, 0.30, 0.45, 0.30, 0.30, 0.35],
    [0.25, 0.25, 0.20, 0.10, 0.15, 0.12],
    [0.20, 0.20, 0.15, 0.20, 0.20, 0.25],
  ]

  /// What a child answers to "do you have a caring mother?" (yes, no, not sure) by her true
  /// contact frequency; the last row is an unpaired child.
  static let knowsVolunteer: [[Double]] = [
    [0.97, 0.01, 0.02], [0.95, 0.02, 0.03], [0.90, 0.04, 0.06], [0.72, 0.13, 0.15],
    [0.35, 0.45, 0.20],
    [0.04, 0.90, 0.06],
  ]

  /// The contact frequency a child reports (columns) given the true one (rows).
  static let childReport: [[Double]] = [
    [0.92, 0.06, 0.02, 0.00, 0.00],
    [0.08, 0.80, 0.09, 0.03, 0.00],
    [0.02, 0.08, 0.80, 0.09, 0.01],
    [0.00, 0.02, 0.10, 0.80, 0.08],
    [0.00, 0.00, 0.02, 0.18, 0.80],
  ]

  /// The contact frequency a guardian reports (columns) given the true one (rows); guardians
  /// see less of the contact than the child does.
  static let guardianReport: [[Double]] = [
    [0.85, 0.10, 0.04, 0.01, 0.00],
    [0.12, 0.70, 0.13, 0.05, 0.00],
    [0.03, 0.12, 0.70, 0.13, 0.02],
    [0.01, 0.03, 0.14, 0.70, 0.12],
    [0.00, 0.01, 0.03, 0.16, 0.80],
  ]

  /// The head teacher's `t_knows_volunteer` (in touch, knows but not in touch, does not know)
  /// with and without the volunteer having talked with her this term; the last row is an
  /// unpaired child.
  static let teacherKnows: [[Double]] = [
    [0.85, 0.10, 0.05], [0.10, 0.35, 0.55], [0.02, 0.08, 0.90],
  ]

  static func contactDistribution(location: Double) -> [Double] {
    let cumulative = ModelConstants.contactGaps.map { logistic(location + $0) }
    var result = [cumulative[0]]
    for index in 1..<cumulative.count { result.append(cumulative[index] - cumulative[index - 1]) }
    result.append(1 - cumulative[cumulative.count - 1])
    return result
  }

  static func profiles(_ parameters: CountyParameters) -> [ChildProfile] {
    var result: [ChildProfile] = []
    for primary in Vocabulary.categories.indices {
      let share = parameters.categoryShares[primary]
      let base = needRates.map { $0[primary] }
      let inSchool = primary == Vocabulary.disabledIll ? 0.85 : 0.97
      let mixes = [Vocabulary.disabledIll, Vocabulary.lowIncome, Vocabulary.disadvantaged].contains(
        primary)
      if mixes {
        let q = ModelConstants.extraLeftBehind
        var extra = base
        extra[Vocabulary.affection] = 1 - (1 - base[Vocabulary.affection]) * 0.7
        extra[Vocabulary.academic] += 0.05
        extra[Vocabulary.legal] += 0.05
        result.append(
          ChildProfile(
            primary: primary, extraLeftBehind: false, probability: share * (1 - q), needs: base,
            inSchool: inSchool))
        result.append(
          ChildProfile(
            primary: primary, extraLeftBehind: true, probability: share * q, needs: extra,
            inSchool: inSchool))
      } else {
        result.append(
          ChildProfile(
            primary: primary, extraLeftBehind: false, probability: share, needs: base,
            inSchool: inSchool))
      }
    }
    return result
  }

  // MARK: - Derived probabilities

  /// P(paired | profile).
  func paired(_ profile: ChildProfile) -> Double { parameters.coverage[profile.primary] }

  /// P(paired).
  var pairedShare: Double { profiles.reduce(0) { $0 + $1.probability * paired($1) } }

  /// P(in school | paired).
  var inSchoolIfPaired: Double {
    let paired = pairedShare
    guard paired > 0 else { return 0 }
    return profiles.reduce(0) { $0 + $1.probability * self.paired($1) * $1.inSchool } / paired
  }

  /// P(the child's `contact_level` = each frequency | true level, answered); `true level`
  /// 5 is an unpaired child. "No caring mother" makes the level `never`.
  func childLevel(given truth: Int) -> [Double] {
    let knows = Self.knowsVolunteer[truth]
    var report = Self.childReport[min(truth, Vocabulary.never)].map { $0 * (1 - knows[1]) }
    report[Vocabulary.never] += knows[1]
    return report
  }

  /// P(service reported by the child | paired, need present or not).
  func childReportsService(_ service: Int, need: Bool, paired: Bool) -> Double {
    let truth =
      paired
      ? (need ? parameters.serviceForNeed[service] : parameters.serviceOtherwise[service])
      : (need ? 0.1 : 0.03)
    return reported(
      truth, missed: ModelConstants.childMissesService, invented: ModelConstants.childInventsService
    )
  }

  /// P(activity reported this term), P(reported in the last year), for a paired child.
  func childReportsActivity(_ activity: Int) -> (term: Double, year: Double) {
    let missed = ModelConstants.childMissesActivity
    let invented = ModelConstants.childInventsActivity
    let term = reported(parameters.activityTerm[activity], missed: missed, invented: invented)
    let earlier = reported(parameters.activityEarlier[activity], missed: missed, invented: invented)
    return (term, 1 - (1 - term) * (1 - earlier))
  }

  /// P(a latent yes is reported yes) for a latent share `truth`.
  func reported(_ truth: Double, missed: Double, invented: Double) -> Double {
    truth * (1 - missed) + (1 - truth) * invented
  }

  /// P(safety lesson in the last year, truly) for a paired child; unpaired 0.1 (school lessons).
  var safetyLessonIfPaired: Double {
    let s = Vocabulary.safetyLesson
    return 1 - (1 - parameters.activityTerm[s]) * (1 - parameters.activityEarlier[s])
  }

  /// Mean children per serving volunteer: slots filled per paired child over volunteers
  /// opened per paired child (DemoVolunteers).
  var expectedCaseload: Double {
    var slots = 0.0
    var volunteers = 0.0
    for profile in profiles {
      let weight = profile.probability * paired(profile)
      let psych = profile.needs[Vocabulary.psychological]
      for mode in Vocabulary.modes.indices {
        let share =
          psych * parameters.modeSharesPsych[mode] + (1 - psych) * parameters.modeShares[mode]
        let (ids, capacity) = VolunteerPools.slots(mode: mode, parameters: parameters)
        slots += weight * share * ids
        volunteers += weight * share * ids / capacity
      }
    }
    return volunteers > 0 ? slots / volunteers : 0
  }
}

/// The logistic function.
func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

/// The standard normal distribution function.
func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
