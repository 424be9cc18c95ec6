import SurveySchema

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The decoding of a file's common cells, laid out in flat memory for the row loop:
/// per slot its column and how to read it, and for select_one questions their
/// choice names and the answer each one decodes to.
///
/// The row loop reads these through plain pointers, so decoding a cell loads no
/// class reference (each such load cost a retain and a release per cell). A class
/// because it owns that memory; everything is written once, in `init`.
final class CellTables {
  /// How a slot's cell is read.
  enum Kind: UInt8 {
    /// No answer column, or a calculation: blank until the rules run.
    case blank
    /// Tick-box or other-text columns feed the question too.
    case extra
    /// Only ``QuestionDecoder/decode(_:other:)`` (select_multiple).
    case general
    case choice, integer, decimal, text, dateTime, date
  }

  let count: Int
  let kinds: UnsafeMutablePointer<Kind>
  let columns: UnsafeMutablePointer<Int>
  /// Per slot: the range of its choices in the choice arrays (select_one only).
  let choiceStart: UnsafeMutablePointer<Int>
  let choiceEnd: UnsafeMutablePointer<Int>
  /// Per select_one slot: 256 entries, the answer code of a cell of at most one
  /// byte by that byte (an empty cell reads as its terminating NUL): 0 for blank
  /// (empty, a space or a tab), `choice + 1` for the choice whose name is that
  /// byte, -1 for anything else. `singleByteRow[slot]` is the slot's row.
  let singleByte: UnsafeMutablePointer<Int32>
  let singleByteRow: UnsafeMutablePointer<Int>
  /// Every choice name, UTF-8, one after the other.
  let nameBytes: UnsafeMutablePointer<UInt8>
  let nameStart: UnsafeMutablePointer<Int>
  let nameCount: UnsafeMutablePointer<Int>
  /// By answer code: `.blank`, then the answer each choice decodes to.
  let answers: UnsafeMutablePointer<Answer>
  /// A second instance of each choice's answer, moved into a row's cell and back
  /// (see ``put(code:slot:into:)``); `.blank` where the answer is out in a row.
  private let stash: UnsafeMutablePointer<Answer>
  /// Per slot: the code whose stash answer is out in a row, or 0.
  private let lent: UnsafeMutablePointer<Int32>
  private let choiceTotal: Int
  private let selectCount: Int
  private let byteTotal: Int

  init(plan: FilePlan, hasExtraColumns: [Bool]) {
    let decoders = plan.decoders
    count = decoders.count
    var kinds: [Kind] = []
    var columns: [Int] = []
    var choiceStart: [Int] = []
    var choiceEnd: [Int] = []
    var singleByteRow: [Int] = []
    var singleByte: [Int32] = []
    var names: [[UInt8]] = []
    for slot in 0..<count {
      let decoder = decoders[slot]
      let column = decoder.kind.isComputed ? -1 : (plan.feeds[slot].answer ?? -1)
      columns.append(column)
      choiceStart.append(names.count)
      singleByteRow.append(-1)
      if hasExtraColumns[slot] && !decoder.kind.isComputed {
        kinds.append(.extra)
      } else if column < 0 {
        kinds.append(.blank)
      } else {
        switch decoder.kind {
        case .selectOne:
          kinds.append(.choice)
          var row = [Int32](repeating: -1, count: 256)
          // Blank before any name, as the decoder sees it: an empty cell, or one of
          // spaces only.
          row[0] = 0
          row[0x20] = 0
          row[0x09] = 0
          for name in decoder.choices?.names ?? [] {
            let bytes = Array(name.utf8)
            if bytes.count == 1, row[Int(bytes[0])] < 0 {
              row[Int(bytes[0])] = Int32(names.count + 1)
            }
            names.append(bytes)
          }
          singleByteRow[slot] = singleByte.count
          singleByte += row
        case .integer: kinds.append(.integer)
        case .decimal: kinds.append(.decimal)
        case .text: kinds.append(.text)
        case .datetime: kinds.append(.dateTime)
        case .date: kinds.append(.date)
        case .selectMultiple, .computed: kinds.append(.general)
        }
      }
      choiceEnd.append(names.count)
    }
    choiceTotal = names.count
    selectCount = singleByte.count
    self.kinds = Self.copy(kinds)
    self.columns = Self.copy(columns)
    self.choiceStart = Self.copy(choiceStart)
    self.choiceEnd = Self.copy(choiceEnd)
    self.singleByteRow = Self.copy(singleByteRow)
    self.singleByte = Self.copy(singleByte)
    var starts: [Int] = []
    var offset = 0
    for name in names {
      starts.append(offset)
      offset += name.count
    }
    self.nameStart = Self.copy(starts)
    self.nameCount = Self.copy(names.map(\.count))
    let bytes = names.flatMap { $0 }
    byteTotal = bytes.count
    self.nameBytes = Self.copy(bytes)
    // Names made afresh from their bytes are stored inline when short (up to 15
    // bytes), so copying such an answer into a row touches no reference count.
    let answers =
      [.blank] + names.map { Answer.value(.string(String(decoding: $0, as: UTF8.self))) }
    self.answers = Self.copy(answers)
    stash = Self.copy(answers)
    lent = Self.copy([Int32](repeating: 0, count: count))
  }

