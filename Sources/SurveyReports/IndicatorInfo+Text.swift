extension IndicatorInfo {
  /// `越高越好` / `higher is better`.
  func directionText(_ language: ReportLanguage) -> String {
    switch (direction, language) {
    case (.higher, .zh): "越高越好"
    case (.lower, .zh): "越低越好"
    case (.higher, .en): "higher is better"
    case (.lower, .en): "lower is better"
    }
  }

  /// What kind of number the indicator is, and over which units.
  func kindText(_ language: ReportLanguage) -> String {
    let units =
      unit == .child ? (language == .zh ? "儿童" : "children") : (language == .zh ? "志愿者" : "volunteers")
    switch (kind, language) {
    case (.proportion, .zh): return "比例（每名\(units)记 0 或 1）"
    case (.mean, .zh): return "均值（按\(units)平均）"
    case (.proportion, .en): return "proportion of \(units) (0 or 1 each)"
    case (.mean, .en): return "mean over \(units)"
    }
  }

  /// Target(s) and direction: `80.0% · 越高越好`.
  func targetText(_ language: ReportLanguage) -> String {
    ReportFormat.targets(targets, kind, language) + " · " + directionText(language)
  }
}

/// Indicator kinds and labels by name, for the renderers' lookups.
struct IndicatorLookup {
  let kinds: [String: IndicatorKind]
  let labels: [String: String]

  init(_ report: GapReport) {
    var kinds: [String: IndicatorKind] = [:]
    var labels: [String: String] = [:]
    for indicator in report.indicators where kinds[indicator.name] == nil {
      kinds[indicator.name] = indicator.kind
      labels[indicator.name] = indicator.label
    }
    self.kinds = kinds
    self.labels = labels
  }
}
