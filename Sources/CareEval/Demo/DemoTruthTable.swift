/// The formulas of the default kit's indicators (docs/demo-data.md §6 derives them).
extension TruthFormulas {
  static let paired = "${roster.paired} = 'yes'"

  static let table: [String: Formula] = {
    var table: [String: Formula] = [:]
    let isPaired = "${roster.paired} = 'yes'"
    // Coverage: P(paired | in the population), from the register's profiles.
    table["coverage_paired"] = .closed(
      value: isPaired, population: "count-selected(${roster.categories}) > 0",
      { m in m.profileRatio(numerator: { m.paired($0) }, denominator: { _ in 1 }) })
    for (index, category) in Vocabulary.categories.enumerated() {
      table["coverage_\(category)"] = .closed(
        value: isPaired, population: "selected(${roster.categories}, '\(category)')",
        { m in
          m.profileRatio(
            numerator: { $0.categories.contains(index) ? m.paired($0) : 0 },
            denominator: { $0.categories.contains(index) ? 1 : 0 })
        })
    }
    table["coverage_with_need"] = .closed(
      value: isPaired,
      population: "count-selected(${roster.needs}) > 0 and not(selected(${roster.needs}, 'none'))",
      { m in m.profileRatio(numerator: { $0.anyNeed * m.paired($0) }, denominator: { $0.anyNeed }) }
    )

    // Routine: what a paired child (or guardian, or head teacher) reports.
    let level = "${child.contact_level}"
    table["routine_child_weekly"] = .closed(
      value: "\(level) = 'weekly'", population: isPaired,
      { m in m.childLevels.prefix(1).reduce(0, +) })
    table["routine_child_half_monthly"] = .closed(
      value: "\(level) = 'weekly' or \(level) = 'half_monthly'", population: isPaired,
      { m in m.childLevels.prefix(2).reduce(0, +) })
    table["routine_child_monthly"] = .closed(
      value: "\(level) = 'weekly' or \(level) = 'half_monthly' or \(level) = 'monthly'",
      population: isPaired,
      { m in m.childLevels.prefix(3).reduce(0, +) })
    table["routine_guardian_monthly"] = .closed(
      value: "${guardian.g_contact_month} = 'yes'", population: isPaired,
      { m in
        m.reported(
          m.parameters.guardianContact, missed: ModelConstants.guardianMissesContact,
          invented: ModelConstants.guardianInventsContact)
      })
    table["routine_term_activity"] = .closed(
      value: "selected(${child.activities_term}, 'parent_child_activity')", population: isPaired,
      { m in m.childReportsActivity(0).term })
    for (name, index) in [
      ("routine_festival", 1), ("routine_book", 2), ("routine_safety_lesson", 3),
    ] {
      table[name] = .closed(
        value: "selected(${child.activities_year}, '\(Vocabulary.activities[index])')",
        population: isPaired,
        { m in m.childReportsActivity(index).year })
    }
    table["routine_family_guidance"] = .closed(
      value: "${guardian.g_guidance} != 'no'", population: isPaired,
      { m in
        m.reported(
          m.parameters.familyGuidance, missed: ModelConstants.guidanceMissed,
          invented: ModelConstants.guidanceInvented)
      })
    table["routine_school_link"] = .closed(
      value: "${teacher.t_coord_volunteer} != 'never'", population: isPaired,
      { m in
        m.reported(
          m.parameters.schoolLink, missed: ModelConstants.schoolLinkMissed,
          invented: ModelConstants.schoolLinkInvented)
      })

    // Needs served: a child with the need reports the matching service.
    let served = [
      "needs_living_served", "needs_affection_served", "needs_academic_served",
      "needs_psychological_served", "needs_legal_served",
    ]
    for (index, name) in served.enumerated() {
      table[name] = .closed(
        value: "selected(${child.help_received}, '\(Vocabulary.services[index])')",
        population: "selected(${roster.needs}, '\(Vocabulary.needs[index])')",
        { m in
          m.profileRatio(
            numerator: { profile in
              let p = m.paired(profile)
              return profile.needs[index]
                * (p * m.childReportsService(index, need: true, paired: true)
                  + (1 - p) * m.childReportsService(index, need: true, paired: false))
            }, denominator: { $0.needs[index] })
        })
    }

    // Outcomes from scales and single answers.
    table["outcome_wellbeing"] = .scale("wellbeing", population: nil, .all)
    table["outcome_low_wellbeing"] = .scale("wellbeing", population: nil, .all)
    table["outcome_loneliness"] = .scale("loneliness", population: nil, .all)
    table["outcome_often_lonely"] = .scale("loneliness", population: nil, .all)
    table["outcome_knowledge"] = .scale("knowledge", population: nil, .all)
    table["outcome_knowledge_score"] = .scale("knowledge", population: nil, .all)
    table["outcome_relationship"] = .scale("relationship", population: isPaired, .paired)
    table["outcome_child_satisfied"] = .scale("child_satisfaction", population: isPaired, .paired)
    table["outcome_adjustment"] = .scale("adjustment", population: nil, .all)
    table["outcome_guardian_sees_improvement"] = .scale(
      "guardian_change", population: isPaired, .paired)
    table["outcome_guardian_satisfied"] = .scale(
      "guardian_satisfaction", population: isPaired, .paired)
    table["outcome_academic_progress"] = .answer(
      form: "teacher", question: "t_progress", population: nil, .all)
    table["outcome_academic_progress_lag"] = .answer(
      form: "teacher", question: "t_progress",
      population: "selected(${roster.needs}, 'academic_lag')", .academicLag)
    table["outcome_attendance"] = .answer(
      form: "teacher", question: "t_attendance", population: nil, .all)

    // Consistency between informants (both must have answered).
    table["consistency_contact"] = .closed(
      value: "\(level) = ${guardian.g_child_contact_freq}", population: isPaired,
      { m in
        zip(m.contact, m.contact.indices).reduce(0) { sum, pair in
          let (p, truth) = pair
          let child = m.childLevel(given: truth)
          let guardian = CountyModel.guardianReport[truth]
          return sum + p * zip(child, guardian).reduce(0) { $0 + $1.0 * $1.1 }
        }
      })
    let monthlyChild = "(\(level) = 'weekly' or \(level) = 'half_monthly' or \(level) = 'monthly')"
    let g = "${guardian.g_child_contact_freq}"
    let monthlyGuardian = "(\(g) = 'weekly' or \(g) = 'half_monthly' or \(g) = 'monthly')"
    table["consistency_contact_one_side"] = .closed(
      value:
        "(\(monthlyChild) and not(\(monthlyGuardian))) or (\(monthlyGuardian) and not(\(monthlyChild)))",
      population: isPaired,
      { m in
        zip(m.contact, m.contact.indices).reduce(0) { sum, pair in
          let (p, truth) = pair
          let c = m.childLevel(given: truth).prefix(3).reduce(0, +)
          let g = CountyModel.guardianReport[truth].prefix(3).reduce(0, +)
          return sum + p * (c * (1 - g) + (1 - c) * g)
        }
      })
    table["consistency_volunteer_known"] = .closed(
      value:
        "if(${child.knows_volunteer} = 'yes', 1, 0) + if(${teacher.t_knows_volunteer} != 'no', 1, 0) = 2",
      population: isPaired,
      { m in
        let link = m.parameters.schoolLink
        let teacher =
          link * (1 - CountyModel.teacherKnows[0][2]) + (1 - link)
          * (1 - CountyModel.teacherKnows[1][2])
        return teacher
          * zip(m.contact, m.contact.indices).reduce(0) {
            $0 + $1.0 * CountyModel.knowsVolunteer[$1.1][0]
          }
      })

    // Volunteer capacity and care teams.
    let active = "${volunteer.vol_status} = 'active'"
    table["capacity_trained"] = .closed(
      value: "${volunteer.trainings_12m} >= 1", population: active, { $0.parameters.trained })
    table["capacity_caseload"] = .closed(
      value: "${volunteer.children_paired}", population: active, { $0.expectedCaseload })
    let s = "${volunteer.speciality}"
    table["capacity_professional_share"] = .closed(
      value:
        "\(s) = 'teacher' or \(s) = 'doctor' or \(s) = 'counsellor' or \(s) = 'lawyer_judge' or \(s) = 'police'",
      population: active, { $0.parameters.specialityShares.prefix(5).reduce(0, +) })
    table["capacity_counsellor_for_psych"] = .closed(
      value: "selected(${roster.care_team}, 'counsellor')",
      population: "selected(${roster.needs}, 'psychological') and \(isPaired)",
      { $0.parameters.counsellorForPsych })
    table["capacity_teacher_for_academic"] = .closed(
      value: "selected(${roster.care_team}, 'teacher')",
      population: "selected(${roster.needs}, 'academic_lag') and \(isPaired)",
      { $0.parameters.teacherForAcademic })
    table["capacity_lawyer_for_legal"] = .closed(
      value:
        "selected(${roster.care_team}, 'lawyer_judge') or selected(${roster.care_team}, 'police')",
      population: "selected(${roster.needs}, 'legal_awareness') and \(isPaired)",
      { 1 - (1 - $0.parameters.lawyerForLegal) * (1 - $0.parameters.policeForLegal) })
    return table
  }()
}

extension CountyModel {
  /// Σ P(profile) · numerator(profile) over Σ P(profile) · denominator(profile).
  func profileRatio(numerator: (ChildProfile) -> Double, denominator: (ChildProfile) -> Double)
    -> Double
  {
    var num = 0.0
    var den = 0.0
    for profile in profiles {
      num += profile.probability * numerator(profile)
      den += profile.probability * denominator(profile)
    }
    return den > 0 ? num / den : 0
  }

  /// P(the `contact_level` a paired, answering child gives), by level.
  var childLevels: [Double] {
    var levels = Array(repeating: 0.0, count: Vocabulary.frequencies.count)
    for (truth, p) in contact.enumerated() {
      for (level, q) in childLevel(given: truth).enumerated() { levels[level] += p * q }
    }
    return levels
  }
}