  deinit {
    kinds.deallocate()
    columns.deallocate()
    choiceStart.deallocate()
    choiceEnd.deallocate()
    singleByteRow.deallocate()
    singleByte.deallocate()
    nameStart.deallocate()
    nameCount.deallocate()
    nameBytes.deallocate()
    answers.deinitialize(count: choiceTotal + 1)
    answers.deallocate()
    stash.deinitialize(count: choiceTotal + 1)
    stash.deallocate()
    lent.deallocate()
  }

  private static func copy<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
    let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
    _ = UnsafeMutableBufferPointer(start: pointer, count: values.count).initialize(from: values)
    return pointer
  }

  /// Puts the answer of `code` into `cell`, the cell of select_one `slot` in a
  /// row's answers, without touching a reference count in the usual case.
  ///
  /// Copying an answer into the row and destroying the one it replaces costs a
  /// retain and a release (calls, even for the short names stored inline). So the
  /// answers are moved instead: the slot's previous answer, if it was lent from the
  /// stash and is still in the cell (same bits), goes back to the stash, and the new
  /// one is moved out of it. Moves never change ownership counts: every answer has
  /// one owner, the stash or the row. A cell changed since (blanked, not asked, a
  /// row the sink kept and the array copied) fails the bit check, and the stash
  /// gets a fresh copy instead, so the stash always holds what it should.
  @inline(__always)
  func put(code: Int, slot: Int, into cell: UnsafeMutablePointer<Answer>) {
    let size = MemoryLayout<Answer>.size
    // Whether the cell holds `.blank` once the previous answer is back. The bits
    // compared are never ones just written here: a wide load of a value stored in
    // pieces a moment ago stalls the processor.
    let cellIsBlank: Bool
    let previous = Int(lent[slot])
    if previous > 0 {
      if memcmp(cell, answers + previous, size) == 0 {
        swap(&cell.pointee, &stash[previous])
        cellIsBlank = true
      } else {
        stash[previous] = answers[previous]
        cellIsBlank = memcmp(cell, answers, size) == 0
      }
      lent[slot] = 0
    } else {
      cellIsBlank = memcmp(cell, answers, size) == 0
    }
    if code == 0 {
      if !cellIsBlank { cell.pointee = .blank }
      return
    }
    // The stash holds the answer of `code`; the cell gets it, the stash what the
    // cell held: the blank left by a returned answer, or a value to drop.
    swap(&cell.pointee, &stash[code])
    if !cellIsBlank { stash[code] = .blank }
    lent[slot] = Int32(code)
  }

  /// The answer code (see `singleByte`) of a select_one cell of two bytes or more:
  /// `choice + 1` for the choice whose name is exactly `bytes` (the first in list
  /// order when names repeat, as ``ChoiceIndex/index(ofNameBytes:)``), or -1.
  @inline(__always)
  func code(_ slot: Int, longCell bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return -1 }
    var choice = choiceStart[slot]
    let end = choiceEnd[slot]
    while choice < end {
      if nameCount[choice] == bytes.count,
        memcmp(nameBytes + nameStart[choice], base, bytes.count) == 0
      {
        return choice + 1
      }
      choice &+= 1
    }
    return -1
  }
}
