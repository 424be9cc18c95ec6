import Testing

@testable import CareEval

/// The demo's own generator must match the published reference outputs, so that "the same
/// seed gives the same files" does not depend on the Swift release or the platform.
@Suite struct DemoRandomTests {
  @Test func splitMixFromZeroGivesThePublishedSequence() {
    // Published outputs of SplitMix64 started from state 0 (Vigna's splitmix64.c).
    var mixer = SplitMix64(state: 0)
    #expect(mixer.next() == 0xE220_A839_7B1D_CDAF)
    #expect(mixer.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(mixer.next() == 0x06C4_5D18_8009_454F)
    #expect(mixer.next() == 0xF88B_B8A8_724C_81EC)
  }

  @Test func xoshiroFromOneTwoThreeFourGivesThePublishedSequence() {
    // The outputs of the reference xoshiro256starstar.c from the state {1, 2, 3, 4}, as used
    // by the test suites of rand_xoshiro and other ports.
    var random = DemoRandom(state: (1, 2, 3, 4))
    let expected: [UInt64] = [
      11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
      607_988_272_756_665_600,
      16_172_922_978_634_559_625, 8_476_171_486_693_032_832, 10_595_114_339_597_558_777,
      2_904_607_092_377_533_576,
    ]
    #expect((0..<10).map { _ in random.next() } == expected)
  }

  @Test func aSeedAndStreamGiveTheSameNumbersEveryTimeAndOtherStreamsDiffer() {
    var a = DemoRandom(seed: 42, stream: [2, 7])
    var b = DemoRandom(seed: 42, stream: [2, 7])
    var c = DemoRandom(seed: 42, stream: [2, 8])
    var d = DemoRandom(seed: 43, stream: [2, 7])
    let first = (0..<8).map { _ in a.next() }
    #expect(first == (0..<8).map { _ in b.next() })
    #expect(first != (0..<8).map { _ in c.next() })
    #expect(first != (0..<8).map { _ in d.next() })
  }

  @Test func boundedIntegersStayInRangeAndReachBothEnds() {
    var random = DemoRandom(seed: 1)
    var seen = Set<Int>()
    for _ in 0..<2000 {
      let x = random.int(below: 7)
      #expect((0..<7).contains(x))
      seen.insert(x)
    }
    #expect(seen == Set(0..<7))
  }

  @Test func uniformNumbersHaveTheMomentsOfTheUniformDistribution() {
    // Mean 1/2 and variance 1/12; with 100,000 draws the standard errors are 0.0009 and 0.0003.
    var random = DemoRandom(seed: 9)
    let draws = (0..<100_000).map { _ in random.uniform() }
    let mean = draws.reduce(0, +) / Double(draws.count)
    let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count - 1)
    #expect(abs(mean - 0.5) < 0.005)
    #expect(abs(variance - 1.0 / 12) < 0.002)
    #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
  }

  @Test func selectionSamplingReturnsSortedDistinctIndicesOfTheRequestedSize() {
    var random = DemoRandom(seed: 3)
    for (k, n) in [(0, 5), (3, 10), (10, 10), (12, 10)] {
      let sample = random.sortedSample(k, of: n)
      #expect(sample.count == min(k, n))
      #expect(sample == sample.sorted())
      #expect(Set(sample).count == sample.count)
      #expect(sample.allSatisfy { (0..<n).contains($0) })
    }
  }

  @Test func selectionSamplingGivesEveryIndexTheSameChance() {
    // 3 of 6, 30,000 times: each index is chosen with probability 1/2 (sd of the share 0.003).
    var random = DemoRandom(seed: 5)
    var counts = Array(repeating: 0, count: 6)
    for _ in 0..<30_000 { for index in random.sortedSample(3, of: 6) { counts[index] += 1 } }
    for count in counts { #expect(abs(Double(count) / 30_000 - 0.5) < 0.015) }
  }
}
