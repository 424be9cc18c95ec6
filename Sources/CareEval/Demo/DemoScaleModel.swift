import Foundation

/// A latent trait's spread around its mean: a discrete grid, so that the generator draws
/// from exactly the distribution the truth is computed from (31 points 0.3 apart, weights
/// proportional to the standard normal density; its sd is 1.0004).
enum LatentGrid {
  static let offsets: [Double] = (-15...15).map { Double($0) * 0.3 }
  static let weights: [Double] = {
    let raw = offsets.map { exp(-$0 * $0 / 2) }
    let total = raw.reduce(0, +)
    return raw.map { $0 / total }
  }()
  static let cumulative: [Double] = {
    var sum = 0.0
    return weights.map {
      sum += $0
      return sum
    }
  }()

  /// One draw of the offset.
  static func draw(_ random: inout DemoRandom) -> Double {
    let u = random.uniform()
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] > u { high = middle } else { low = middle + 1 }
    }
    return offsets[low]
  }
}

/// One Likert-type item (or quiz item) as the model generates it: an ordered-probit
/// response to a latent trait. The answer is category c (0-based) when
/// `sign * latent + noise * e`, e standard normal, lies between cutpoints c-1 and c.
struct ItemModel: Sendable {
  /// The choice names in ascending order of their scored value.
  var choices: [String]
  /// The item's score per category after the scale's reversal (`item_min + item_max - x`).
  var scored: [Double]
  var cutpoints: [Double]
  /// -1 for items the scale scores reversed (worded against the trait), else 1.
  var sign: Double
  var noise: Double
  /// P(left blank), for items that are not required.
  var blank: Double

  /// P(each category | latent).
  func categoryProbabilities(latent: Double) -> [Double] {
    var result: [Double] = []
    var previous = 0.0
    for cut in cutpoints {
      let below = normalCDF((cut - sign * latent) / noise)
      result.append(below - previous)
      previous = below
    }
    result.append(1 - previous)
    return result
  }

  /// A category drawn for this latent value.
  func draw(latent: Double, random: inout DemoRandom) -> Int {
    let y = sign * latent + noise * random.normal()
    return cutpoints.reduce(0) { $0 + ($1 < y ? 1 : 0) }
  }
}

/// A scale as the model sees it: its items, how they are combined, and the fewest valid
/// items for a score (scales.csv).
struct ScaleModel: Sendable {
  var items: [ItemModel]
  var isSum: Bool
  var minValid: Int

  /// The distribution of the scale score of a respondent whose latent mean is `mean`
  /// (the latent is `mean` plus a `LatentGrid` offset): P(missing) and P(each score), the
  /// scores in ascending order. Items are independent given the latent; blanks are
  /// independent of the answers. Sums run in a fixed order, so results are reproducible.
  func distribution(mean: Double) -> (
    missing: Double, scores: [(score: Double, probability: Double)]
  ) {
    // Item scores are whole numbers in every kit seen (Likert values, 0/1 quiz scores);
    // other values are rounded to 1/1000 so that sums can index an array.
    let scale = items.allSatisfy { $0.scored.allSatisfy { $0 == $0.rounded() } } ? 1.0 : 1000.0
    let steps = items.map { $0.scored.map { Int(($0 * scale).rounded()) } }
    let low = steps.reduce(0) { $0 + ($1.min() ?? 0) }
    let high = steps.reduce(0) { $0 + ($1.max() ?? 0) }
    let width = max(0, high) - min(0, low) + 1
    let offset = -min(0, low)
    // total[count][sum + offset]: P(count items answered with this sum), over the grid.
    var total = [[Double]](repeating: [Double](repeating: 0, count: width), count: items.count + 1)
    var states = total
    for (shift, weight) in zip(LatentGrid.offsets, LatentGrid.weights) {
      for count in states.indices { for sum in 0..<width { states[count][sum] = 0 } }
      states[0][offset] = 1
      for (index, item) in items.enumerated() {
        let probabilities = item.categoryProbabilities(latent: mean + shift)
        let step = steps[index]
        for count in stride(from: index, through: 0, by: -1) {
          for sum in 0..<width {
            let p = states[count][sum]
            guard p > 0 else { continue }
            states[count][sum] = p * item.blank
            let kept = p * (1 - item.blank)
            for (category, q) in probabilities.enumerated() where q > 0 {
              states[count + 1][sum + step[category]] += kept * q
            }
          }
        }
      }
      for count in states.indices {
        for sum in 0..<width where states[count][sum] > 0 {
          total[count][sum] += weight * states[count][sum]
        }
      }
    }
    var missing = 0.0
    var scores: [Double: Double] = [:]
    for count in total.indices {
      for sum in 0..<width where total[count][sum] > 0 {
        if count < minValid || count == 0 {
          missing += total[count][sum]
        } else {
          let value = Double(sum - offset) / scale
          scores[isSum ? value : value / Double(count), default: 0] += total[count][sum]
        }
      }
    }
    return (missing, scores.keys.sorted().map { ($0, scores[$0] ?? 0) })
  }
}
