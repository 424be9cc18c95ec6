import SurveySchema

/// What the register knows about a child beyond her state: names and places the generator
/// assigns, and the sampling design variables.
struct RosterExtras: Sendable {
  var county: String
  var school: String?
  var volunteerIDs: [String]
  var organisation: String?
  var datePaired: String?
  var weight: Double?
  var stratum: String?
  var psu: String?
}

/// Answers the default kit's questions from a child's state: the latent truth goes
/// through each informant's noise (docs/demo-data.md §4). Returns `nil` for a question
/// it has no model for, which the filler then answers generically.
struct AnswerModel: Sendable {
  let county: CountyModel
  let catalog: ItemCatalog
  /// Whether the questionnaires carry paper numbers in `response_id` (plain layout:
  /// forms typed in from paper); platform exports leave it blank and use their own ids.
  let paperNumbers: Bool

  private func one(_ name: String) -> Answer { .value(.string(name)) }
  private func many(_ names: [String]) -> Answer { .value(.choices(names)) }
  private func number(_ x: Int) -> Answer { .value(.number(Double(x))) }

  /// A scale item (or `t_progress`) answered from the child's latent trait.
  func item(_ entry: FormPlan.Entry, child: ChildState, random: inout DemoRandom) -> Answer? {
    guard let spec = entry.item else { return nil }
    if spec.model.blank > 0, random.bernoulli(spec.model.blank) { return .blank }
    let category = spec.model.draw(
      latent: child.latents[spec.latent] ?? LatentGrid.draw(&random), random: &random)
    let names = spec.choicesByCategory[category]
    return names.isEmpty ? .blank : one(random.pick(names))
  }

  func roster(
    _ entry: FormPlan.Entry, child: ChildState, extras: RosterExtras, random: inout DemoRandom
  ) -> Answer? {
    switch entry.question.name {
    case "child_id": return one(child.id)
    case "child_name": return one(DemoText.name(female: child.female, random: &random))
    case "region": return one(extras.county)
    case "gender": return one(child.female ? "female" : "male")
    case "birth_year": return number(child.birthYear)
    case "guardian_type": return one(Vocabulary.guardianTypes[child.guardianType])
    case "categories": return many(child.profile.categories.map { Vocabulary.categories[$0] })
    case "needs":
      let names = child.needs.indices.filter { child.needs[$0] }.map { Vocabulary.needs[$0] }
      return many(names.isEmpty ? ["none"] : names)
    case "paired": return one(child.paired ? "yes" : "no")
    case "pairing_mode": return one(Vocabulary.modes[child.mode])
    case "volunteer_ids":
      return extras.volunteerIDs.isEmpty ? .blank : one(extras.volunteerIDs.joined(separator: " "))
    case "organisation": return extras.organisation.map(one) ?? .blank
    case "date_paired": return extras.datePaired.map(one) ?? .blank
    case "care_team":
      let names = child.careTeam.indices.filter { child.careTeam[$0] }.map {
        Vocabulary.professionals[$0]
      }
      return many(names.isEmpty ? ["none"] : names)
    case "school": return extras.school.map(one) ?? .blank
    case "weight": return extras.weight.map { .value(.number($0)) } ?? .blank
    case "strata": return extras.stratum.map(one) ?? .blank
    case "psu": return extras.psu.map(one) ?? .blank
    default: return nil
    }
  }

  /// The grade a child of this age is in, or `not_in_school`.
  func grade(_ child: ChildState) -> String {
    guard child.inSchool else { return "not_in_school" }
    let year = child.age - 6
    return year >= 10 ? "senior" : "g\(max(1, year))"
  }

