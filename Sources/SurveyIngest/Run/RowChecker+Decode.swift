import CSVStream
import SurveySchema

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decoding a row's cells into its answers.
extension RowChecker {
  /// Whether two answers are the same bits: then they hold the same references,
  /// and writing one over the other would only retain and release.
  @inline(__always)
  static func isSame(_ a: UnsafePointer<Answer>, _ b: UnsafePointer<Answer>) -> Bool {
    memcmp(a, b, MemoryLayout<Answer>.size) == 0
  }

  /// Writes an answer that holds no reference (blank, not asked, a number) unless
  /// the same bits are there already.
  @inline(__always)
  static func store(_ answer: Answer, at place: UnsafeMutablePointer<Answer>) {
    var answer = answer
    if !isSame(place, &answer) { place.pointee = answer }
  }

  /// Decodes a record's cells and checks them against the form's rules.
  mutating func check(_ record: CSVRawRecord) -> CheckedRow {
    let count = questions.count
    var faults: [Fault] = []
    var others: [(slot: Int, text: String)] = []
    // The answers are written over the previous row's array when the sink let go
    // of it (see `recycle`). A cell whose answer is bit for bit the one already in
    // place (the same choice, a blank again) is not written: that skips a retain
    // and a release. Common cells are decoded from the flat tables; the rest
    // (special cells, labels, invalid values, select_multiple) by the slot's
    // decoder, read through an unsafe buffer so that each call borrows it.
    decodedTime = nil
    var answers: [Answer] = []
    swap(&answers, &spareAnswers)
    if answers.count != count { answers = [Answer](repeating: .blank, count: count) }
    let tables = self.tables
    withExtendedLifetime(tables) {
      decoders.withUnsafeBufferPointer { decoders in
        answers.withUnsafeMutableBufferPointer { buffer in
          guard let row = buffer.baseAddress else { return }
          let kinds = tables.kinds
          let columns = tables.columns
          let singleByte = tables.singleByte
          let singleByteRow = tables.singleByteRow
          for slot in 0..<count {
            let kind = kinds[slot]
            switch kind {
            case .blank:
              Self.store(.blank, at: row + slot)
              continue
            case .extra:
              row[slot] = extraColumnsAnswer(
                record, slot: slot, decoder: decoders[slot], faults: &faults, others: &others)
              continue
            default: break
            }
            let column = columns[slot]
            let bytes = record.bytes(at: column)
            guard let base = bytes.baseAddress else {
              Self.store(.blank, at: row + slot)
              continue
            }
            // Every field is followed by a NUL, so an empty cell reads as 0 here.
            let first = base[0]
            if kind == .choice, bytes.count <= 1 {
              // Empty, blank and one-byte cells of a select_one: one table lookup.
              let code = Int(singleByte[singleByteRow[slot] &+ Int(first)])
              if code >= 0 {
                tables.put(code: code, slot: slot, into: row + slot)
                continue
              }
            }
            guard bytes.count > 0 else {
              Self.store(.blank, at: row + slot)
              continue
            }
            // Only cells starting with a space, tab, `n` (`n/a`), `(` or a full-width
            // bracket (`(跳过)`, `（空）`) or `-` (`-3`) can be special.
            let mayBeSpecial =
              first <= 0x20 || first == 0x6E || first == 0x28 || first == 0xEF || first == 0x2D
            if !mayBeSpecial || SpecialCell.classify(bytes, layout: layout) == nil {
              switch kind {
              case .choice:
                let code = bytes.count > 1 ? tables.code(slot, longCell: bytes) : -1
                if code >= 0 {
                  tables.put(code: code, slot: slot, into: row + slot)
                  continue
                }
              case .integer:
                if let x = NumberText.integer(bytes) {
                  Self.store(.value(.number(x)), at: row + slot)
                  continue
                }
              case .decimal:
                if let x = NumberText.decimal(bytes) {
                  Self.store(.value(.number(x)), at: row + slot)
                  continue
                }
              case .text:
                // A text that starts with a visible ASCII character, or with the lead
                // byte of a letter from U+00C0 to U+07FF or U+4000 to U+9FFF (no
                // whitespace there; Chinese is U+4E00 to U+9FFF), is not blank once
                // trimmed.
                if (first > 0x20 && first < 0x80) || (first >= 0xC3 && first <= 0xDF)
                  || (first >= 0xE4 && first <= 0xE9)
                {
                  row[slot] = .value(.string(String(decoding: bytes, as: UTF8.self)))
                  continue
                }
              case .dateTime:
                if let moment = DateText.moment(bytes: bytes) {
                  let text = moment.isoDateTime
                  row[slot] = .value(.string(text))
                  if slot == timeSlot { decodedTime = (text, moment.epochSeconds) }
                  continue
                }
              case .date:
                if let moment = DateText.moment(bytes: bytes) {
                  row[slot] = .value(.string(moment.isoDate))
                  continue
                }
              case .blank, .extra, .general: break
              }
            }
            // Special cells, labels, invalid values: decoded once per distinct
            // short cell of a select question (a file repeats the same few).
            let remember = kind != .text && bytes.count <= SlowCell.longest
            let known = remember ? slowCells[slot].entry(ofBytes: bytes) : nil
            let decoded: SlowCell
            if let known {
              decoded = slowCells[slot][known]
            } else {
              var other: String?
              let cell = decoders[slot].decode(bytes, other: &other)
              decoded = SlowCell(
                cell: cell, other: other, text: String(decoding: bytes, as: UTF8.self))
              if remember, slowCells[slot].count < SlowCell.limit {
                slowCells[slot].insert(bytes: bytes, decoded)
              }
            }
            switch decoded.cell {
            case .value(let value): row[slot] = .value(value)
            case .blank: row[slot] = .blank
            case .notAsked: row[slot] = .notAsked
            case .invalid(let fault):
              row[slot] = .blank
              faults.append(Fault(slot: slot, fault: fault, column: column, value: decoded.text))
            }
            if let other = decoded.other, let target = otherSlot[slot] {
              others.append((target, other))
            }
          }
        }
      }
    }
    for (slot, text) in others where answers[slot] == .blank && plan.feeds[slot].answer == nil {
      answers[slot] = .value(.string(text))
    }
    var metadata = [Answer](repeating: .blank, count: plan.metadataColumns.count)
    for (position, column) in plan.metadataColumns.enumerated() {
      if let column, !record.isEmpty(at: column), let text = record.string(at: column) {
        metadata[position] = .value(.string(text))
      }
    }
    var issues: [CellIssue] = []
    apply(&answers, metadata: metadata, faults: faults, record: record, issues: &issues)
    return CheckedRow(answers: answers, metadata: metadata, issues: issues)
  }

