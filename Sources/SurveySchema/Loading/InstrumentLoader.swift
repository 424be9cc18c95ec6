/// Loads one instrument folder (survey.csv, choices.csv, settings.csv).
enum InstrumentLoader {
  /// Loads an instrument.
  /// - Parameters:
  ///   - directory: the folder on disk.
  ///   - folder: the folder's name relative to the kit root (`child`), or `""` for a lone instrument.
  ///   - inKit: whether the instrument is part of a kit (settings then matter more).
  /// - Returns: the instrument (`nil` when survey.csv is missing or unreadable) and the diagnostics.
  static func load(directory: String, folder: String, inKit: Bool) -> (Instrument?, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    func sheet(_ kind: SheetKind) -> SheetColumns? {
      guard let name = FileSystem.file(named: kind.fileName, in: directory) else { return nil }
      do {
        let sheet = try Sheet.read(
          path: FileSystem.join(directory, name), file: FileSystem.join(folder, name))
        let columns = SheetColumns(sheet, kind: kind)
        diagnostics += columns.diagnostics
        return columns
      } catch {
        diagnostics.append(error.diagnostic)
        return nil
      }
    }
    let surveyFile = FileSystem.join(folder, SheetKind.survey.fileName)
    guard FileSystem.file(named: SheetKind.survey.fileName, in: directory) != nil else {
      diagnostics.append(
        Diagnostic(
          .error, at: SourceLocation(file: surveyFile, row: 1, column: 1), "survey.csv is missing"))
      return (nil, diagnostics)
    }
    guard let survey = sheet(.survey) else { return (nil, diagnostics) }
    let settingsColumns = sheet(.settings)
    let settings = SettingsValues(
      settingsColumns, file: FileSystem.join(folder, SheetKind.settings.fileName))
    diagnostics += settings.diagnostics
    var lists: [ChoiceList] = []
    let choicesColumns = sheet(.choices)
    if let choicesColumns {
      let (loaded, problems) = ChoicesSheetLoader.load(
        choicesColumns, allowDuplicates: settings.allowChoiceDuplicates)
      lists = loaded
      diagnostics += problems
    }
    let choicesFile =
      choicesColumns?.sheet.file ?? FileSystem.join(folder, SheetKind.choices.fileName)
    var surveyLoader = SurveySheetLoader(columns: survey, lists: lists, choicesFile: choicesFile)
    surveyLoader.load()
    diagnostics += surveyLoader.diagnostics

    let fallbackID = folder.isEmpty ? lastComponent(of: directory) : lastComponent(of: folder)
    let formID = settings.formID ?? fallbackID
    if settings.formID == nil {
      let message =
        settingsColumns == nil
        ? "there is no settings.csv, so no form_id; the form is called '\(formID)' after its folder"
        : "settings has no form_id; the form is called '\(formID)' after its folder"
      diagnostics.append(
        Diagnostic(inKit ? .error : .warning, at: settings.formIDLocation, message))
    }
    var instrument = Instrument(
      formID: formID, title: settings.title, version: settings.version,
      defaultLanguage: settings.defaultLanguage,
      respondent: settings.respondent, questions: surveyLoader.questions,
      metadata: surveyLoader.metadata,
      unanalysed: surveyLoader.unanalysed, groups: surveyLoader.groups, choiceLists: lists,
      folder: folder.isEmpty ? "." : folder, location: settings.formIDLocation)
    diagnostics += InstrumentChecks.checkChoices(instrument)
    diagnostics += InstrumentChecks.applyFieldSettings(settings, to: &instrument, inKit: inKit)
    return (instrument, diagnostics)
  }

  private static func lastComponent(of path: String) -> String {
    FileSystem.name(of: path)
  }
}
