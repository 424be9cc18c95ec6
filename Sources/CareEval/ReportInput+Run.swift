import SurveyIngest
import SurveyReports
import SurveySchema
import SurveyScoring

/// What one run tells a report beyond the estimates: counts from the register.
public struct ReportRegisterFacts: Sendable, Hashable {
  /// Children in the register paired with a volunteer or organisation; `nil` when
  /// the register does not say.
  public var childrenPaired: Int?
  /// Distinct strata in the register (0 without strata).
  public var strata: Int
  /// Distinct primary sampling units, counted within their strata (0 without PSUs).
  public var psus: Int

  /// Creates the facts.
  public init(childrenPaired: Int? = nil, strata: Int = 0, psus: Int = 0) {
    self.childrenPaired = childrenPaired
    self.strata = strata
    self.psus = psus
  }
}

extension ReportInput {
  /// Builds the input of a gap report from a kit and the results of one run.
  ///
  /// Indicators, regions and breakdown labels come from the kit (`label::zh` and
  /// `label::en`); the headline from the register and the response rates; data
  /// quality from the ingestion summary; the methods section from the scoring
  /// options and the design the run used.
  /// - Parameters:
  ///   - kit: the kit the run used.
  ///   - evaluation: the run's estimates, counts and quality summary.
  ///   - register: what the register says about pairing and the design.
  ///   - scoringOptions: the options of the run (breakdown, k, level, lonely PSUs).
  ///   - options: language and scope of the report.
  public init(
    kit: Kit, evaluation: EvaluationResult, register: ReportRegisterFacts,
    scoringOptions: ScoringOptions, options: ReportOptions
  ) {
    let scoring = evaluation.scoring
    let ingest = evaluation.quality
    let summary = scoring.summary
    let hasVolunteerRegister = ingest.files.contains { file in
      kit.instrument(formID: file.form)?.respondent == .volunteer && file.failure == nil
    }
    let headline = ReportHeadline(
      childrenInRegister: summary.childrenInRegister, childrenPaired: register.childrenPaired,
      volunteersInRegister: hasVolunteerRegister ? summary.volunteers : nil,
      instruments: Self.instrumentCounts(kit: kit, summary: ingest))
    let design: ReportDesign =
      summary.designMode == "taylor"
      ? .taylor(strata: max(register.strata, 1), psus: register.psus, weighted: summary.hasWeights)
      : .noDesign
    let (name, version) = Self.nameAndVersion(of: kit)
    let methods = ReportMethods(
      design: design, confidenceLevel: scoringOptions.confidenceLevel,
      minimumCount: scoringOptions.suppressionThreshold,
      lonelyPSU: SurveyReports.LonelyPSURule(rawValue: scoringOptions.lonelyPSU.rawValue)
        ?? .adjust,
      kitName: name, kitVersion: version)
    self.init(
      indicators: Self.indicators(of: kit),
      regions: Self.regions(of: kit, estimates: scoring.estimates),
      estimates: scoring.estimates, groupLabels: Self.groupLabels(of: kit, by: scoringOptions.by),
      headline: headline, quality: Self.quality(ingest), methods: methods, options: options)
  }
}
