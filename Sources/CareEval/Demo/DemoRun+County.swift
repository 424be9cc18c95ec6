import SurveySchema

/// Per-county generation: parameters, villages, children and their responses, volunteers.
extension DemoRun {
  mutating func generate(_ county: DemoCounty) throws(DemoError) {
    let seed = options.seed
    let index = UInt64(county.index)
    var parameterRandom = DemoRandom(seed: seed, stream: [DemoStream.counties.rawValue, index])
    let base = CountyParameters.draw(province: county.province, random: &parameterRandom)
    let planted = DemoPlanting(kit: kit, formulas: formulas).plant(
      base, county: county.code, random: &parameterRandom)
    let model = CountyModel(planted)
    let answers = AnswerModel(
      county: model, catalog: catalog, paperNumbers: options.layout == .plain)

    var random = DemoRandom(seed: seed, stream: [DemoStream.children.rawValue, index])
    var volunteerRandom = DemoRandom(seed: seed, stream: [DemoStream.volunteers.rawValue, index])
    var metaRandom = DemoRandom(seed: seed, stream: [DemoStream.metadata.rawValue, index])
    var sampleRandom = DemoRandom(seed: seed, stream: [DemoStream.sample.rawValue, index])
    var registerRandom = DemoRandom(seed: seed, stream: [DemoStream.registers.rawValue, index])
    let villages = DemoPopulation.villages(children: county.children, random: &random)
    let sample =
      options.sample
      ? CountySample(
        villages: villages, villagesPerCounty: options.villagesPerCounty,
        childrenPerVillage: options.childrenPerVillage, random: &sampleRandom) : nil
    var pools = VolunteerPools(county: county.code, countyName: county.name, parameters: planted)
    var tally = CensusTally(count: kit.indicators.count)
    let villageWidth = max(3, String(villages.count).count)

    for (village, size) in villages.enumerated() {
      let visit = DemoCalendar.fieldworkStart + metaRandom.int(below: DemoCalendar.fieldworkDays)
      let interviewer = 1 + metaRandom.int(below: 12)
      let school = "\(county.name)\(DemoText.padded(village + 1, width: villageWidth))村小学"
      for position in 0..<size {
        let id =
          "\(county.code)-\(DemoText.padded(village + 1, width: villageWidth))-\(DemoText.padded(position + 1, width: 3))"
        let child = model.drawChild(
          id: id, village: village, pools: &pools, random: &random,
          volunteerRandom: &volunteerRandom)
        let weight = sample?.weight(village: village, position: position)
        var extras = RosterExtras(
          county: county.code, volunteerIDs: child.volunteers.map { pools.volunteers[$0].id })
        extras.school = child.inSchool ? school : nil
        if child.paired {
          extras.organisation = child.volunteers.lazy.compactMap { pools.volunteers[$0].team }.first
          let joined = child.volunteers.map { pools.volunteers[$0].joined }.max() ?? "2019-01-01"
          let earliest = max(DemoDates.dayNumber(2019, 1, 1), Self.dayNumber(joined))
          let latest = DemoDates.dayNumber(2026, 3, 31)
          extras.datePaired = DemoDates.day(
            earliest + random.int(below: max(1, latest - earliest + 1)))
        }
        if let weight {
          extras.weight = weight
          extras.stratum = county.code
          extras.psu = "\(county.code)-\(DemoText.padded(village + 1, width: villageWidth))"
        }
        let rosterForm = filler.fill(roster, random: &random) { entry, _, random in
          answers.roster(entry, child: child, extras: extras, random: &random)
        }
        var forms: [Respondent: FormAnswers] = [:]
        let paper = DemoText.padded(progress.done + 1, width: 7)
        for respondent in [Respondent.child, .guardian, .teacher] {
          guard let plan = questionnaires[respondent] else { continue }
          let responds =
            switch respondent {
            case .child: child.childResponds
            case .guardian: child.guardianResponds
            default: child.teacherResponds
            }
          guard responds else { continue }
          forms[respondent] = filler.fill(plan, random: &random) { entry, form, random in
            switch respondent {
            case .child:
              answers.child(
                entry, form: form, child: child, paperNumber: "C" + paper, random: &random)
            case .guardian:
              answers.guardian(
                entry, form: form, child: child, paperNumber: "G" + paper, random: &random)
            default:
              answers.teacher(
                entry, form: form, child: child, paperNumber: "T" + paper, random: &random)
            }
          }
        }
        let responses = Self.evaluated.map { respondent -> [Answer]? in
          respondent == .roster ? rosterForm.answers : forms[respondent]?.answers
        }
        tally.add(
          evaluator.evaluate(responses, unit: .child), unit: .child, indicators: kit.indicators)
        progress.advance()
        // Every child has a register row, sampled or not; its metadata has its own stream.
        let rosterMeta = registerMeta(month: 3, random: &registerRandom)
        guard sample == nil || weight != nil else { continue }
        let day = visit
        try write(.roster, rosterForm, meta: rosterMeta, county: county)
        rosterRows += 1
        for respondent in [Respondent.child, .guardian, .teacher] {
          guard let form = forms[respondent] else { continue }
          let meta = interviewMeta(
            respondent, day: day, interviewer: interviewer, county: county, random: &metaRandom)
          try write(respondent, form, meta: meta, county: county)
        }
      }
    }

    pools.addExited(random: &volunteerRandom)
    if let volunteer {
      for record in pools.volunteers {
        let form = filler.fill(volunteer, random: &volunteerRandom) { entry, _, random in
          answers.volunteer(entry, record: record, county: county.code, random: &random)
        }
        var responses = [[Answer]?](repeating: nil, count: Self.evaluated.count)
        responses[Self.evaluated.count - 1] = form.answers
        tally.add(
          evaluator.evaluate(responses, unit: .volunteer), unit: .volunteer,
          indicators: kit.indicators)
        try write(
          .volunteer, form, meta: registerMeta(month: 2, random: &registerRandom), county: county)
        volunteerRows += 1
      }
    }
    try truth.write(county: county, model: model, formulas: formulas, tally: tally)
  }

