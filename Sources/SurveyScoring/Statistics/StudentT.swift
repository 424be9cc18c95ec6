import Foundation

/// Student's t distribution with any positive, possibly non-integer, degrees of freedom.
///
/// Implemented here rather than taken from a C library: the Debian candidates
/// (R's standalone `libRmath`, GSL) are GPL-licensed, and Boost.Math is C++ templates.
/// The CDF is the regularized incomplete beta function `I_x(ν/2, ½)` with
/// `x = ν/(ν + t²)`, evaluated by its continued fraction, except for ν ≥ 20 near the
/// centre, where an incomplete-gamma expansion keeps full precision
/// (`StudentT+LargeDF.swift`). The normalising constant uses an expansion of
/// `Γ(ν/2 + ½)/Γ(ν/2)` that does not cancel for large ν. Against 50-digit mpmath values
/// for 0.1 ≤ ν ≤ 1e7 (`Tests/SurveyScoringTests/Fixtures/t_values.csv`) the largest
/// relative error is 1e-13 for the CDF (deep in a tail, at a probability of 5e-210)
/// and 4e-14 for the quantile; scipy's own values differ from mpmath by up to 7e-14.
/// `ν = +∞` gives the standard normal distribution.
public struct StudentT: Sendable, Hashable {
  /// Degrees of freedom ν > 0.
  public var degreesOfFreedom: Double

  /// Creates the distribution with ν degrees of freedom.
  ///
  /// - Parameter degreesOfFreedom: ν; must be positive (or `+∞`). Other values make
  ///   every function return NaN.
  public init(degreesOfFreedom: Double) {
    self.degreesOfFreedom = degreesOfFreedom
  }

  private var isValid: Bool { degreesOfFreedom > 0 }

  /// P(T ≤ t), the lower-tail probability.
  public func cdf(_ t: Double) -> Double {
    guard isValid, !t.isNaN else { return .nan }
    let tail = lowerTail(magnitude: abs(t))
    return t < 0 ? tail : 1 - tail
  }

  /// P(T > t), the upper-tail probability, computed without cancellation.
  public func survival(_ t: Double) -> Double {
    guard isValid, !t.isNaN else { return .nan }
    let tail = lowerTail(magnitude: abs(t))
    return t > 0 ? tail : 1 - tail
  }

  /// The density at t.
  public func density(_ t: Double) -> Double {
    guard isValid, !t.isNaN else { return .nan }
    let nu = degreesOfFreedom
    if nu.isInfinite { return exp(-0.5 * t * t) / (2 * Double.pi).squareRoot() }
    let logConstant = LogGamma.halfStepRatio(nu / 2) - 0.5 * log(nu * Double.pi)
    return exp(logConstant - (nu + 1) / 2 * log1pSquareRatio(t, nu))
  }

  /// P(T ≤ −s) for s ≥ 0, that is `½·I_x(ν/2, ½)` with `x = ν/(ν + s²)`.
  func lowerTail(magnitude s: Double) -> Double {
    let nu = degreesOfFreedom
    if s == 0 { return 0.5 }
    if s.isInfinite { return 0 }
    if nu.isInfinite { return 0.5 * erfc(s / 2.0.squareRoot()) }
    if Self.prefersLargeDFSeries(magnitude: s, degreesOfFreedom: nu) {
      return Self.largeDFLowerTail(magnitude: s, degreesOfFreedom: nu)
    }
    let a = nu / 2
    let b = 0.5
    let x = 1 / (1 + s * s / nu)  // ν/(ν + s²)
    let y = 1 / (1 + nu / (s * s))  // s²/(ν + s²) = 1 − x
    // x^a · y^b / B(a, b), with 1/B(a, ½) = Γ(a + ½)/(Γ(a)·√π).
    let logPrefactor =
      -a * log1pSquareRatio(s, nu) + 0.5 * log(y)
      + LogGamma.halfStepRatio(a) - 0.5 * log(Double.pi)
    let prefactor = exp(logPrefactor)
    if x < (a + 1) / (a + b + 2) {
      let beta = prefactor * IncompleteBeta.continuedFraction(x: x, a: a, b: b) / a
      return 0.5 * beta
    }
    let complement = prefactor * IncompleteBeta.continuedFraction(x: y, a: b, b: a) / b
    return 0.5 * (1 - complement)
  }
}

/// `ln(1 + t²/ν)`, safe when t²/ν overflows.
func log1pSquareRatio(_ t: Double, _ nu: Double) -> Double {
  let ratio = t * t / nu
  if ratio.isFinite { return log1p(ratio) }
  return 2 * log(abs(t)) - log(nu) + log1p(nu / (t * t))
}
