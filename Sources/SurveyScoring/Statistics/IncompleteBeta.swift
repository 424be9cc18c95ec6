import Foundation

/// The continued fraction of the regularized incomplete beta function
/// (DLMF 8.17.22), evaluated with the modified Lentz method.
enum IncompleteBeta {
  /// Returns the continued-fraction factor F such that
  /// `I_x(a, b) = x^a (1 − x)^b / (a·B(a, b)) · F`.
  ///
  /// The fraction converges quickly for `x < (a + 1)/(a + b + 2)`; callers use the
  /// symmetry `I_x(a, b) = 1 − I_{1−x}(b, a)` on the other side. Iteration stops
  /// when a convergent changes by less than one unit in the last place.
  static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    let epsilon = Double.ulpOfOne / 2
    // The odd and even coefficients d_{2m+1} and d_{2m} of 1/(1 + d1/(1 + d2/(1 + …))).
    func guarded(_ value: Double) -> Double { abs(value) < tiny ? tiny : value }
    var c = 1.0
    var d = 1 / guarded(1 - (a + b) * x / (a + 1))
    var result = d
    let limit = max(1_000, Int(min(20 * (a + b).squareRoot() + 100, 5_000_000)))
    for m in 1...limit {
      let mm = Double(m)
      let even = mm * (b - mm) * x / ((a + 2 * mm - 1) * (a + 2 * mm))
      d = 1 / guarded(1 + even * d)
      c = guarded(1 + even / c)
      result *= d * c
      let odd = -(a + mm) * (a + b + mm) * x / ((a + 2 * mm) * (a + 2 * mm + 1))
      d = 1 / guarded(1 + odd * d)
      c = guarded(1 + odd / c)
      let step = d * c
      result *= step
      if abs(step - 1) <= epsilon { break }
    }
    return result
  }
}
