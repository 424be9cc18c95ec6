import Foundation

extension StudentT {
  /// P(T ≤ −s) for large ν by an expansion in incomplete gamma functions.
  ///
  /// With x = e^(−u), u = ln(1 + s²/ν) and a = ν/2,
  /// `I_x(a, ½) = (1/B(a, ½)) ∫_u^∞ e^(−a·v) (1 − e^(−v))^(−½) dv`. Writing
  /// `(1 − e^(−v))^(−½) = v^(−½) Σ c_k v^k` and integrating term by term gives
  /// `Σ c_k a^(−k−½) Γ(k + ½, a·u)`, with `Γ(½, z) = √π·erfc(√z)` and the upward
  /// recurrence `Γ(k + 3/2, z) = (k + ½)·Γ(k + ½, z) + z^(k+½)·e^(−z)`. Every term is
  /// positive, so nothing cancels; the continued fraction, by contrast, loses digits
  /// when a is large and x is close to 1. Used for a ≥ 10 and u ≤ 1, where the
  /// terms fall by at least a factor 10 each.
  static func largeDFLowerTail(magnitude s: Double, degreesOfFreedom nu: Double) -> Double {
    let a = nu / 2
    let u = log1pSquareRatio(s, nu)
    let z = a * u
    var gamma = Double.pi.squareRoot() * erfc(z.squareRoot())  // Γ(½, z)
    var power = z.squareRoot() * exp(-z)  // z^(k+½)·e^(−z)
    var scale = 1.0  // a^(−k)
    var sum = 0.0
    for (k, coefficient) in tailSeriesCoefficients.enumerated() {
      let term = coefficient * scale * gamma
      sum += term
      if abs(term) <= 1e-17 * abs(sum) { break }
      gamma = (Double(k) + 0.5) * gamma + power
      power *= z
      scale /= a
    }
    // 1/B(a, ½) · a^(−½) = exp(lnΓ(a + ½) − lnΓ(a) − ½·ln a)/√π.
    let constant = exp(LogGamma.halfStepRatio(a) - 0.5 * log(a)) / Double.pi.squareRoot()
    return 0.5 * constant * sum
  }

  /// Whether `largeDFLowerTail` is the accurate choice for this ν and s.
  static func prefersLargeDFSeries(magnitude s: Double, degreesOfFreedom nu: Double) -> Bool {
    nu >= 20 && nu.isFinite && log1pSquareRatio(s, nu) <= 1
  }
}

/// Power-series coefficients c_k of `(v/(1 − e^(−v)))^½`, computed once: first the
/// reciprocal of `(1 − e^(−v))/v = Σ (−v)^n/(n + 1)!`, then its square root.
private let tailSeriesCoefficients: [Double] = {
  let count = 30
  var factorial = 1.0
  var quotient = [Double](repeating: 0, count: count)  // (1 − e^(−v))/v
  for n in 0..<count {
    factorial *= Double(n + 1)
    quotient[n] = (n % 2 == 0 ? 1 : -1) / factorial
  }
  var reciprocal = [Double](repeating: 0, count: count)  // v/(1 − e^(−v))
  reciprocal[0] = 1
  for n in 1..<count {
    var sum = 0.0
    for i in 1...n { sum += quotient[i] * reciprocal[n - i] }
    reciprocal[n] = -sum
  }
  var root = [Double](repeating: 0, count: count)
  root[0] = 1
  for n in 1..<count {
    var sum = 0.0
    for i in stride(from: 1, to: n, by: 1) { sum += root[i] * root[n - i] }
    root[n] = (reciprocal[n] - sum) / 2
  }
  return root
}()