  func child(
    _ entry: FormPlan.Entry, form: FormAnswers, child: ChildState, paperNumber: String,
    random: inout DemoRandom
  ) -> Answer? {
    if let answer = item(entry, child: child, random: &random) { return answer }
    let truth = min(child.contact, Vocabulary.never)
    switch entry.question.name {
    case "response_id": return paperNumbers ? one(paperNumber) : .blank
    case "child_id": return one(child.id)
    case "interview_mode":
      let young = ["g1", "g2", "g3"].contains(grade(child))
      return one(random.bernoulli(young ? 0.85 : 0.15) ? "helped" : "self")
    case "grade": return one(grade(child))
    case "assent": return one(child.assents ? "yes" : "no")
    case "knows_volunteer":
      return one(
        ["yes", "no", "unsure"][random.categorical(CountyModel.knowsVolunteer[child.contact])])
    case "contact_freq":
      return one(Vocabulary.frequencies[random.categorical(CountyModel.childReport[truth])])
    case "last_contact":
      let recency: [Double] =
        switch form.text("contact_freq") {
        case "weekly": [0.7, 0.22, 0.03, 0.01, 0.04]
        case "half_monthly": [0.35, 0.5, 0.08, 0.02, 0.05]
        case "monthly": [0.1, 0.6, 0.2, 0.03, 0.07]
        default: [0.03, 0.15, 0.4, 0.3, 0.12]
        }
      return one(
        ["this_week", "this_month", "three_months", "longer", "dont_remember"][
          random.categorical(recency)])
    case "contact_ways":
      var ways = ["visit", "phone_video", "message", "activity"].filter { _ in
        random.bernoulli(0.45)
      }
      if ways.isEmpty { ways = [random.pick(["visit", "phone_video"])] }
      return random.bernoulli(0.02) ? .blank : many(ways)
    case "activities_term":
      let names = Vocabulary.activities.indices.filter { reports(child.term[$0], random: &random) }
      return many(names.isEmpty ? ["none"] : names.map { Vocabulary.activities[$0] })
    case "activities_year":
      let term = form.value("activities_term")?.selectedNames ?? []
      let names = Vocabulary.activities.indices.filter { index in
        let earlier = reports(child.earlier[index], random: &random)
        return term.contains(Vocabulary.activities[index]) || earlier
      }
      return many(names.isEmpty ? ["none"] : names.map { Vocabulary.activities[$0] })
    case "help_received":
      let names = Vocabulary.services.indices.filter { index in
        random.bernoulli(
          county.reported(
            child.services[index] ? 1 : 0, missed: ModelConstants.childMissesService,
            invented: ModelConstants.childInventsService))
      }
      return many(names.isEmpty ? ["none"] : names.map { Vocabulary.services[$0] })
    case "wish": return random.bernoulli(0.3) ? one(random.pick(DemoText.wishes)) : .blank
    default: return nil
    }
  }

  private func reports(_ truth: Bool, random: inout DemoRandom) -> Bool {
    random.bernoulli(
      truth ? 1 - ModelConstants.childMissesActivity : ModelConstants.childInventsActivity)
  }

  func guardian(
    _ entry: FormPlan.Entry, form: FormAnswers, child: ChildState, paperNumber: String,
    random: inout DemoRandom
  ) -> Answer? {
    if let answer = item(entry, child: child, random: &random) { return answer }
    switch entry.question.name {
    case "response_id": return paperNumbers ? one(paperNumber) : .blank
    case "child_id": return one(child.id)
    case "g_consent": return one(child.consents ? "yes" : "no")
    case "g_relation":
      let relations = [
        "parent", "parent", "grandparent", "other_relative", "foster_carer", "institution_staff",
        "other",
      ]
      return one(relations[child.guardianType])
    case "g_contact_month":
      let p = county.reported(
        child.guardianContacted ? 1 : 0, missed: ModelConstants.guardianMissesContact,
        invented: ModelConstants.guardianInventsContact)
      return one(random.bernoulli(p) ? "yes" : "no")
    case "g_child_contact_freq":
      let truth = min(child.contact, Vocabulary.never)
      return one(Vocabulary.frequencies[random.categorical(CountyModel.guardianReport[truth])])
    case "g_guidance":
      let p = county.reported(
        child.guidance ? 1 : 0, missed: ModelConstants.guidanceMissed,
        invented: ModelConstants.guidanceInvented)
      guard random.bernoulli(p) else { return one("no") }
      return one(random.bernoulli(child.guidance ? 0.55 : 0.2) ? "several" : "once")
    case "g_guidance_topics":
      let topics = ["study_habits", "emotions", "safety", "communication", "health", "other"]
      let rates = [0.6, 0.45, 0.5, 0.35, 0.3, 0.05]
      var chosen = topics.indices.filter { random.bernoulli(rates[$0]) }.map { topics[$0] }
      if chosen.isEmpty { chosen = ["study_habits"] }
      return random.bernoulli(0.03) ? .blank : many(chosen)
    case "g_problems":
      let living = child.needs[Vocabulary.living]
      let rates = living ? [0.35, 0.45, 0.25, 0.6, 0.05] : [0.05, 0.08, 0.03, 0.06, 0.03]
      let names = ["schooling", "medical", "housing", "living_costs", "other"]
      let chosen = names.indices.filter { random.bernoulli(rates[$0]) }.map { names[$0] }
      return many(chosen.isEmpty ? ["none"] : chosen)
    case "g_problems_solved":
      let problems = form.value("g_problems")?.selectedNames.filter { $0 != "none" } ?? []
      let rate = child.services[Vocabulary.living] ? 0.7 : 0.15
      let solved = problems.filter { _ in random.bernoulli(rate) }
      return many(solved.isEmpty ? ["none_solved"] : solved)
    case "g_help_received":
      let names = Vocabulary.services.indices.filter { index in
        random.bernoulli(
          county.reported(
            child.services[index] ? 1 : 0, missed: ModelConstants.guardianMissesService,
            invented: ModelConstants.guardianInventsService))
      }
      return many(names.isEmpty ? ["none"] : names.map { Vocabulary.services[$0] })
    case "g_suggestion":
      return random.bernoulli(0.2) ? one(random.pick(DemoText.suggestions)) : .blank
    default: return nil
    }
  }

