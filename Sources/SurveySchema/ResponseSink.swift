/// Where ingestion delivers accepted responses: the meeting point of SurveyIngest
/// (which produces them) and SurveyScoring (which consumes them), which never import
/// each other.
///
/// Ingestion calls `accept` once per accepted row, in file order, for every instrument,
/// the registers included (form `roster` with the child id as subject, form `volunteer`
/// with the volunteer id as subject). A later call for the same form and subject
/// replaces the earlier one: ingestion passes a duplicate on only when it is the one
/// kept (the latest by `submitted_at`) and rejects the other.
public protocol ResponseSink {
  /// Takes one accepted response of `instrument`.
  mutating func accept(_ response: Response, of instrument: Instrument)
}
