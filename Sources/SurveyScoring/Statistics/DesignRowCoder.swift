import SurveySchema

/// One row's design cells, validated and interned.
public struct DesignRow: Sendable, Hashable {
  /// The sampling weight (1 when the file has no weight column).
  public var weight: Double
  /// The stratum id (0 when the file has no stratum column).
  public var stratum: Int
  /// The PSU id, unique within its stratum (0 when the file has no psu column;
  /// every row is then its own PSU).
  public var psu: Int

  /// Creates a design row from ids.
  public init(weight: Double, stratum: Int, psu: Int) {
    self.weight = weight
    self.stratum = stratum
    self.psu = psu
  }
}

/// A design cell that breaks STATISTICS.md §1: a blank or unreadable weight, a
/// negative or non-finite weight, or a blank stratum or psu in Taylor mode.
public struct DesignCellError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The design column at fault.
  public enum Column: String, Sendable, Hashable {
    /// The weight column.
    case weight
    /// The stratum column.
    case stratum
    /// The psu column.
    case psu
  }

  /// The design column at fault.
  public var column: Column
  /// The cell text as read.
  public var value: String
  /// The problem in a survey coordinator's words.
  public var description: String

  init(_ column: Column, _ value: String, _ description: String) {
    self.column = column
    self.value = value
    self.description = description
  }

  /// The error as a located diagnostic (the location names the cell).
  public func diagnostic(at location: SourceLocation) -> Diagnostic {
    Diagnostic(.error, at: location, description)
  }
}

/// Reads the weight, stratum and psu cells of each row of one file, checks them
/// against STATISTICS.md §1 and interns the labels.
///
/// Pass `nil` for a column the file does not have and the cell text (possibly
/// empty) for one it has. Ids come from one interner per coder, so accumulators fed
/// from one coder can be merged.
public struct DesignRowCoder: Sendable {
  /// The design the rows belong to.
  public let design: SurveyDesign
  /// Stratum labels by id.
  public private(set) var strata = Interner()
  /// PSU labels by id (a PSU is the pair of its stratum and this label).
  public private(set) var psus = Interner()

  /// Creates a coder for one file's design.
  public init(design: SurveyDesign) {
    self.design = design
  }

  /// Validates and interns one row's design cells.
  ///
  /// - Parameters:
  ///   - weight: the weight cell, or `nil` if the file has no weight column.
  ///   - stratum: the stratum cell, or `nil` if the file has no stratum column.
  ///   - psu: the psu cell, or `nil` if the file has no psu column.
  /// - Returns: the weight and the stratum and PSU ids; in no-design mode always
  ///   weight 1 in stratum 0, PSU 0.
  /// - Throws: ``DesignCellError`` for a blank, unreadable, negative or non-finite
  ///   weight, or a blank stratum or psu, in Taylor mode.
  public mutating func code(
    weight: String?, stratum: String?, psu: String?
  ) throws(DesignCellError) -> DesignRow {
    guard design.mode == .taylor else { return DesignRow(weight: 1, stratum: 0, psu: 0) }
    var w = 1.0
    if let weight {
      let text = weight.trimmingWhitespace
      guard !text.isEmpty else {
        throw DesignCellError(
          .weight, weight, "weight is blank; every row needs a weight of zero or more")
      }
      guard let value = Double(text) else {
        throw DesignCellError(.weight, weight, "weight '\(weight)' is not a number")
      }
      guard value.isFinite, value >= 0 else {
        throw DesignCellError(
          .weight, weight,
          "weight '\(weight)' is not allowed; weights must be finite and zero or more")
      }
      w = value
    }
    var h = 0
    if let stratum {
      let text = stratum.trimmingWhitespace
      guard !text.isEmpty else {
        throw DesignCellError(
          .stratum, stratum, "stratum is blank; every row of a stratified survey needs its stratum")
      }
      h = strata.id(for: text)
    }
    var j = 0
    if let psu {
      let text = psu.trimmingWhitespace
      guard !text.isEmpty else {
        throw DesignCellError(
          .psu, psu, "psu is blank; every row of a clustered survey needs its primary sampling unit"
        )
      }
      j = psus.id(for: text)
    }
    return DesignRow(weight: w, stratum: h, psu: j)
  }
}

extension String {
  fileprivate var trimmingWhitespace: String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
