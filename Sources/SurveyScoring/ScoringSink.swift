import SurveySchema

/// The scoring end of ingestion: keeps a compact store of every child and volunteer
/// and, once every file is read, turns it into scores and estimates.
///
/// For each accepted response it keeps only what the kit's scales, indicators,
/// agreement pairs, design, regions and breakdown refer to, as small codes per unit
/// (a few bytes per child per field), and computes the form's scale scores at once.
/// A later response for the same form and subject replaces the earlier one.
/// Memory grows with the number of children, never with the number of rows.
///
/// ```swift
/// var sink = try ScoringSink(kit: kit, options: ScoringOptions(by: "category"))
/// try runner.run(into: &sink)            // ingestion calls accept(_:of:) per row
/// let result = sink.finish()
/// ```
public struct ScoringSink: ResponseSink, Sendable {
  let plan: ScoringPlan
  var children: UnitStore
  var volunteers: UnitStore
  /// Per child, the register's weight (NaN when blank or not given); empty until a
  /// register row has a weight.
  var weights: [Double] = []
  /// Per child, where its register row is: an index into `registerFiles` and the
  /// spreadsheet row (0 = no register row), for locating design problems.
  var registerFileIndex: [UInt16] = []
  var registerRows: [Int32] = []
  var registerFiles: [String] = []
  /// Accepted responses per form (by kit position), replacements included.
  private(set) var accepted: [Int]
  /// Responses that replaced an earlier one of the same form and subject, per form.
  private(set) var replaced: [Int]
  /// The last form seen, to skip the lookup for the rows of one file.
  private var lastForm: (id: String, index: Int)?
  /// Responses without a subject id, or of a form the kit does not have; not stored.
  private(set) var ignored = 0

  /// Prepares a sink for a kit.
  /// - Parameters:
  ///   - kit: the loaded kit (lint it first).
  ///   - options: breakdown, suppression, interval level, salt.
  /// - Throws: `ScoringError` when an indicator, agreement pair or scale cannot be
  ///   prepared (an unknown name, a reversed item without a range…) or `--by` names
  ///   no register field, or the confidence level is not strictly between 0 and 1;
  ///   every problem is listed with its location.
  public init(kit: Kit, options: ScoringOptions = ScoringOptions()) throws(ScoringError) {
    guard EstimationOptions.isValidConfidenceLevel(options.confidenceLevel) else {
      throw ScoringError(
        [
          Diagnostic(
            .error, at: SourceLocation(file: "options", row: 0, column: 0),
            "the confidence level must lie strictly between 0 and 1 (e.g. 0.95), not \(options.confidenceLevel)")
        ], isUsage: true)
    }
    plan = try ScoringPlan(kit: kit, options: options)
    children = UnitStore(columnCount: plan.childColumns)
    volunteers = UnitStore(columnCount: plan.volunteerColumns)
    accepted = Array(repeating: 0, count: plan.formList.count)
    replaced = accepted
  }

  /// The number of children seen (in the register or in any informant file).
  public var childCount: Int { children.count }

  /// The number of volunteers seen.
  public var volunteerCount: Int { volunteers.count }

  /// Accepted responses of a form so far.
  public func acceptedCount(form: String) -> Int { plan.forms[form].map { accepted[$0.index] } ?? 0 }

  /// Takes one accepted response: stores the referenced answers and the form's scale
  /// scores for its subject, replacing what an earlier response of the same form
  /// said about that subject.
  public mutating func accept(_ response: Response, of instrument: Instrument) {
    let index: Int
    if let last = lastForm, last.id == instrument.formID {
      index = last.index
    } else if let form = plan.forms[instrument.formID] {
      index = form.index
      lastForm = (instrument.formID, index)
    } else {
      ignored += 1
      return
    }
    guard let subject = response.subject, !subject.isEmpty else {
      ignored += 1
      return
    }
    let form = plan.formList[index]
    accepted[index] += 1
    switch form.unit {
    case .child:
      let unit = Self.store(response, subject: subject, form, in: &children, replaced: &replaced[index])
      if instrument.respondent == .roster { noteRegisterRow(response, unit: unit, weightSlot: form.weightSlot) }
    case .volunteer:
      Self.store(response, subject: subject, form, in: &volunteers, replaced: &replaced[index])
    }
  }

  /// Keeps a register row's weight and location. Weights are kept only once a
  /// register row has one (a census needs none).
  private mutating func noteRegisterRow(_ response: Response, unit: Int, weightSlot: Int?) {
    let missing = children.count - registerRows.count
    if missing > 0 {
      registerRows.append(contentsOf: repeatElement(0, count: missing))
      registerFileIndex.append(contentsOf: repeatElement(0, count: missing))
    }
    if let slot = weightSlot {
      let weight = (slot < response.answers.count ? response.answers[slot].value : nil)?.numberValue ?? .nan
      if !weight.isNaN || !weights.isEmpty {
        if weights.count < children.count {
          weights.append(contentsOf: repeatElement(.nan, count: children.count - weights.count))
        }
        weights[unit] = weight
      }
    }
    let file = response.source.file
    let fileIndex = registerFiles.firstIndex(of: file) ?? registerFiles.count
    if fileIndex == registerFiles.count { registerFiles.append(file) }
    registerFileIndex[unit] = UInt16(clamping: fileIndex)
    registerRows[unit] = Int32(clamping: response.source.row)
  }

  @discardableResult
  private static func store(
    _ response: Response, subject: String, _ form: FormPlan, in units: inout UnitStore, replaced: inout Int
  ) -> Int {
    let unit = units.intern(subject)
    if units.formMask[unit] & form.bit != 0 { replaced += 1 }
    units.markResponse(unit, bit: form.bit)
    let answers = response.answers
    for (slot, column) in form.copies {
      units.set(slot < answers.count ? answers[slot].value : nil, column: column, unit: unit)
    }
    for scale in form.scales {
      let score = scale.scorer.score(answers) { item, x in
        units.set(x.map(Value.number), column: scale.itemColumns[item], unit: unit)
      }
      units.set(score.map(Value.number), column: scale.scoreColumn, unit: unit)
    }
    return unit
  }
}
