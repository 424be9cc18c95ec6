import Foundation
import SurveyIngest
import SurveyReports
import SurveySchema

/// The data-quality and headline parts of a report's input, from the ingestion
/// summary (quality.json): files, rejects by rule, response rates.
extension ReportInput {
  /// Files read, rejects by rule (with one located example each) and response
  /// rates per instrument and region. Warnings (`not-relevant`,
  /// `unknown-volunteer`) reject nothing and are left out of the rule counts.
  static func quality(_ summary: IngestSummary) -> ReportQuality {
    let files = summary.files.map {
      ReportFileQuality(
        file: displayPath($0.path), instrument: $0.form,
        layout: $0.layout?.displayName ?? ($0.failure == nil ? "" : "—"),
        encoding: $0.encoding?.displayName ?? "", read: $0.read, accepted: $0.accepted,
        rejected: $0.rejected)
    }
    var rejects: [ReportRejectCount] = []
    for file in summary.files {
      for rule in file.problems.keys.sorted() where !rule.isWarning {
        let example = file.examples.first { $0.rule == rule }.map { $0.diagnostic.description }
        rejects.append(
          ReportRejectCount(
            rule: rule.rawValue, file: displayPath(file.path), count: file.problems[rule] ?? 0,
            example: example ?? ""))
      }
    }
    let rates = summary.responseRates.map {
      ReportResponseRate(
        instrument: $0.form, regionCode: $0.region, expected: $0.registered, received: $0.responded)
    }
    return ReportQuality(files: files, rejectsByRule: rejects, responseRates: rates)
  }

  /// Questionnaires received per informant instrument (kit order), against the
  /// children in the register: the `all` row of the response rates.
  static func instrumentCounts(kit: Kit, summary: IngestSummary) -> [ReportInstrumentCount] {
    var counts: [ReportInstrumentCount] = []
    for instrument in kit.instruments {
      guard let respondent = instrument.respondent, respondent != .roster, respondent != .volunteer
      else { continue }
      guard
        let rate = summary.responseRates.first(where: {
          $0.form == instrument.formID && $0.region == "all"
        })
      else { continue }
      counts.append(
        ReportInstrumentCount(
          instrument: instrument.formID, label: title(of: instrument), expected: rate.registered,
          received: rate.responded))
    }
    return counts
  }

  /// A data file as the report names it: the path as given, without a leading `./`.
  static func displayPath(_ path: String) -> String {
    path.hasPrefix("./") ? String(path.dropFirst(2)) : path
  }
}
