import SurveySchema

/// Estimates the indicators of one kind of unit in every domain: evaluates each
/// indicator per unit, feeds every unit of the design (respondent or not) into a
/// mergeable accumulator, and turns the domain summaries into `estimates.csv` rows
/// with targets, statuses and q-values.
///
/// The indicators are split into groups that run on separate cores, each group with
/// its own accumulator over all units. Indicators never share sums, so the numbers
/// are the same however many groups there are.
struct IndicatorEstimation {
  let indicators: [BoundIndicator]
  let kit: Kit
  let options: ScoringOptions
  let today: String

  /// What one group of indicators produced.
  private struct Part: Sendable {
    var rows: [String: [Estimate]] = [:]
    var diagnostics: [Diagnostic] = []
    var assignment: DomainAssignment
  }

  /// The estimate rows per indicator name, and the problems found.
  /// - Parameter parts: how many groups to split the indicators into (cores by default).
  func run(store: UnitStore, design: RegisterDesign, assignment: inout DomainAssignment, parts: Int? = nil) -> (
    rows: [String: [Estimate]], diagnostics: [Diagnostic]
  ) {
    guard !indicators.isEmpty else { return ([:], []) }
    let ranges = ParallelWork.ranges(indicators.count, parts: parts ?? ParallelWork.cores)
    let start = assignment
    let results = ParallelWork.map(ranges.count) { part in
      run(ranges[part], store: store, design: design, assignment: start)
    }
    var rows: [String: [Estimate]] = [:]
    var diagnostics: [Diagnostic] = []
    for part in results {
      rows.merge(part.rows) { first, _ in first }
      diagnostics += part.diagnostics
    }
    if let last = results.last { assignment = last.assignment }
    return (rows, diagnostics)
  }

  private func run(_ range: Range<Int>, store: UnitStore, design: RegisterDesign, assignment: DomainAssignment) -> Part {
    var part = Part(assignment: assignment)
    let bound = Array(indicators[range])
    var evaluators = bound.map { IndicatorEvaluator($0, store: store, today: today) }
    let kinds = bound.map { $0.indicator.kind == .proportion ? MeasureKind.proportion : .mean }
    var accumulator = SurveyAccumulator(design: design.design, kinds: kinds)
    var values = [Double?](repeating: nil, count: bound.count)
    var invalid: [Int: (count: Int, unit: Int, value: Value)] = [:]

    for unit in design.members {
      for i in evaluators.indices {
        let outcome = evaluators[i].outcome(unit: unit, store: store)
        if case .invalid(let value) = outcome {
          let seen = invalid[i]
          invalid[i] = (count: (seen?.count ?? 0) + 1, unit: seen?.unit ?? unit, value: seen?.value ?? value)
        }
        values[i] = outcome.number
      }
      let domains = part.assignment.domains(unit: unit, store: store)
      do {
        try accumulator.add(
          values, weight: design.weight(unit), stratum: design.stratum(unit), psu: design.psu(unit), domains: domains)
      } catch {
        let name = error.variable.map { bound[$0].indicator.name } ?? "design"
        part.diagnostics.append(
          Diagnostic(
            .error, at: kit.roster?.location ?? SourceLocation(file: "roster", row: 1, column: 0),
            "unit \(store.ids[unit]), \(name): \(error.description)"))
      }
    }

    let summaries = accumulator.summaries()
    let estimationOptions = EstimationOptions(
      confidenceLevel: options.confidenceLevel, minimumCount: options.suppressionThreshold)
    let domains = part.assignment.orderedDomains()
    let catalog = part.assignment.catalog
    for (i, indicatorBound) in bound.enumerated() {
      let indicator = indicatorBound.indicator
      if let problem = invalid[i] {
        let expected = indicator.kind == .proportion ? "true/false or 0/1" : "a number"
        part.diagnostics.append(
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
      part.rows[indicator.name] = request.estimates(from: summaries[i], kind: kinds[i])
    }
    return part
  }
}
