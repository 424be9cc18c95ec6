import SurveySchema

/// The data dictionary of `scores.csv`: one entry per column, with its label in
/// Chinese and English, its type, and what its values mean (`codebook.csv`).
///
/// A researcher who loads `scores.csv` into a data frame reads this file next to
/// it to label the columns and decode the codes (`orphan` -> 孤儿, band `2` ->
/// "2.5 to below 3.5"). The entries follow the columns of `scores.csv` in order:
/// `child_key`, `region`, `categories`, then every scale scored over children (and
/// its `<scale>_band` when the scale has cut-offs), then every child indicator.
///
/// ```swift
/// let codebook = Codebook(kit: kit)
/// try codebook.write(to: "out/codebook.csv")
/// ```
public struct Codebook: Sendable, Hashable {
  /// The entries, in the order of the `scores.csv` columns.
  public var variables: [Variable]

  /// Creates a codebook from its entries.
  public init(variables: [Variable]) {
    self.variables = variables
  }

  /// One column of `scores.csv` described: a row of `codebook.csv`.
  public struct Variable: Sendable, Hashable {
    /// The column name in `scores.csv`.
    public var name: String
    /// The label for Chinese readers (falls back to another language when the kit
    /// has no Chinese text).
    public var labelZH: String
    /// The label for English readers (falls back likewise).
    public var labelEN: String
    /// How the cells are spelled.
    public var type: VariableType
    /// What the values mean: for coded columns, `code=中文|English` entries joined
    /// by `; `; for numbers, the possible range as `[low, high]` when the kit
    /// fixes it; blank otherwise.
    public var values: String

    /// Creates an entry.
    public init(
      name: String, labelZH: String, labelEN: String, type: VariableType, values: String = ""
    ) {
      self.name = name
      self.labelZH = labelZH
      self.labelEN = labelEN
      self.type = type
      self.values = values
    }
  }

  /// The spelling of a `scores.csv` column, in XLSForm's words.
  public enum VariableType: String, Sendable, Hashable, CaseIterable {
    /// Free text (the pseudonymised child key).
    case text
    /// One code from the list in `values` (the region code).
    case selectOne = "select_one"
    /// Codes from the list in `values`, separated by spaces (the child categories).
    case selectMultiple = "select_multiple"
    /// A number (scale scores, mean indicators).
    case decimal
    /// A whole number whose meaning `values` gives (bands; proportion indicators
    /// as `1`/`0`).
    case integer
  }

  /// The column names of `codebook.csv`, in order.
  public static let csvColumns = ["variable", "label::zh", "label::en", "type", "values"]

  /// The entry of a column, or `nil`.
  /// - Parameter name: a `scores.csv` column name.
  public func variable(named name: String) -> Variable? {
    variables.first { $0.name == name }
  }
}

extension Codebook {
  /// Describes the columns `scores.csv` has for a kit: the register columns, the
  /// scales of every form answered about children (not the volunteer register's),
  /// with a band column for scales with cut-offs, and the child indicators, each in
  /// kit order.
  /// - Parameter kit: the loaded kit.
  public init(kit: Kit) {
    self.init(kit: kit, columns: Self.scoresColumns(of: kit))
  }

  /// Describes the given `scores.csv` columns from a kit (use the header of the
  /// file actually written, e.g. `ScoresTable.columns`). A column the kit does not
  /// explain gets a `text` entry without labels.
  /// - Parameters:
  ///   - kit: the kit the scores were computed with.
  ///   - columns: the column names, in file order.
  public init(kit: Kit, columns: [String]) {
    let describer = CodebookDescriber(kit: kit)
    self.init(variables: columns.map { describer.variable($0) })
  }

  /// The columns of `scores.csv` for a kit, in order.
  /// - Parameter kit: the loaded kit.
  /// - Returns: `child_key`, `region`, `categories`, scale columns, child indicators.
  public static func scoresColumns(of kit: Kit) -> [String] {
    var columns = CodebookDescriber.registerColumns
    for scale in kit.scales where CodebookDescriber.isChildForm(scale.form, in: kit) {
      columns.append(scale.name)
      if !scale.bands.isEmpty { columns.append(scale.name + CodebookDescriber.bandSuffix) }
    }
    columns += kit.indicators.filter { $0.unit == .child }.map(\.name)
    return columns
  }
}
