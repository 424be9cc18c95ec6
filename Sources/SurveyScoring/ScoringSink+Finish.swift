import SurveySchema

extension ScoringSink {
  /// Turns the store into results, after ingestion has delivered every response.
  ///
  /// Children are the units of the child register (all children seen when the kit
  /// has no register or no register row arrived); informant responses about other
  /// children are counted but not estimated. Each child indicator is estimated over
  /// the register's design in every region at every level and, with a breakdown, in
  /// every group; volunteer indicators over the volunteer register as a census in
  /// the volunteers' regions. Then Cronbach's alpha per scale and kappa per agreement
  /// pair in every region. Results do not depend on the order of the rows read.
  /// - Returns: estimates, reliability, agreement, the scores table, diagnostics and counts.
  public func finish() -> ScoringResult {
    finish(parts: nil)
  }

  /// `finish()` with the child indicators split into `parts` groups (cores when `nil`).
  func finish(parts: Int?) -> ScoringResult {
    var children = self.children
    children.finishGrowing()
    var volunteers = self.volunteers
    volunteers.finishGrowing()
    let kit = plan.kit
    var diagnostics: [Diagnostic] = []

    // Without any register row (no roster in the kit, or no roster file), every child seen counts.
    let rosterPlan = kit.roster.flatMap { plan.forms[$0.formID] }
    let rosterBit: UInt32 = rosterPlan.map { accepted[$0.index] > 0 ? $0.bit : 0 } ?? 0
    let registered = (0..<children.count).filter { rosterBit == 0 || children.formMask[$0] & rosterBit != 0 }
    let design = RegisterDesign(sink: self, store: children, candidates: registered)
    diagnostics += design.diagnostics

    let groups =
      plan.breakdown.map { GroupMap(breakdown: $0, column: children.columns[$0.column]) } ?? GroupMap()
    var childDomains = DomainAssignment(
      tree: kit.regions, language: plan.options.language, store: children, regionColumn: plan.childRegionColumn,
      groups: groups, breakdownLabel: plan.breakdown?.label)
    let withoutRegion = registered.filter {
      !childDomains.known[Int(childDomains.regionCode(unit: $0, store: children))]
    }
    if let first = withoutRegion.first, plan.childRegionColumn != nil {
      let code = plan.childRegionColumn.flatMap { children.value(column: $0, unit: first) }?.stringValue ?? ""
      let shown = code.isEmpty ? "a blank region" : "region code '\(code)', which the kit's region tree does not know"
      diagnostics.append(
        Diagnostic(
          .warning, at: kit.roster?.location ?? SourceLocation(file: "roster", row: 1, column: 0),
          "\(withoutRegion.count) children in the register (the first is \(children.ids[first])) have \(shown); they count only in the whole data set (region all)"
        ))
    }

    let estimation = IndicatorEstimation(
      indicators: plan.indicators.filter { $0.unit == .child }, kit: kit, options: plan.options, today: plan.today)
    let (childRows, childProblems) = estimation.run(
      store: children, design: design, assignment: &childDomains, parts: parts)
    diagnostics += childProblems

    let volunteerDesign = RegisterDesign(census: Array(0..<volunteers.count), store: volunteers)
    var volunteerDomains = DomainAssignment(
      tree: kit.regions, language: plan.options.language, store: volunteers, regionColumn: plan.volunteerRegionColumn,
      groups: GroupMap(), breakdownLabel: nil)
    let volunteerEstimation = IndicatorEstimation(
      indicators: plan.indicators.filter { $0.unit == .volunteer }, kit: kit, options: plan.options, today: plan.today)
    let (volunteerRows, volunteerProblems) = volunteerEstimation.run(
      store: volunteers, design: volunteerDesign, assignment: &volunteerDomains)
    diagnostics += volunteerProblems

    var estimates: [Estimate] = []
    for indicator in kit.indicators {
      estimates += childRows[indicator.name] ?? volunteerRows[indicator.name] ?? []
    }

    var reliability: [ReliabilityEstimate] = []
    for (unit, store, members, domains) in [
      (UnitKind.child, children, design.members, childDomains),
      (UnitKind.volunteer, volunteers, volunteerDesign.members, volunteerDomains),
    ] {
      let scales = plan.scaleColumns(of: unit).filter { $0.scorer.items.count >= 2 }
      let columns = scales.map(\.itemColumns)
      let estimation = ReliabilityEstimation(
        scales: scales, itemColumns: columns, suppressionThreshold: plan.options.suppressionThreshold)
      reliability += estimation.run(store: store, members: members, assignment: domains)
    }
    let agreementEstimation = AgreementEstimation(
      pairs: plan.agreements, today: plan.today, suppressionThreshold: plan.options.suppressionThreshold)
    let agreement = agreementEstimation.run(store: children, members: design.members, assignment: childDomains)

    let scores = ScoresTable(plan: plan, store: children, units: registered, regions: childDomains.resolvedCodes)
    var responses: [String: Int] = [:]
    for form in plan.formList where accepted[form.index] > 0 {
      responses[form.form] = accepted[form.index] - replaced[form.index]
    }
    let summary = ScoringSummary(
      childrenInRegister: registered.count, childrenInDesign: design.members.count,
      childrenNotInRegister: children.count - registered.count, childrenWithoutRegion: withoutRegion.count,
      volunteers: volunteers.count, responses: responses, designMode: design.design.mode.rawValue,
      hasStrata: design.hasStrata,
      hasPSUs: design.design.hasPSU, hasWeights: design.hasWeights)
    return ScoringResult(
      estimates: estimates, reliability: reliability, agreement: agreement, scores: scores,
      diagnostics: diagnostics.sorted(), summary: summary)
  }
}
