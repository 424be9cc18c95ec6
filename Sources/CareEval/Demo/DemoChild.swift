/// Everything true about one child before anyone answers a question: who she is, what
/// care she gets, how she is doing, and which informants will answer.
struct ChildState: Sendable {
  var id: String
  var village: Int
  var profile: ChildProfile
  var needs: [Bool]
  var paired: Bool
  var mode: Int
  var volunteers: [Int] = []
  var careTeam: [Bool]
  var female: Bool
  var birthYear: Int
  var guardianType: Int
  var inSchool: Bool
  /// 0…4 the true contact frequency of a paired child; 5 for an unpaired child.
  var contact: Int
  var term: [Bool]
  var earlier: [Bool]
  var services: [Bool]
  var guardianContacted: Bool
  var guidance: Bool
  var schoolLink: Bool
  var safetyLesson: Bool
  /// Latent traits by scale name (and `progress`), each its mean plus a `LatentGrid` offset.
  var latents: [String: Double]
  /// 0…3, the head teacher's absence category.
  var absence: Int
  var childResponds: Bool
  var assents: Bool
  var guardianResponds: Bool
  var consents: Bool
  var teacherResponds: Bool

  var leftBehind: Bool { profile.primary == Vocabulary.leftBehind || profile.extraLeftBehind }
  var age: Int { DemoCalendar.surveyYear - birthYear }
}

/// When the demo survey takes place, and the age range of the children.
enum DemoCalendar {
  static let surveyYear = 2026
  static let birthYears = 2010...2019
  /// Fieldwork: spring term 2026 (2026-04-07 … 2026-06-12).
  static let fieldworkStart = DemoDates.dayNumber(2026, 4, 7)
  static let fieldworkDays = 67
}

/// The effects of a child's situation on the latent traits (docs/demo-data.md §3).
enum LatentEffects {
  /// Relationship with the volunteer by true contact frequency (weekly … never, unpaired).
  static let contact = [0.6, 0.3, 0.0, -0.5, -1.0, -1.0]

  /// The latent mean of each scale (and of `progress`) for this child's situation.
  static func means(
    _ p: CountyParameters, psych: Bool, affection: Bool, leftBehind: Bool, paired: Bool,
    legal: Bool,
    academic: Bool, contact: Int, guidance: Bool, guardianContacted: Bool, safetyLesson: Bool,
    studyGroup: Bool
  ) -> [String: Double] {
    let c = Self.contact[contact]
    return [
      "wellbeing": p.wellbeing - (psych ? 0.8 : 0) - (affection ? 0.3 : 0) + (paired ? 0.15 : 0),
      "loneliness": p.loneliness + (affection ? 0.5 : 0) + (leftBehind ? 0.3 : 0)
        - (paired ? 0.2 : 0),
      "relationship": p.relationship + c,
      "child_satisfaction": p.satisfaction + 0.8 * c,
      "knowledge": p.knowledge - (legal ? 0.5 : 0) + (safetyLesson ? 0.4 : 0),
      "guardian_change": p.change + 0.6 * c + (guidance ? 0.3 : 0),
      "guardian_satisfaction": p.guardianSatisfaction + 0.4 * c + (guardianContacted ? 0.5 : 0),
      "adjustment": p.adjustment - (psych ? 0.5 : 0) - (affection ? 0.2 : 0),
      "progress": p.progress + (studyGroup ? 0.5 : 0) - (academic ? 0.4 : 0),
    ]
  }

  /// Absence categories (none, 1-3, 4-10, more than 10 days) for a child of this profile.
  static func absence(_ p: CountyParameters, disabledOrIll: Bool) -> [Double] {
    let base = disabledOrIll ? [0.30, 0.35, 0.22, 0.13] : [0.55, 0.32, 0.09, 0.04]
    let weights = [base[0], base[1], base[2] * p.absence, base[3] * p.absence]
    let total = weights.reduce(0, +)
    return weights.map { $0 / total }
  }
}

