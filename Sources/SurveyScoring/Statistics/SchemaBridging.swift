import SurveySchema

// The estimators keep their own small enums so that they do not depend on the kit
// model; these conversions connect them to `indicators.csv`.

extension MeasureKind {
  /// The measure kind of a kit indicator (`kind` column of `indicators.csv`).
  public init(_ kind: IndicatorKind) {
    switch kind {
    case .proportion: self = .proportion
    case .mean: self = .mean
    }
  }
}

extension TargetDirection {
  /// The direction of a kit indicator (`direction` column of `indicators.csv`).
  public init(_ direction: Direction) {
    switch direction {
    case .higher: self = .higher
    case .lower: self = .lower
    }
  }
}