  /// The answer of a question fed by tick-box or other-text columns too.
  func extraColumnsAnswer(
    _ record: CSVRawRecord, slot: Int, decoder: QuestionDecoder, faults: inout [Fault],
    others: inout [(slot: Int, text: String)]
  ) -> Answer {
    let column = answerColumns[slot]
    if decoder.kind.isComputed { return .blank }
    let feeds = plan.feeds[slot]
    var cell = DecodedCell.blank
    var other: String?
    var cellColumn = column
    if column >= 0 {
      cell = decoder.decode(record.bytes(at: column), other: &other)
    }
    if cell == .blank, !feeds.options.isEmpty {
      (cell, cellColumn) = ticks(record, slot: slot, feeds: feeds)
    }
    if let otherColumn = feeds.other, !record.isEmpty(at: otherColumn),
      SpecialCell.classify(record.bytes(at: otherColumn), layout: plan.map.layout) == nil
    {
      other = record.string(at: otherColumn)
    }
    if let other, let target = plan.otherSlot[slot] { others.append((target, other)) }
    if case .invalid(let fault) = cell {
      let value = cellColumn >= 0 ? (record.string(at: cellColumn) ?? "") : ""
      faults.append(Fault(slot: slot, fault: fault, column: cellColumn, value: value))
      return .blank
    }
    return cell.answer ?? .blank
  }

}