extension CountyModel {
  /// Draws one child of village `village`; a paired child gets her volunteers from `pools`.
  func drawChild(
    id: String, village: Int, pools: inout VolunteerPools, random: inout DemoRandom,
    volunteerRandom: inout DemoRandom
  ) -> ChildState {
    let p = parameters
    let profile = profiles[random.categorical(profiles.map(\.probability))]
    let needs = profile.needs.map { random.bernoulli($0) }
    let paired = random.bernoulli(self.paired(profile))
    let psych = needs[Vocabulary.psychological]
    var mode = 0
    var team = Array(repeating: false, count: Vocabulary.professionals.count)
    if paired {
      mode = random.categorical(psych ? p.modeSharesPsych : p.modeShares)
      let legal = needs[Vocabulary.legal]
      team = [
        random.bernoulli(needs[Vocabulary.academic] ? p.teacherForAcademic : 0.1),
        random.bernoulli(profile.primary == Vocabulary.disabledIll ? 0.6 : 0.05),
        random.bernoulli(psych ? p.counsellorForPsych : 0.05),
        random.bernoulli(legal ? p.lawyerForLegal : 0.02),
        random.bernoulli(legal ? p.policeForLegal : 0.02),
        random.bernoulli(0.1),
      ]
    }
    let female = random.bernoulli(0.47)
    let birthYear = random.int(in: DemoCalendar.birthYears)
    let guardianType = random.categorical(Self.guardianTypes(profile.primary))
    let inSchool = random.bernoulli(profile.inSchool)
    let contact = paired ? random.categorical(self.contact) : 5
    let term = p.activityTerm.map { paired && random.bernoulli($0) }
    let earlier = p.activityEarlier.map { paired && random.bernoulli($0) }
    let services = Vocabulary.services.indices.map { s in
      let truth =
        paired
        ? (needs[s] ? p.serviceForNeed[s] : p.serviceOtherwise[s])
        : (needs[s] ? 0.1 : 0.03)
      return random.bernoulli(truth)
    }
    let guardianContacted = paired && random.bernoulli(p.guardianContact)
    let guidance = paired && random.bernoulli(p.familyGuidance)
    let schoolLink = paired && random.bernoulli(p.schoolLink)
    let s = Vocabulary.safetyLesson
    let safetyLesson = paired ? term[s] || earlier[s] : random.bernoulli(0.1)
    var latents = LatentEffects.means(
      p, psych: psych, affection: needs[Vocabulary.affection],
      leftBehind: profile.primary == Vocabulary.leftBehind || profile.extraLeftBehind,
      paired: paired,
      legal: needs[Vocabulary.legal], academic: needs[Vocabulary.academic], contact: contact,
      guidance: guidance,
      guardianContacted: guardianContacted, safetyLesson: safetyLesson,
      studyGroup: services[Vocabulary.academic])
    for key in latents.keys.sorted() { latents[key, default: 0] += LatentGrid.draw(&random) }
    let absence = random.categorical(
      LatentEffects.absence(p, disabledOrIll: profile.primary == Vocabulary.disabledIll))
    let childResponds = random.bernoulli(p.childResponse)
    let assents = random.bernoulli(ModelConstants.assent)
    let guardianResponds = random.bernoulli(p.guardianResponse)
    let consents = random.bernoulli(ModelConstants.consent)
    let teacherResponds = inSchool && random.bernoulli(p.teacherResponse)
    var child = ChildState(
      id: id, village: village, profile: profile, needs: needs, paired: paired, mode: mode,
      careTeam: team,
      female: female, birthYear: birthYear, guardianType: guardianType, inSchool: inSchool,
      contact: contact,
      term: term, earlier: earlier, services: services, guardianContacted: guardianContacted,
      guidance: guidance,
      schoolLink: schoolLink, safetyLesson: safetyLesson, latents: latents, absence: absence,
      childResponds: childResponds, assents: assents, guardianResponds: guardianResponds,
      consents: consents,
      teacherResponds: teacherResponds)
    if paired { child.volunteers = pools.assign(mode: mode, random: &volunteerRandom) }
    return child
  }

  /// Main carers by main category (`Vocabulary.guardianTypes`); 89.3% of left-behind
  /// children lived with grandparents in the 2016 count (PROGRAMME.md §3).
  static func guardianTypes(_ primary: Int) -> [Double] {
    switch primary {
    case Vocabulary.orphan: [0, 0, 0.5, 0.3, 0.08, 0.1, 0.02]
    case Vocabulary.deFacto: [0, 0.05, 0.6, 0.25, 0.03, 0.04, 0.03]
    case Vocabulary.leftBehind: [0, 0.04, 0.89, 0.06, 0, 0, 0.01]
    case Vocabulary.disabledIll, Vocabulary.lowIncome: [0.45, 0.35, 0.15, 0.05, 0, 0, 0]
    default: [0.3, 0.4, 0.22, 0.06, 0.01, 0, 0.01]
    }
  }
}
