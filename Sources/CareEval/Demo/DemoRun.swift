import Foundation
import SurveySchema

/// One data file being written: its instrument's plan, its layout and the file.
struct DemoOutput {
  let plan: FormPlan
  let layout: ColumnLayout
  let file: DemoCSVFile
  /// Slot of the child id (`settings.subject`), if any.
  let subject: Int?
  var serial = 0
}

/// The state of one `careeval demo` run.
struct DemoRun {
  let kit: Kit
  let options: DemoOptions
  let counties: [DemoCounty]
  let catalog: ItemCatalog
  let formulas: TruthFormulas
  let evaluator: IndicatorEvaluator
  let roster: FormPlan
  let volunteer: FormPlan?
  /// The questionnaires: child, guardian, teacher (those the kit has).
  let questionnaires: [Respondent: FormPlan]
  var outputs: [Respondent: DemoOutput] = [:]
  var filler = FormFiller()
  var injector: ErrorInjector
  var truth: DemoTruthWriter
  var files: [String] = []
  var progress: DemoProgress
  var rosterRows = 0
  var volunteerRows = 0

  /// The forms the indicator evaluator reads, in this order.
  static let evaluated: [Respondent] = [.roster, .child, .guardian, .teacher, .volunteer]

  init(kit: Kit, options: DemoOptions) throws(DemoError) {
    self.kit = kit
    self.options = options
    guard let roster = kit.roster else {
      throw DemoError("the kit at \(kit.root) has no child register (respondent roster)")
    }
    let catalog = ItemCatalog(kit: kit)
    self.catalog = catalog
    self.roster = try FormPlan(roster, catalog: catalog)
    volunteer = try kit.instruments(for: .volunteer).first.map { instrument throws(DemoError) in
      try FormPlan(instrument, catalog: catalog)
    }
    var questionnaires: [Respondent: FormPlan] = [:]
    for respondent in [Respondent.child, .guardian, .teacher] {
      if let instrument = kit.instruments(for: respondent).first {
        questionnaires[respondent] = try FormPlan(instrument, catalog: catalog)
      }
    }
    self.questionnaires = questionnaires
    formulas = TruthFormulas(kit: kit, catalog: catalog)
    let forms = Self.evaluated.map { kit.instruments(for: $0).first?.formID ?? "" }
    evaluator = try IndicatorEvaluator(kit: kit, forms: forms)
    counties = try DemoPopulation.counties(
      kit: kit, regions: options.regions, total: options.children, seed: options.seed)

    let directory = options.outputDirectory
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw DemoError("cannot create the folder \(directory): \(error.localizedDescription)")
    }
    let encoding = options.effectiveEncoding
    var files: [String] = []
    var outputs: [Respondent: DemoOutput] = [:]
    func open(_ plan: FormPlan, layout: DemoLayout) throws(DemoError) -> DemoOutput {
      var dialect = DemoDialect(encoding: encoding)
      if layout == .kobo {
        dialect.delimiter = 0x3B
        dialect.quoteAll = true
        dialect.crlf = true
      }
      let name = "\(plan.instrument.formID).csv"
      let columns = ColumnLayout(plan: plan, layout: layout)
      let file = try DemoCSVFile(directory: directory, name: name, dialect: dialect)
      try file.write(columns.headers)
      files.append(name)
      let subject = plan.instrument.subjectField.flatMap { plan.slots[$0] }
      return DemoOutput(plan: plan, layout: columns, file: file, subject: subject)
    }
    outputs[.roster] = try open(self.roster, layout: .plain)
    if let volunteer { outputs[.volunteer] = try open(volunteer, layout: .plain) }
    for respondent in [Respondent.child, .guardian, .teacher] {
      if let plan = questionnaires[respondent] {
        outputs[respondent] = try open(plan, layout: options.layout)
      }
    }
    let log =
      options.errorRate > 0
      ? try DemoCSVFile(
        directory: directory, name: "errors.csv", dialect: DemoDialect(encoding: .utf8)) : nil
    injector = try ErrorInjector(rate: options.errorRate, seed: options.seed, log: log)
    truth = try DemoTruthWriter(directory: directory, kit: kit)
    files.append("truth.csv")
    if log != nil { files.append("errors.csv") }
    self.outputs = outputs
    self.files = files
    progress = DemoProgress(total: options.children, enabled: options.showProgress)
  }

  mutating func generate() throws(DemoError) -> DemoSummary {
    for county in counties where county.children > 0 {
      try generate(county)
    }
    for respondent in [Respondent.roster, .volunteer, .child, .guardian, .teacher] {
      try outputs[respondent]?.file.close()
    }
    try truth.close()
    try injector.close()
    progress.finish()
    return DemoSummary(
      files: files, children: options.children, rosterRows: rosterRows, volunteers: volunteerRows,
      counties: counties.filter { $0.children > 0 }.count, injectedErrors: injector.count,
      notes: filler.notes.sorted())
  }
}
