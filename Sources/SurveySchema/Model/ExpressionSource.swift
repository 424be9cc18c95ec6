/// The text of an expression as written in a sheet cell, with where the cell is.
///
/// Parsing is done by the expression language (`ExpressionParser`); the location
/// lets a parse error point at sheet, row, column and the character inside the cell.
public struct ExpressionSource: Sendable, Hashable, CustomStringConvertible {
  /// The expression text, trimmed of surrounding whitespace.
  public var text: String
  /// The cell holding the expression (`offset` is `nil`).
  public var location: SourceLocation

  /// Creates an expression source from its text and cell location.
  public init(text: String, location: SourceLocation) {
    self.text = text
    self.location = location
  }

  /// The expression text.
  public var description: String { text }

  /// The location of a 1-based character offset inside this expression.
  public func location(atOffset offset: Int) -> SourceLocation {
    var location = self.location
    location.offset = offset
    return location
  }
}
