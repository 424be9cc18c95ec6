/// A text encoding the CSV reader can decode and the converter can name.
///
/// Every encoding is decoded to UTF-8 before parsing, so records always hold
/// Unicode text. GB18030 also covers GBK and GB2312, the encodings that Excel on
/// Chinese Windows writes.
public enum TextEncoding: String, Sendable, CaseIterable {
  /// UTF-8 without a byte-order mark.
  case utf8
  /// UTF-8 that starts with the byte-order mark EF BB BF (Excel's "CSV UTF-8").
  case utf8BOM = "utf8-bom"
  /// UTF-16, little-endian (Windows "Unicode text"), normally with the mark FF FE.
  case utf16LE = "utf16le"
  /// UTF-16, big-endian, normally with the mark FE FF.
  case utf16BE = "utf16be"
  /// The Chinese national standard GB18030, a superset of GBK and GB2312.
  case gb18030

  /// A short name for people: "UTF-8 with BOM", "GB18030 (GBK)" and so on.
  public var displayName: String {
    switch self {
    case .utf8: "UTF-8"
    case .utf8BOM: "UTF-8 with BOM"
    case .utf16LE: "UTF-16 little-endian"
    case .utf16BE: "UTF-16 big-endian"
    case .gb18030: "GB18030 (GBK)"
    }
  }

  /// Parses a user-given encoding name, accepting common spellings
  /// (`UTF-8`, `utf8bom`, `UTF-16LE`, `gbk`, `gb2312`, `cp936`), case-insensitively.
  ///
  /// - Parameter name: The name as typed on a command line.
  /// - Returns: The encoding, or `nil` when the name is not one the reader knows.
  public init?(name: String) {
    let key = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
    switch key {
    case "utf8": self = .utf8
    case "utf8bom", "utf8sig": self = .utf8BOM
    case "utf16le", "utf16", "unicode": self = .utf16LE
    case "utf16be": self = .utf16BE
    case "gb18030", "gbk", "gb2312", "cp936", "936": self = .gb18030
    default: return nil
    }
  }
}