  /// Writes one response to its file, through the error injector.
  private mutating func write(
    _ respondent: Respondent, _ form: FormAnswers, meta: ResponseMeta, county: DemoCounty
  )
    throws(DemoError)
  {
    guard var output = outputs[respondent] else { return }
    output.serial += 1
    var meta = meta
    meta.serial = output.serial
    let cells = output.layout.cells(form, meta: meta)
    if injector.shouldInject() {
      output.serial += 1
      var earlier = meta
      let shift = 300 + (meta.uuid.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF } % 3300)
      earlier.start.seconds -= shift
      earlier.end.seconds -= shift
      earlier.received.seconds -= shift
      earlier.uuid = String(meta.uuid.reversed())
      earlier.serial = output.serial
      let duplicate = output.layout.cells(form, meta: earlier)
      try injector.inject(
        cells, duplicate: duplicate, layout: output.layout, form: form, subject: output.subject,
        to: output.file)
    } else {
      try output.file.write(cells)
    }
    outputs[respondent] = output
  }

  /// Metadata of a register row: entered or last updated in `month` of 2026.
  private func registerMeta(month: Int, random: inout DemoRandom) -> ResponseMeta {
    let day = DemoDates.dayNumber(2026, month, 1) + random.int(below: 28)
    let end = DemoDates.Moment(seconds: day * 86_400 + 9 * 3600 + random.int(below: 8 * 3600))
    let start = DemoDates.Moment(seconds: end.seconds - 120 - random.int(below: 480))
    let uuid = DemoText.uuid(&random)
    return ResponseMeta(
      start: start, end: end, uuid: uuid, serial: 0, received: end, submitter: 0, device: "",
      channel: "", ip: "")
  }

  /// Metadata of a questionnaire filled in on a village visit.
  private func interviewMeta(
    _ respondent: Respondent, day: Int, interviewer: Int, county: DemoCounty,
    random: inout DemoRandom
  ) -> ResponseMeta {
    let durations: ClosedRange<Int> =
      switch respondent {
      case .child: 480...1500
      case .guardian: 360...1200
      default: 180...600
      }
    let startSeconds = day * 86_400 + 8 * 3600 + 1800 + random.int(below: 8 * 3600)
    let start = DemoDates.Moment(seconds: startSeconds)
    let end = DemoDates.Moment(seconds: startSeconds + random.int(in: durations))
    let received = DemoDates.Moment(seconds: end.seconds + 60 + random.int(below: 3 * 3600))
    let uuid = DemoText.uuid(&random)
    let channel = ["微信", "直接访问", "手机提交"][random.categorical([0.6, 0.25, 0.15])]
    let ip =
      "\(1 + random.int(below: 223)).\(random.int(below: 256)).\(random.int(below: 256)).\(1 + random.int(below: 254))(\(county.placeLabel))"
    let device =
      "collect:" + String(UInt32(truncatingIfNeeded: interviewer &* 2_654_435_761), radix: 16)
    return ResponseMeta(
      start: start, end: end, uuid: uuid, serial: 0, received: received, submitter: interviewer,
      device: device,
      channel: channel, ip: ip)
  }

  /// The day number of an ISO date written by `DemoDates.day`.
  static func dayNumber(_ iso: String) -> Int {
    let parts = iso.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return DemoDates.dayNumber(2019, 1, 1) }
    return DemoDates.dayNumber(parts[0], parts[1], parts[2])
  }
}
