extension IngestRun {
  /// The ids in a roster cell of paired volunteers' ids that the volunteer register
  /// does not hold, in the order they appear.
  ///
  /// Ids are separated by any of `" ,;，；、\t"`. A cell of ASCII text and those
  /// separators (every id careeval's kits allow) is split on its UTF-8 bytes and
  /// each id looked up by its bytes, without a `String` per id; any other cell is
  /// split per `Character` as before, so that a separator joined to a combining
  /// mark still belongs to its id.
  func unknownVolunteers(in text: String) -> [String] {
    var text = text
    if let unknown = text.withUTF8({ Self.unknownVolunteers(inBytes: $0, volunteers) }) {
      return unknown
    }
    var unknown: [String] = []
    for id in text.split(whereSeparator: { " ,;，；、\t".contains($0) }) {
      let id = String(id)
      if volunteers.entry(of: id) == nil { unknown.append(id) }
    }
    return unknown
  }

  /// The byte-level split of ``unknownVolunteers(in:)``, or `nil` when the cell
  /// holds a byte other than ASCII outside the three full-width separators.
  static func unknownVolunteers(
    inBytes bytes: UnsafeBufferPointer<UInt8>, _ volunteers: IDTable<Void>
  ) -> [String]? {
    var unknown: [String] = []
    var start = 0
    var position = 0
    func flush(_ end: Int) {
      guard end > start else { return }
      let id = UnsafeBufferPointer(rebasing: bytes[start..<end])
      if volunteers.entry(ofBytes: id) == nil {
        unknown.append(String(decoding: id, as: UTF8.self))
      }
    }
    while position < bytes.count {
      let byte = bytes[position]
      if byte < 0x80 {
        // space , ; tab
        if byte == 0x20 || byte == 0x2C || byte == 0x3B || byte == 0x09 {
          flush(position)
          start = position + 1
        }
        position += 1
        continue
      }
      // ，(EF BC 8C) ；(EF BC 9B) 、(E3 80 81); anything else goes the slow way.
      guard position + 2 < bytes.count else { return nil }
      let (second, third) = (bytes[position + 1], bytes[position + 2])
      let isSeparator =
        (byte == 0xEF && second == 0xBC && (third == 0x8C || third == 0x9B))
        || (byte == 0xE3 && second == 0x80 && third == 0x81)
      guard isSeparator else { return nil }
      flush(position)
      position += 3
      start = position
    }
    flush(position)
    return unknown
  }
}
