import SurveySchema

/// Estimates the indicators of one kind of unit in every domain: evaluates each
/// indicator per unit, feeds every unit of the design (respondent or not) into one
/// mergeable accumulator, and turns the domain summaries into `estimates.csv` rows
/// with targets, statuses and q-values.
struct IndicatorEstimation {
  let indicators: [BoundIndicator]
  let kit: Kit
  let options: ScoringOptions
  let today: String

  /// The estimate rows per indicator name, and the problems found.
  func run(store: UnitStore, design: RegisterDesign, assignment: inout DomainAssignment) -> (
    rows: [String: [Estimate]], diagnostics: [Diagnostic]
  ) {
    guard !indicators.isEmpty else { return ([:], []) }
    var evaluators = indicators.map { IndicatorEvaluator($0, store: store, today: today) }
    let kinds = indicators.map { $0.indicator.kind == .proportion ? MeasureKind.proportion : .mean }
    var accumulator = SurveyAccumulator(design: design.design, kinds: kinds)
    var values = [Double?](repeating: nil, count: indicators.count)
    var invalid: [Int: (count: Int, unit: Int, value: Value)] = [:]
    var diagnostics: [Diagnostic] = []

    for unit in design.members {
      for i in evaluators.indices {
        let outcome = evaluators[i].outcome(unit: unit, store: store)
        if case .invalid(let value) = outcome {
          let seen = invalid[i]
          invalid[i] = (count: (seen?.count ?? 0) + 1, unit: seen?.unit ?? unit, value: seen?.value ?? value)
        }
        values[i] = outcome.number
      }
      let domains = assignment.domains(unit: unit, store: store)
      do {
        try accumulator.add(
          values, weight: design.weight(unit), stratum: design.stratum(unit), psu: design.psu(unit), domains: domains)
      } catch {
        let name = error.variable.map { indicators[$0].indicator.name } ?? "design"
        diagnostics.append(
          Diagnostic(.error, at: kit.roster?.location ?? SourceLocation(file: "roster", row: 1, column: 0),
            "unit \(store.ids[unit]), \(name): \(error.description)"))
      }
    }

    let summaries = accumulator.summaries()
    let estimationOptions = EstimationOptions(
      confidenceLevel: options.confidenceLevel, minimumCount: options.suppressionThreshold)
    let domains = assignment.orderedDomains()
    let catalog = assignment.catalog
    var rows: [String: [Estimate]] = [:]
    for (i, bound) in indicators.enumerated() {
      let indicator = bound.indicator
      if let problem = invalid[i] {
        let expected = indicator.kind == .proportion ? "true/false or 0/1" : "a number"
        diagnostics.append(
          Diagnostic(
            .error, at: indicator.value.location,
            "indicator \(indicator.name): the value must be \(expected), but for \(store.ids[problem.unit]) it is '\(problem.value.stringValue)' (\(problem.count) units like this); the indicator is not estimated"
          ))
        continue
      }
      var keys: [DomainKey] = []
      keys.reserveCapacity(domains.count)
      var targets: [Int: Double?] = [:]
      for (r, g, id) in domains {
        let region = catalog.regions[r]
        let target: Double?
        if let cached = targets[r] {
          target = cached
        } else {
          target = kit.target(for: indicator.name, in: r == 0 ? nil : region.code)?.target
          targets[r] = target
        }
        keys.append(
          DomainKey(
            id: id, regionCode: region.code, regionName: region.name, level: region.level,
            group: catalog.groups[g], family: catalog.family(region: r, group: g), target: target))
      }
      let direction: TargetDirection = indicator.direction == .lower ? .lower : .higher
      let request = EstimationRequest(
        indicator: indicator.name, direction: direction, domains: keys, options: estimationOptions)
      rows[indicator.name] = request.estimates(from: summaries[i], kind: kinds[i])
    }
    return (rows, diagnostics)
  }
}
