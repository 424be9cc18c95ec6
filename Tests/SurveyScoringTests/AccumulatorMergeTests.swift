import Testing

@testable import SurveyScoring

/// Merging is commutative and associative, and estimates do not depend on how rows
/// are chunked or ordered (to 1e-12 relative; counts and df exactly).
@Suite struct AccumulatorMergeTests {
  static let designs: [SurveyDesign] = [
    SurveyDesign(mode: .taylor, hasPSU: true),
    SurveyDesign(mode: .taylor, hasPSU: true, lonelyPSU: .remove),
    SurveyDesign(mode: .taylor, hasPSU: false),
    .noDesign,
  ]

  static func expectSameSummaries(
    _ a: SurveyAccumulator, _ b: SurveyAccumulator, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let left = a.summaries()
    let right = b.summaries()
    for variable in left.indices {
      #expect(
        Set(left[variable].keys) == Set(right[variable].keys), "\(label): domains",
        sourceLocation: sourceLocation)
      for (domain, x) in left[variable] {
        guard let y = right[variable][domain] else { continue }
        #expect(
          x.n == y.n && x.positives == y.positives && x.df == y.df, "\(label): counts",
          sourceLocation: sourceLocation)
        expectClose(
          x.estimate, y.estimate, relative: 1e-12, "\(label) est d\(domain) v\(variable)",
          sourceLocation: sourceLocation)
        expectClose(
          x.se, y.se, relative: 1e-12, "\(label) se d\(domain) v\(variable)",
          sourceLocation: sourceLocation)
      }
    }
  }

  @Test(arguments: designs)
  func mergeIsCommutativeAndAssociative(design: SurveyDesign) throws {
    for seed in 1...4 as ClosedRange<UInt64> {
      let rows = SyntheticRow.sample(count: 600, seed: seed)
      var random = SeededGenerator(seed: seed &* 7919)
      let cuts = [
        Int.random(in: 1..<300, using: &random), Int.random(in: 300..<599, using: &random),
      ]
      let a = try SyntheticRow.accumulate(rows[..<cuts[0]], design: design)
      let b = try SyntheticRow.accumulate(rows[cuts[0]..<cuts[1]], design: design)
      let c = try SyntheticRow.accumulate(rows[cuts[1]...], design: design)
      let whole = try SyntheticRow.accumulate(rows, design: design)
      let leftFirst = a.merged(with: b).merged(with: c)
      let rightFirst = a.merged(with: b.merged(with: c))
      let swapped = c.merged(with: a).merged(with: b)
      Self.expectSameSummaries(leftFirst, rightFirst, "associative, seed \(seed)")
      Self.expectSameSummaries(leftFirst, swapped, "commutative, seed \(seed)")
      Self.expectSameSummaries(leftFirst, whole, "chunked vs whole, seed \(seed)")
      #expect(leftFirst.psuCountByStratum == whole.psuCountByStratum)
    }
  }

  @Test(arguments: designs)
  func estimatesDoNotDependOnRowOrderOrChunkSize(design: SurveyDesign) throws {
    let rows = SyntheticRow.sample(count: 800, seed: 42)
    var random = SeededGenerator(seed: 4242)
    let shuffled = rows.shuffled(using: &random)
    let whole = try SyntheticRow.accumulate(rows, design: design)
    var chunked = SurveyAccumulator(design: design, kinds: [.mean, .proportion])
    var start = 0
    while start < shuffled.count {
      let end = min(shuffled.count, start + Int.random(in: 1...97, using: &random))
      chunked.merge(try SyntheticRow.accumulate(shuffled[start..<end], design: design))
      start = end
    }
    Self.expectSameSummaries(whole, chunked, "shuffled and chunked")
  }

  @Test func mergingMomentsMatchesAddingTheirRows() {
    var random = SeededGenerator(seed: 9)
    var one = ClusterMoments()
    var parts = [ClusterMoments(), ClusterMoments(), ClusterMoments()]
    for index in 0..<300 {
      let y = Double.random(in: 10...20, using: &random)
      let w = Double.random(in: 0.1...5, using: &random)
      one.addRow(y, weight: w)
      parts[index % 3].addRow(y, weight: w)
    }
    var merged = parts[2]
    merged.merge(parts[0])
    merged.merge(parts[1])
    #expect(merged.clusters == one.clusters && merged.rows == one.rows)
    for (x, y, name) in [
      (merged.weight, one.weight, "weight"), (merged.mean, one.mean, "mean"),
      (merged.spread, one.spread, "spread"), (merged.lean, one.lean, "lean"),
      (merged.weightSpread, one.weightSpread, "weight spread"),
    ] {
      expectClose(x, y, relative: 1e-12, name)
    }
  }
}
