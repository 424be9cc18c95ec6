/// The mixture behind one scale's scores in a county: each component is a kind of
/// respondent (profile, need, pairing, true care) with its weight among the scale's
/// respondents and its latent mean (`LatentEffects.means`).
enum ScaleComponents {
  static func components(
    _ scale: String, population: TruthFormulas.ScalePopulation, model m: CountyModel
  )
    -> [(weight: Double, mean: Double)]
  {
    let p = m.parameters
    var result: [(weight: Double, mean: Double)] = []
    func both(_ probability: Double) -> [(Bool, Double)] {
      [(false, 1 - probability), (true, probability)]
    }

    switch scale {
    case "wellbeing", "loneliness", "adjustment", "knowledge":
      // Everyone answers (the head teacher only for children in school).
      for profile in m.profiles {
        let base = profile.probability * (scale == "adjustment" ? profile.inSchool : 1)
        for (psych, pPsych) in both(profile.needs[Vocabulary.psychological]) {
          for (affection, pAffection) in both(profile.needs[Vocabulary.affection]) {
            for (legal, pLegal) in both(profile.needs[Vocabulary.legal]) {
              for (paired, pPaired) in both(m.paired(profile)) {
                let lessons = paired ? m.safetyLessonIfPaired : 0.1
                for (lesson, pLesson) in both(lessons) {
                  let weight = base * pPsych * pAffection * pLegal * pPaired * pLesson
                  let means = LatentEffects.means(
                    p, psych: psych, affection: affection,
                    leftBehind: profile.extraLeftBehind
                      || profile.primary == Vocabulary.leftBehind, paired: paired, legal: legal,
                    academic: false,
                    contact: paired ? 2 : 5, guidance: false, guardianContacted: false,
                    safetyLesson: lesson,
                    studyGroup: false)
                  result.append((weight, means[scale] ?? 0))
                }
              }
            }
          }
        }
      }
    case "relationship", "child_satisfaction":
      // Paired children who say they have a caring mother (the group is skipped otherwise).
      for (truth, pTruth) in m.contact.enumerated() {
        let asked = 1 - CountyModel.knowsVolunteer[truth][1]
        let means = LatentEffects.means(
          p, psych: false, affection: false, leftBehind: false, paired: true, legal: false,
          academic: false,
          contact: truth, guidance: false, guardianContacted: false, safetyLesson: false,
          studyGroup: false)
        result.append((pTruth * asked, means[scale] ?? 0))
      }
    case "guardian_change", "guardian_satisfaction":
      for (truth, pTruth) in m.contact.enumerated() {
        for (guidance, pGuidance) in both(p.familyGuidance) {
          for (contacted, pContacted) in both(p.guardianContact) {
            let means = LatentEffects.means(
              p, psych: false, affection: false, leftBehind: false, paired: true, legal: false,
              academic: false,
              contact: truth, guidance: guidance, guardianContacted: contacted, safetyLesson: false,
              studyGroup: false)
            result.append((pTruth * pGuidance * pContacted, means[scale] ?? 0))
          }
        }
      }
    default:
      // A scale the model does not know: latent mean 0 for everyone.
      result.append((1, 0))
    }
    _ = population
    return result
  }
}

/// The distribution of one select_one answer among its respondents in a county.
enum AnswerComponents {
  static func distribution(
    form: String, question: String, population: TruthFormulas.AnswerPopulation,
    model m: CountyModel,
    catalog: ItemCatalog
  ) -> [(String, Double)] {
    var totals: [String: Double] = [:]
    var order: [String] = []
    func add(_ name: String, _ p: Double) {
      if totals[name] == nil { order.append(name) }
      totals[name, default: 0] += p
    }
    let p = m.parameters
    switch question {
    case "t_progress":
      guard let spec = catalog.spec(form: form, question: question) else { return [] }
      for profile in m.profiles {
        let onlyLag = population == .academicLag
        for lag in [false, true] {
          let pLag =
            lag ? profile.needs[Vocabulary.academic] : 1 - profile.needs[Vocabulary.academic]
          if onlyLag && !lag { continue }
          for paired in [false, true] {
            let pPaired = paired ? m.paired(profile) : 1 - m.paired(profile)
            let studyRate =
              paired
              ? (lag
                ? p.serviceForNeed[Vocabulary.academic] : p.serviceOtherwise[Vocabulary.academic])
              : (lag ? 0.1 : 0.03)
            for study in [false, true] {
              let weight =
                profile.probability * profile.inSchool * pLag * pPaired
                * (study ? studyRate : 1 - studyRate)
              guard weight > 0 else { continue }
              let mean =
                LatentEffects.means(
                  p, psych: false, affection: false, leftBehind: false, paired: paired,
                  legal: false, academic: lag,
                  contact: 5, guidance: false, guardianContacted: false, safetyLesson: false,
                  studyGroup: study)["progress"]
                ?? 0
              for (offset, w) in zip(LatentGrid.offsets, LatentGrid.weights) {
                let categories = spec.model.categoryProbabilities(latent: mean + offset)
                for (category, q) in categories.enumerated() {
                  add(spec.choicesByCategory[category].first ?? "", weight * w * q)
                }
              }
            }
          }
        }
      }
    case "t_attendance":
      let names = ["none", "few", "some", "many"]
      for profile in m.profiles {
        let rates = LatentEffects.absence(
          p, disabledOrIll: profile.primary == Vocabulary.disabledIll)
        for (index, rate) in rates.enumerated() {
          add(names[index], profile.probability * profile.inSchool * rate)
        }
      }
    default:
      break
    }
    return order.map { ($0, totals[$0] ?? 0) }
  }
}
