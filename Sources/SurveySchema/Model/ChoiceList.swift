/// A named list of choices from an instrument's `choices` sheet.
public struct ChoiceList: Sendable, Hashable {
  /// The `list_name`.
  public var name: String
  /// The choices in sheet order.
  public var choices: [Choice]
  /// The row of the list's first choice; the column is the `list_name` cell.
  public var location: SourceLocation

  /// Creates a choice list.
  public init(name: String, choices: [Choice], location: SourceLocation) {
    self.name = name
    self.choices = choices
    self.location = location
  }

  /// The choice with this name, or `nil`.
  public func choice(named name: String) -> Choice? {
    choices.first { $0.name == name }
  }

  /// The choice names in sheet order.
  public var names: [String] { choices.map(\.name) }
}

/// One choice: the stored name, its labels and its numeric score.
public struct Choice: Sendable, Hashable {
  /// The name stored in the data (`name` column).
  public var name: String
  /// Labels by language.
  public var labels: LocalizedText
  /// The careeval `value` extension: the choice's numeric score, when given.
  public var value: Double?
  /// The choice's row; the column is the `name` cell.
  public var location: SourceLocation

  /// Creates a choice.
  public init(
    name: String, labels: LocalizedText = .init(), value: Double? = nil, location: SourceLocation
  ) {
    self.name = name
    self.labels = labels
    self.value = value
    self.location = location
  }

  /// The number a choice scores as: its `value`, else its name read as a number
  /// (`0`, `1`, `2.5`), else `nil`.
  public var numericValue: Double? {
    if let value { return value }
    return Double(name).flatMap { $0.isFinite ? $0 : nil }
  }
}
