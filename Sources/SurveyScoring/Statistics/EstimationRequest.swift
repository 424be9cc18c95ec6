/// A domain as it appears in `estimates.csv`: the accumulator's domain id plus the
/// labels and target the caller knows.
public struct DomainKey: Sendable, Hashable, Codable {
  /// The domain id used when adding rows to the accumulator.
  public var id: Int
  /// Region code, or `all` for the whole data set.
  public var regionCode: String
  /// Region name.
  public var regionName: String
  /// `province`, `city`, `county`, … or `all`.
  public var level: String
  /// Blank, or a breakdown such as `category=orphan`.
  public var group: String
  /// The Benjamini–Hochberg family. By default the level, except that the overall
  /// row (region `all`, no group) forms a family of its own (§6).
  public var family: String
  /// The target for this indicator here, or `nil` when none applies.
  public var target: Double?

  /// Creates a domain key.
  ///
  /// - Parameters:
  ///   - id: the accumulator's domain id.
  ///   - regionCode: region code, or `all`.
  ///   - regionName: region name.
  ///   - level: region level, or `all`.
  ///   - group: blank, or the breakdown label.
  ///   - family: the BH family; `nil` for the default described at ``family``.
  ///   - target: the target, if any.
  public init(
    id: Int, regionCode: String, regionName: String, level: String, group: String = "",
    family: String? = nil, target: Double?
  ) {
    self.id = id
    self.regionCode = regionCode
    self.regionName = regionName
    self.level = level
    self.group = group
    self.target = target
    let isOverall = regionCode == "all" && group.isEmpty
    self.family = family ?? (isOverall ? "overall" : level)
  }
}

/// Everything needed to turn one variable's summaries into `estimates.csv` rows for
/// one indicator and one wave.
public struct EstimationRequest: Sendable, Hashable {
  /// The indicator name written in the `indicator` column.
  public var indicator: String
  /// Whether higher or lower values are better.
  public var direction: TargetDirection
  /// The domains to report, in output order. A domain without respondents gets a
  /// row with n = 0 (`suppressed`).
  public var domains: [DomainKey]
  /// Confidence level and suppression threshold.
  public var options: EstimationOptions

  /// Creates a request.
  public init(
    indicator: String, direction: TargetDirection, domains: [DomainKey],
    options: EstimationOptions = EstimationOptions()
  ) {
    self.indicator = indicator
    self.direction = direction
    self.domains = domains
    self.options = options
  }

  /// The rows of `estimates.csv` for this indicator, with q-values adjusted per
  /// family over the published (non-suppressed) domains.
  ///
  /// - Parameters:
  ///   - summaries: one variable's summaries by domain id, from
  ///     ``SurveyAccumulator/summaries()``.
  ///   - kind: the variable's kind, for domains without respondents.
  /// - Returns: one ``Estimate`` per domain, in `domains` order. A suppressed row keeps
  ///   only n, target and status.
  public func estimates(from summaries: [Int: DomainSummary], kind: MeasureKind) -> [Estimate] {
    let assessments = domains.map { domain in
      DomainAssessment(
        summaries[domain.id] ?? .empty(kind), target: domain.target, direction: direction,
        options: options)
    }
    var qValues = [Double?](repeating: nil, count: domains.count)
    let families = Dictionary(grouping: domains.indices.filter { assessments[$0].isPublished }) {
      domains[$0].family
    }
    for members in families.values {
      let adjusted = BenjaminiHochberg.adjust(members.map { assessments[$0].pValue })
      for (member, q) in zip(members, adjusted) { qValues[member] = q }
    }
    return domains.indices.map { index in
      row(domains[index], assessments[index], qValue: qValues[index])
    }
  }

  private func row(_ domain: DomainKey, _ assessment: DomainAssessment, qValue: Double?) -> Estimate
  {
    let published = assessment.isPublished
    let summary = assessment.summary
    return Estimate(
      indicator: indicator, regionCode: domain.regionCode, regionName: domain.regionName,
      level: domain.level, group: domain.group, n: summary.n,
      estimate: published ? summary.estimate : nil, se: published ? summary.se : nil,
      ciLow: published ? assessment.interval?.low : nil,
      ciHigh: published ? assessment.interval?.high : nil,
      df: published ? summary.df : nil, target: domain.target, status: assessment.status,
      pValue: assessment.pValue, qValue: qValue)
  }
}

extension SurveyAccumulator {
  /// The rows of `estimates.csv` for one variable; see
  /// ``EstimationRequest/estimates(from:kind:)``.
  ///
  /// - Parameters:
  ///   - request: the indicator, direction, domains and options.
  ///   - variable: the variable's index in `kinds`.
  public func estimates(for request: EstimationRequest, variable: Int = 0) -> [Estimate] {
    request.estimates(from: summaries(of: variable), kind: kinds[variable])
  }
}