  func teacher(
    _ entry: FormPlan.Entry, form: FormAnswers, child: ChildState, paperNumber: String,
    random: inout DemoRandom
  ) -> Answer? {
    if let answer = item(entry, child: child, random: &random) { return answer }
    let lag = child.needs[Vocabulary.academic]
    switch entry.question.name {
    case "response_id": return paperNumbers ? one(paperNumber) : .blank
    case "child_id": return one(child.id)
    case "t_known_time":
      return one(
        ["less_than_term", "term_to_year", "over_year"][random.categorical([0.15, 0.35, 0.5])])
    case "t_rank":
      let weights = lag ? [0.05, 0.15, 0.35, 0.45] : [0.25, 0.3, 0.27, 0.18]
      return one(["top", "upper", "lower", "bottom"][random.categorical(weights)])
    case "t_attendance": return one(["none", "few", "some", "many"][child.absence])
    case "t_dropout_risk": return one(random.bernoulli(lag ? 0.12 : 0.04) ? "yes" : "no")
    case "t_knows_volunteer":
      let row = child.paired ? (child.schoolLink ? 0 : 1) : 2
      return one(
        ["yes_in_touch", "yes_not_in_touch", "no"][
          random.categorical(CountyModel.teacherKnows[row])])
    case "t_coord_volunteer":
      let p = county.reported(
        child.schoolLink ? 1 : 0, missed: ModelConstants.schoolLinkMissed,
        invented: ModelConstants.schoolLinkInvented)
      guard random.bernoulli(p) else { return one("never") }
      return one(random.bernoulli(child.schoolLink ? 0.6 : 0.2) ? "several" : "once")
    case "t_coord_guardian":
      return one(["several", "once", "never"][random.categorical([0.45, 0.35, 0.2])])
    case "t_notes": return random.bernoulli(0.15) ? one(random.pick(DemoText.teacherNotes)) : .blank
    default: return nil
    }
  }

  func volunteer(
    _ entry: FormPlan.Entry, record: VolunteerRecord, county code: String, random: inout DemoRandom
  )
    -> Answer?
  {
    switch entry.question.name {
    case "volunteer_id": return one(record.id)
    case "vol_name": return one(DemoText.name(female: true, random: &random))
    case "vol_region": return one(code)
    case "vol_status": return one(record.status)
    case "speciality": return one(Vocabulary.specialities[record.speciality])
    case "speciality_other": return one(random.pick(DemoText.otherOccupations))
    case "trainings_12m": return number(record.trainings)
    case "training_topics": return many(record.topics.map { Vocabulary.trainingTopics[$0] })
    case "team": return record.team.map(one) ?? .blank
    case "date_joined": return one(record.joined)
    case "children_paired": return number(record.children)
    default: return nil
    }
  }
}
