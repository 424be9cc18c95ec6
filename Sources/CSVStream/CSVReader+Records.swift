/// What ``CSVReader/nextEntry()`` read: a record, or a malformed record that
/// was skipped (only with ``CSVReaderOptions/recoverFromErrors``).
public enum CSVEntry: Sendable, Equatable {
  /// A well-formed record.
  case record(CSVRecord)
  /// A malformed record: the error says where and why, and its
  /// ``CSVError/recordText`` holds the record's text. Reading goes on at the
  /// next line.
  case malformed(CSVError)
}

extension CSVReader {
  /// Reads the next record or, when recovering from errors, the next skipped
  /// malformed record, in file order.
  ///
  /// This is the call for ingest: every line of the file ends up either as a
  /// record or as a malformed entry, and nothing accumulates in memory.
  /// Without ``CSVReaderOptions/recoverFromErrors`` a malformed record throws
  /// instead, and so does every later call.
  /// - Returns: The entry, or `nil` at the end of the input.
  /// - Throws: ``CSVError`` for a malformed record (when not recovering) or
  ///   an unreadable file.
  public func nextEntry() throws(CSVError) -> CSVEntry? {
    guard let step = try advance() else { return nil }
    switch step {
    case .malformed(let error):
      return .malformed(error)
    case .record(let index):
      if let error = oversizedError(record: index) {
        guard options.recoverFromErrors else {
          failure = error
          throw error
        }
        return .malformed(error)
      }
      let mark = batch.pointee.marks[index]
      return .record(CSVRecord(fields: strings(ofRecord: index), number: mark.row, line: mark.line))
    }
  }

  /// Reads the next well-formed record.
  ///
  /// When recovering from errors, malformed records are skipped and appended
  /// to ``recoveredErrors``.
  /// - Returns: The record, or `nil` at the end of the input.
  /// - Throws: ``CSVError`` for a malformed record (when not recovering) or
  ///   an unreadable file.
  public func next() throws(CSVError) -> CSVRecord? {
    while let entry = try nextEntry() {
      switch entry {
      case .record(let record): return record
      case .malformed(let error): recoveredErrors.append(error)
      }
    }
    return nil
  }

  /// Visits every remaining record without making a `String` per field: the
  /// fast path for scoring and counting.
  ///
  /// The ``CSVRawRecord`` passed to `body` points into the reader's buffer
  /// and is valid only during that call.
  /// - Parameters:
  ///   - malformed: Called for each skipped malformed record when recovering
  ///     from errors; if `nil`, they go to ``recoveredErrors``.
  ///   - body: Called for each record, in file order.
  /// - Throws: ``CSVError`` as ``next()`` does, or what a closure throws.
  public func forEachRecord(
    malformed: ((CSVError) throws -> Void)? = nil,
    _ body: (CSVRawRecord) throws -> Void
  ) throws {
    while let step = try advance() {
      let skipped: CSVError
      switch step {
      case .malformed(let error):
        skipped = error
      case .record(let index):
        if batch.pointee.marks[index].oversizedColumn != 0,
          let error = oversizedError(record: index)
        {
          guard options.recoverFromErrors else {
            failure = error
            throw error
          }
          skipped = error
        } else {
          try body(rawRecord(index))
          continue
        }
      }
      if let malformed {
        try malformed(skipped)
      } else {
        recoveredErrors.append(skipped)
      }
    }
  }

  func rawRecord(_ index: Int) -> CSVRawRecord {
    let state = batch.pointee
    let mark = state.marks[index]
    let first = state.firstField(ofRecord: index)
    return CSVRawRecord(
      bytes: state.bytes, fieldEnds: state.fieldEnds, firstField: first,
      count: mark.fieldEnd - first, number: mark.row, line: mark.line)
  }

  func strings(ofRecord index: Int) -> [String] {
    let state = batch.pointee
    let first = state.firstField(ofRecord: index)
    let end = state.marks[index].fieldEnd
    var fields: [String] = []
    fields.reserveCapacity(end - first)
    for field in first..<end {
      let range = state.fieldRange(field)
      fields.append(
        String(
          decoding: UnsafeBufferPointer(start: state.bytes + range.lowerBound, count: range.count),
          as: UTF8.self))
    }
    return fields
  }
}
