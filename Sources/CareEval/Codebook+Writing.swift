import CSVStream

extension Codebook {
  /// The entries as `codebook.csv` rows (without the header), in `csvColumns` order.
  public var csvRows: [[String]] {
    variables.map { [$0.name, $0.labelZH, $0.labelEN, $0.type.rawValue, $0.values] }
  }

  /// Writes `codebook.csv`: the header `variable,label::zh,label::en,type,values`,
  /// then one row per `scores.csv` column. UTF-8 (with a BOM when asked, for Excel on
  /// Chinese Windows), RFC 4180 quoting. Calls CSVStream's `CSVWriter`.
  /// - Parameters:
  ///   - path: where to write, normally next to `scores.csv`.
  ///   - byteOrderMark: start the file with the UTF-8 byte-order mark.
  /// - Throws: `CSVError` when the file cannot be written.
  public func write(to path: String, byteOrderMark: Bool = false) throws(CSVError) {
    let writer = try CSVWriter(path: path, options: CSVWriterOptions(bom: byteOrderMark))
    try writer.write(Self.csvColumns)
    for row in csvRows { try writer.write(row) }
    try writer.close()
  }
}
