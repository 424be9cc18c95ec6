/// The choice names the demo model speaks in: those of the default kit's lists
/// (surveys/aixin). The model is about the 爱心妈妈 programme, so it names things the way
/// the kit does; a kit that renames a choice gets generic answers for that question.
enum Vocabulary {
  /// Child categories (roster `category` list), in the kit's order.
  static let categories = [
    "orphan", "de_facto_unsupported", "low_income_disabled_ill", "low_income_other",
    "disadvantaged",
    "left_behind",
  ]
  /// Need areas (roster `need` list, without `none`).
  static let needs = [
    "living_difficulty", "lack_affection", "academic_lag", "psychological", "legal_awareness",
  ]
  /// The service that answers each need, in the order of `needs` (child `service` list).
  static let services = [
    "problems_solved", "companionship", "study_group", "counselling", "legal_lesson",
  ]
  /// Shared activities (child `activity` list, without `none`).
  static let activities = [
    "parent_child_activity", "festival", "shared_book", "legal_safety_lesson", "other",
  ]
  /// Contact frequencies from most to least frequent (`freq` list).
  static let frequencies = ["weekly", "half_monthly", "monthly", "rarely", "never"]
  /// Pairing modes (roster `pairing_mode` list).
  static let modes = ["one_to_one", "one_to_many", "many_to_one", "many_to_many"]
  /// Care-team professionals (roster `professional` list, without `none`).
  static let professionals = [
    "teacher", "doctor", "counsellor", "lawyer_judge", "police", "social_worker",
  ]
  /// Volunteer specialities (volunteer `speciality` list); the first five are professions.
  static let specialities = [
    "teacher", "doctor", "counsellor", "lawyer_judge", "police", "cadre", "student", "other",
  ]
  /// Volunteer training topics (volunteer `training_topic` list).
  static let trainingTopics = [
    "child_psychology", "safety_law", "family_education", "programme_rules", "communication",
    "other",
  ]
  /// Main carers (roster `guardian_type` list).
  static let guardianTypes = [
    "both_parents", "one_parent", "grandparents", "other_relative", "foster_family", "institution",
    "other",
  ]

  static let orphan = 0, deFacto = 1, disabledIll = 2, lowIncome = 3, disadvantaged = 4,
    leftBehind = 5
  static let living = 0, affection = 1, academic = 2, psychological = 3, legal = 4
  static let safetyLesson = 3
  static let weekly = 0, halfMonthly = 1, monthly = 2, rarely = 3, never = 4
  static let oneToOne = 0, oneToMany = 1, manyToOne = 2, manyToMany = 3
}

/// Where the numbers of the model come from, for docs/demo-data.md and truth.csv readers:
/// every fixed rate of the model is a constant here with its reason.
enum ModelConstants {
  /// Share of children in each province (programme figures, PROGRAMME.md §0/§3): 四川 25.07万
  /// children to pair, 甘肃 5.7万 paired, 重庆 4.3万 paired, 浙江 27,081 paired; 宁夏 has no
  /// published count and is set from its 1.41万 volunteers.
  static let provinceWeights: [String: Double] = [
    "51": 250_700, "62": 57_000, "50": 43_000, "33": 27_081, "64": 15_000,
  ]
  /// Log-normal spread of county sizes within a province (sd of log size).
  static let countySizeSpread = 0.75
  /// Mean children per village (PSU) and the spread of village sizes.
  static let childrenPerVillage = 14.0
  static let villageSizeSpread = 0.5
  /// Children in a low-income or disadvantaged family who are also left behind.
  static let extraLeftBehind = 0.25

  /// Item non-response on optional Likert items (each item, independently).
  static let itemBlank = 0.02
  /// Child assent and guardian consent among those reached.
  static let assent = 0.97
  static let consent = 0.96
  /// Reports of a yes/no service or activity: false negatives and false positives.
  static let childMissesActivity = 0.06, childInventsActivity = 0.03
  static let childMissesService = 0.10, childInventsService = 0.04
  static let guardianMissesService = 0.15, guardianInventsService = 0.05
  static let guardianMissesContact = 0.07, guardianInventsContact = 0.05
  static let guidanceMissed = 0.06, guidanceInvented = 0.07
  static let schoolLinkMissed = 0.05, schoolLinkInvented = 0.06
  /// Offsets of the contact-frequency cumulative logits: P(at least as often as level j)
  /// = logistic(location + gap_j), for weekly, half-monthly, monthly and rarely.
  static let contactGaps = [0.0, 1.3, 2.6, 4.0]
  /// Village (PSU) effect on the logit of every care service: its standard deviation.
  static let villageEffect = 0.0
}
