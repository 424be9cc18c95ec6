import Foundation

extension StudentT {
  /// The quantile function (inverse CDF): the t with P(T ≤ t) = p.
  ///
  /// Starts from the better of a Cornish–Fisher expansion around the normal
  /// quantile and the power-law tail of the t density, then applies Halley steps
  /// on the CDF, kept inside a shrinking bracket (bisection when a step leaves it).
  ///
  /// - Parameter p: a probability; 0 gives −∞, 1 gives +∞, outside [0, 1] gives NaN.
  public func quantile(_ p: Double) -> Double {
    guard degreesOfFreedom > 0, p >= 0, p <= 1 else { return .nan }
    if p == 0.5 { return 0 }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    // Solve P(T ≤ −s) = tail for s > 0; 1 − p is exact for p ≥ ½ (Sterbenz).
    let tail = p < 0.5 ? p : 1 - p
    let s = tailMagnitude(for: tail)
    return p < 0.5 ? -s : s
  }

  /// The s > 0 with `lowerTail(magnitude: s) == tail`, for 0 < tail < ½.
  private func tailMagnitude(for tail: Double) -> Double {
    let nu = degreesOfFreedom
    var s = startingMagnitude(for: tail)
    var low = 0.0
    var high = Double.infinity
    for _ in 0..<200 {
      let g = lowerTail(magnitude: s) - tail
      if g == 0 { return s }
      if g > 0 { low = s } else { high = s }  // the tail falls as s grows
      let f = density(s)
      var next = s
      if f > 0 && f.isFinite {
        let newton = g / f  // Newton step is s + g/f, since d(tail)/ds = −f
        let curvature = nu.isInfinite ? s : (nu + 1) * s / (nu + s * s)
        next = s + newton / (1 - 0.5 * newton * curvature)
      }
      if !(next > low && next < high) || !next.isFinite {
        next = high.isFinite ? 0.5 * (low + high) : max(2 * s, 1)
      }
      if abs(next - s) <= 2 * Double.ulpOfOne * next { return next }
      s = next
    }
    return s
  }

  /// A first guess for the magnitude of the `tail` quantile.
  private func startingMagnitude(for tail: Double) -> Double {
    let nu = degreesOfFreedom
    if nu == 1 { return 1 / tan(Double.pi * tail) }
    if nu == 2 { return (1 - 2 * tail) / (2 * tail * (1 - tail)).squareRoot() }
    let z = roughNormalMagnitude(for: tail)
    if nu.isInfinite { return z }
    // Cornish–Fisher expansion of the t quantile in powers of 1/ν.
    let z2 = z * z
    let g1 = (z2 + 1) * z / 4
    let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
    let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
    let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92_160
    let expansion = z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu
    // Power-law tail: P(T ≤ −s) ≈ c·s^(−ν)/ν with c the density constant times ν^((ν+1)/2).
    let logC = LogGamma.halfStepRatio(nu / 2) - 0.5 * log(nu * Double.pi) + (nu + 1) / 2 * log(nu)
    let power = exp((logC - log(nu) - log(tail)) / nu)
    let candidates = [expansion, power].filter { $0.isFinite && $0 > 0 }
    let miss = { (s: Double) in abs(log(self.lowerTail(magnitude: s)) - log(tail)) }
    return candidates.min { miss($0) < miss($1) } ?? max(z, 1)
  }

  /// The upper-tail normal quantile to about 4.5e-4 (Abramowitz & Stegun 26.2.23).
  private func roughNormalMagnitude(for tail: Double) -> Double {
    let u = (-2 * log(tail)).squareRoot()
    let numerator = 2.515_517 + u * (0.802_853 + u * 0.010_328)
    let denominator = 1 + u * (1.432_788 + u * (0.189_269 + u * 0.001_308))
    return max(u - numerator / denominator, 1e-3)
  }
}
