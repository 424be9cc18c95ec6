/// A linear axis with "nice" ticks (steps of 1, 2, 2.5 or 5 times a power of ten).
struct ChartAxis {
  var low: Double
  var high: Double
  var step: Double
  var kind: IndicatorKind

  /// An axis covering `values` with a little room; proportions stay within [0, 1].
  init(covering values: [Double], kind: IndicatorKind, fromZero: Bool = false) {
    self.kind = kind
    var low = values.min() ?? 0
    var high = values.max() ?? 1
    if fromZero { low = min(0, low) }
    if high - low < 1e-9 {
      let pad = kind == .proportion ? 0.05 : max(abs(high) * 0.1, 0.5)
      low -= pad
      high += pad
    }
    let pad = (high - low) * 0.04
    if !fromZero { low -= pad }
    high += pad
    if kind == .proportion {
      low = max(0, low)
      high = min(1, high)
    }
    let step = Self.niceStep((high - low) / 5)
    self.step = step
    self.low = (low / step).rounded(.down) * step
    self.high = (high / step).rounded(.up) * step
    if kind == .proportion {
      self.low = max(0, self.low)
      self.high = min(1, self.high)
    }
  }

  private static func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    var power = 1.0
    while power * 10 <= raw { power *= 10 }
    while power > raw { power /= 10 }
    for multiple in [1.0, 2.0, 2.5, 5.0, 10.0] where multiple * power >= raw {
      return multiple * power
    }
    return 10 * power
  }

  /// Tick values from low to high.
  var ticks: [Double] {
    var ticks: [Double] = []
    var index = 0.0
    while low + index * step <= high + step * 1e-6 && ticks.count < 50 {
      ticks.append(low + index * step)
      index += 1
    }
    return ticks
  }

  /// A tick's label: whole percents where the step allows, otherwise one decimal more.
  func label(_ value: Double) -> String {
    switch kind {
    case .proportion:
      let decimals = (step * 100).rounded() == step * 100 ? 0 : 1
      return ReportFormat.plain(value * 100, decimals: decimals) + "%"
    case .mean:
      let decimals = step >= 1 ? 0 : (step >= 0.1 ? 1 : 2)
      return ReportFormat.plain(value, decimals: decimals)
    }
  }

  /// Maps a value onto [x0, x1], clamped.
  func position(_ value: Double, from x0: Double, to x1: Double) -> Double {
    guard high > low else { return x0 }
    let t = min(1, max(0, (value - low) / (high - low)))
    return x0 + t * (x1 - x0)
  }
}

/// Coordinates written with one decimal, so the SVG stays small and stable.
func svgNumber(_ x: Double) -> String {
  ReportFormat.plain(x, decimals: 1)
}
