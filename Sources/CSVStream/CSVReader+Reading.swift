#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the reader found next: a complete record in the batch, or a skipped
/// malformed one.
enum ReadStep {
  case record(Int)
  case malformed(CSVError)
}

extension CSVReader {
  var batch: UnsafeMutablePointer<RecordBatch> { parser.batch }

  /// Moves to the next complete record or malformed record, parsing more
  /// input when the batch is used up.
  /// - Returns: `nil` at the end of input.
  func advance() throws(CSVError) -> ReadStep? {
    while true {
      if nextRecord < batch.pointee.recordCount {
        nextRecord += 1
        return .record(nextRecord - 1)
      }
      if let pending = pendingMalformed {
        pendingMalformed = nil
        return .malformed(pending)
      }
      if let failure { throw failure }
      if inputEnded { return nil }
      parser.dropCompleteRecords()
      nextRecord = 0
      do {
        try produce()
      } catch {
        failure = error
        throw error
      }
    }
  }

  /// Does one piece of work: parse part of the chunk, skip part of a bad
  /// line, load a chunk or end the input.
  private func produce() throws(CSVError) {
    if skipping != nil {
      if position < chunk.count {
        skipToLineEnd()
      } else if try !loadChunk() {
        finishSkipping(lineEndFound: false)
      }
      return
    }
    if position < chunk.count || markIndex < chunkMarks.count {
      feed()
    } else if try !loadChunk() {
      finishInput()
    }
  }

  private func loadChunk() throws(CSVError) -> Bool {
    guard let next = try decoder.next(from: source) else { return false }
    chunk = next
    chunkMarks = decoder.marks
    markIndex = 0
    position = 0
    return true
  }

  /// Parses the chunk up to its end, the next invalid byte or the next NUL.
  private func feed() {
    while markIndex < chunkMarks.count, chunkMarks[markIndex].offset < position { markIndex += 1 }
    var stop = chunk.count
    let mark = markIndex < chunkMarks.count ? chunkMarks[markIndex] : nil
    if let mark { stop = mark.offset }
    guard let base = chunk.baseAddress else {
      if let mark { failAtMark(mark) }
      return
    }
    if options.hasHeader, header == nil, batch.pointee.recordCount == 0 {
      // Parse the header on its own, so errors further on can name columns.
      stop = headerEnd(base, from: position, before: stop)
    }
    var nulOffset: Int?
    if stop > position, let hit = memchr(base + position, 0, stop - position) {
      nulOffset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      stop = nulOffset ?? stop
    }
    if stop > position {
      switch parser.parse(base + position, count: stop - position) {
      case .consumed:
        position = stop
        if let error = limitError() {
          fail(error, resumeAt: position)
          return
        }
      case .syntaxError(let offset):
        let at = position + offset
        position = at
        fail(syntaxError(found: characterShown(base, at: at)), resumeAt: at)
        return
      case .outOfMemory:
        failure = CSVError.io(file: fileName, "cannot parse the file", errno: ENOMEM)
        return
      }
    }
    if let nulOffset {
      fail(nulError(), resumeAt: nulOffset)
    } else if let mark, position == mark.offset {
      failAtMark(mark)
    }
  }

  /// The offset just past the first line end outside quotes, or `limit`.
  private func headerEnd(_ base: UnsafePointer<UInt8>, from start: Int, before limit: Int) -> Int {
    var index = start
    while index < limit {
      let byte = base[index]
      index += 1
      if byte == 0x22 {
        headerScanInQuotes.toggle()
      } else if !headerScanInQuotes, byte == 0x0A || byte == 0x0D {
        return index
      }
    }
    return limit
  }

  private func failAtMark(_ mark: EncodingMark) {
    markIndex += 1
    let error = CSVError.invalidEncoding(
      file: fileName, at: place(includingPartialField: true), bytes: mark.bytes,
      encoding: encoding, wasDetected: encodingWasDetected)
    fail(error, resumeAt: mark.offset)
  }

  /// Ends the input: libcsv submits a last record without a line end, or
  /// reports a quoted field that never closed.
  private func finishInput() {
    inputEnded = true
    if parser.finish() { return }
    let error = CSVError.unterminatedQuote(
      file: fileName, at: place(includingPartialField: false), atEndOfFile: true)
    guard options.recoverFromErrors else {
      failure = error
      return
    }
    var reported = error
    reported.recordText = String(decoding: openRecordText(), as: UTF8.self)
    parser.restart()
    pendingMalformed = reported
  }
}
