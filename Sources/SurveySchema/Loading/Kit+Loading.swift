/// A loaded kit and everything found wrong while reading it.
public struct KitLoadResult: Sendable {
  /// The kit as far as it could be read (rows with errors are left out).
  public var kit: Kit
  /// Every problem found while reading, sorted by file, row and column.
  public var diagnostics: [Diagnostic]

  /// Creates a load result.
  public init(kit: Kit, diagnostics: [Diagnostic]) {
    self.kit = kit
    self.diagnostics = diagnostics
  }

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension Kit {
  /// Reads a kit folder (instrument subfolders plus scales.csv, indicators.csv,
  /// targets.csv, agreement.csv, and optional regions.csv and aliases.csv), or a
  /// single instrument folder (survey.csv, choices.csv, settings.csv) as a kit of one
  /// instrument. Sheet problems never throw: they become diagnostics located at
  /// file:row:column, and the rows concerned are left out of the model.
  ///
  /// This reads and checks each sheet on its own; `KitLint.lint(_:)` adds the checks
  /// across sheets (expressions, scale items, target regions…).
  /// - Parameter path: the kit or instrument folder.
  /// - Returns: the kit and the diagnostics.
  public static func load(from path: String) -> KitLoadResult {
    var diagnostics: [Diagnostic] = []
    guard FileSystem.isDirectory(path) else {
      let problem = FileSystem.exists(path) ? "is not a folder" : "does not exist"
      diagnostics.append(
        Diagnostic(
          .error, at: SourceLocation(file: ".", row: 1, column: 1),
          "\(path) \(problem); expected a kit or instrument folder"))
      return KitLoadResult(kit: Kit(root: path), diagnostics: diagnostics)
    }
    if FileSystem.file(named: SheetKind.survey.fileName, in: path) != nil {
      let (instrument, problems) = InstrumentLoader.load(directory: path, folder: "", inKit: false)
      let kit = Kit(root: path, instruments: instrument.map { [$0] } ?? [])
      return KitLoadResult(kit: kit, diagnostics: problems.sorted())
    }
    var kit = Kit(root: path)
    for entry in FileSystem.entries(of: path) {
      let directory = FileSystem.join(path, entry)
      guard FileSystem.isDirectory(directory),
        FileSystem.file(named: SheetKind.survey.fileName, in: directory) != nil
      else { continue }
      let (instrument, problems) = InstrumentLoader.load(
        directory: directory, folder: entry, inKit: true)
      diagnostics += problems
      if let instrument { kit.instruments.append(instrument) }
    }
    func sheet(_ kind: SheetKind) -> SheetColumns? {
      guard let name = FileSystem.file(named: kind.fileName, in: path) else { return nil }
      do {
        return SheetColumns(
          try Sheet.read(path: FileSystem.join(path, name), file: name), kind: kind)
      } catch {
        diagnostics.append(error.diagnostic)
        return nil
      }
    }
    let kitSheets = [SheetKind.scales, .indicators, .targets, .agreement, .regions, .aliases].filter
    {
      FileSystem.file(named: $0.fileName, in: path) != nil
    }
    if kit.instruments.isEmpty && kitSheets.isEmpty {
      diagnostics.append(
        Diagnostic(
          .error, at: SourceLocation(file: ".", row: 1, column: 1),
          "no survey.csv here or in any subfolder: expected a kit folder (instrument subfolders and kit sheets) or an instrument folder"
        ))
      return KitLoadResult(kit: kit, diagnostics: diagnostics.sorted())
    }
    if let columns = sheet(.scales) {
      let (scales, problems) = ScalesLoader.load(columns)
      kit.scales = scales
      diagnostics += problems
    }
    if let columns = sheet(.indicators) {
      let (indicators, problems) = IndicatorsLoader.loadIndicators(columns)
      kit.indicators = indicators
      diagnostics += problems
    }
    if let columns = sheet(.targets) {
      let (targets, problems) = IndicatorsLoader.loadTargets(columns)
      kit.targets = targets
      diagnostics += problems
    }
    if let columns = sheet(.agreement) {
      let (pairs, problems) = IndicatorsLoader.loadAgreements(columns)
      kit.agreements = pairs
      diagnostics += problems
    }
    let (regions, regionProblems) = RegionsLoader.load(
      regions: sheet(.regions), aliases: sheet(.aliases))
    kit.regions = regions
    diagnostics += regionProblems
    return KitLoadResult(kit: kit, diagnostics: diagnostics.sorted())
  }
}
