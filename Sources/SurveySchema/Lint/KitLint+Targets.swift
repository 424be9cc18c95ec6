extension KitLint {
  /// Targets against indicators and regions.
  static func checkTargets(_ kit: Kit) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let names = kit.indicators.map(\.name)
    for target in kit.targets {
      guard let indicator = kit.indicator(named: target.indicator) else {
        var message = "target for unknown indicator '\(target.indicator)'"
        message +=
          Suggestion.closest(to: target.indicator, among: names).map { "; did you mean '\($0)'?" }
          ?? ""
        diagnostics.append(Diagnostic(.error, at: target.location, message))
        continue
      }
      if let region = target.region {
        if RegionCode.level(of: region) == nil {
          diagnostics.append(
            Diagnostic(
              .error, at: target.regionLocation,
              "region code '\(region)' is not a 6-, 9- or 12-digit administrative code (PP0000 province, PPCC00 city, PPCCDD county)"
            ))
        } else if kit.regions.resolve(region) == nil {
          diagnostics.append(
            Diagnostic(
              .error, at: target.regionLocation,
              "target for unknown region \(region): it is not in regions.csv"))
        }
      }
      if indicator.kind == .proportion, !(0...1).contains(target.target) {
        diagnostics.append(
          Diagnostic(
            .error, at: target.targetLocation,
            "target \(format(target.target)) for proportion indicator '\(indicator.name)' is outside [0, 1]; write a share such as 0.8, not a percentage"
          ))
      }
    }
    return diagnostics
  }
}
