import Foundation

/// Log-gamma helpers that keep full double precision where a plain difference of
/// `lgamma` values would cancel (large arguments).
enum LogGamma {
  /// The remainder of Stirling's formula,
  /// `lnΓ(x) − ((x − ½)·ln x − x + ½·ln 2π)`, for x > 0.
  ///
  /// For x ≥ 10 the asymptotic series in the Bernoulli numbers B₂…B₁₄ is used;
  /// its first omitted term is below 1e-16 there. Below 10 the value is formed
  /// from `lgamma`, whose magnitude is then small enough not to lose digits.
  static func stirlingRemainder(_ x: Double) -> Double {
    if x >= 10 {
      let inverse = 1 / x
      let square = inverse * inverse
      // 1/12 − 1/(360x²) + 1/(1260x⁴) − 1/(1680x⁶) + 1/(1188x⁸) − 691/(360360x¹⁰) + 1/(156x¹²)
      var series = 1.0 / 156
      series = series * square - 691.0 / 360_360
      series = series * square + 1.0 / 1188
      series = series * square - 1.0 / 1680
      series = series * square + 1.0 / 1260
      series = series * square - 1.0 / 360
      series = series * square + 1.0 / 12
      return series * inverse
    }
    return lgamma(x) - ((x - 0.5) * log(x) - x + 0.5 * log(2 * Double.pi))
  }

  /// `ln Γ(a + ½) − ln Γ(a)` for a > 0, accurate to a few ulps for every a.
  ///
  /// For a ≥ 10 the two Stirling expansions are subtracted term by term, so the
  /// large `a·ln a` parts cancel exactly instead of in floating point.
  static func halfStepRatio(_ a: Double) -> Double {
    if a < 10 { return lgamma(a + 0.5) - lgamma(a) }
    let h = 0.5 / a
    // a·ln(a + ½) − (a − ½)·ln a − ½ = a·(ln(1 + h) − h) + ½·ln a, with a·h = ½.
    return a * (log1p(h) - h) + 0.5 * log(a)
      + stirlingRemainder(a + 0.5) - stirlingRemainder(a)
  }
}
