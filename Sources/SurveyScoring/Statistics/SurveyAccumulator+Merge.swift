extension SurveyAccumulator {
  /// Adds the rows of `other`, built from other rows of the same file.
  ///
  /// Both must have the same design and variables, and take their domain, stratum
  /// and PSU ids from the same interners. A PSU whose rows are split between the
  /// two is combined, not counted twice.
  public mutating func merge(_ other: SurveyAccumulator) {
    precondition(
      design == other.design && kinds == other.kinds, "merging accumulators of different designs")
    let width = kinds.count
    for (otherSlot, key) in other.keys.enumerated() {
      let base = slot(for: key) * width
      let otherBase = otherSlot * width
      for index in 0..<width {
        if design.hasPSU {
          totals[base + index].merge(other.totals[otherBase + index])
        } else {
          moments[base + index].merge(other.moments[otherBase + index])
        }
      }
    }
    designPSUs.formUnion(other.designPSUs)
    designRows.merge(other.designRows, uniquingKeysWith: +)
  }

  /// The combination of two accumulators; see ``merge(_:)``.
  public func merged(with other: SurveyAccumulator) -> SurveyAccumulator {
    var result = self
    result.merge(other)
    return result
  }

  /// The number of PSUs per stratum id in the whole file (n_h of §3b).
  var psuCountByStratum: [Int: Int] {
    if design.hasPSU {
      var counts: [Int: Int] = [:]
      for key in designPSUs { counts[key.stratum, default: 0] += 1 }
      return counts
    }
    return designRows
  }
}
