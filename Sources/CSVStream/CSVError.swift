/// A problem reading or writing CSV, with where it happened and a sentence a
/// survey coordinator can act on.
///
/// `record` is the spreadsheet row (header = 1), `line` the physical line and
/// `column` the 1-based field number. All three are 0 when they do not apply
/// (an unreadable file).
public struct CSVError: Error, Sendable, CustomStringConvertible, Equatable {
  /// What went wrong.
  public enum Kind: String, Sendable, CaseIterable {
    /// A quoted field whose closing quote never comes.
    case unterminatedQuote
    /// A `"` inside a field that is not quoted, or text after a closing quote.
    case strayQuote
    /// A record with more or fewer fields than the header.
    case fieldCount
    /// A NUL byte (0x00), which text files do not contain.
    case nulByte
    /// Bytes that are not valid in the file's encoding.
    case invalidEncoding
    /// A file with no records at all.
    case emptyFile
    /// A field (or a whole record) longer than the configured limit.
    case fieldTooLong
    /// The file could not be opened, read or written.
    case io
  }

  /// What went wrong.
  public var kind: Kind
  /// The file name as given by the caller (`-` or `<stdin>` for standard input).
  public var file: String
  /// The spreadsheet row of the record: header = 1; 0 when not about a record.
  public var record: Int
  /// The 1-based physical line; 0 when not about a place in the file.
  public var line: Int
  /// The 1-based field number; 0 when not about a field.
  public var column: Int
  /// What happened and what to do, in plain words.
  public var message: String
  /// With ``CSVReaderOptions/recoverFromErrors``, the text of the skipped
  /// record as far as it could be decoded (fields re-joined with the
  /// delimiter, up to the end of the line where the error was found);
  /// otherwise `nil`.
  public var recordText: String?

  /// Creates an error.
  public init(
    kind: Kind, file: String, record: Int, line: Int, column: Int, message: String,
    recordText: String? = nil
  ) {
    self.kind = kind
    self.file = file
    self.record = record
    self.line = line
    self.column = column
    self.message = message
    self.recordText = recordText
  }

  /// `file:line:column: error: message`, the form compilers use so editors can
  /// jump to the place; `file: error: message` when there is no place.
  public var description: String {
    if line > 0 {
      return "\(file):\(line):\(max(column, 1)): error: \(message)"
    }
    return "\(file): error: \(message)"
  }
}
