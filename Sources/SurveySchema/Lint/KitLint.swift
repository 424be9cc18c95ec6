/// `careeval lint`: everything wrong with a kit or an instrument folder, before any
/// data is read.
public enum KitLint {
  /// Loads a kit or instrument folder and checks it: each sheet on its own
  /// (`Kit.load(from:)`), then across sheets (form ids and respondents, scale items,
  /// targets, and every expression against the kit's names).
  /// - Parameter path: the kit or instrument folder.
  /// - Returns: the kit and every diagnostic, sorted.
  public static func lint(_ path: String) -> KitLoadResult {
    var result = Kit.load(from: path)
    result.diagnostics = (result.diagnostics + check(result.kit)).sorted()
    return result
  }

  /// The checks across sheets of a loaded kit.
  public static func check(_ kit: Kit) -> [Diagnostic] {
    checkInstruments(kit) + checkScales(kit) + checkTargets(kit) + checkExpressions(kit)
  }
}
