import Foundation

/// An output format of the gap report and the file it is written to.
public enum ReportOutput: String, Sendable, Hashable, CaseIterable, Codable {
  case html, md, json, csv, xlsx

  /// The file name in the output folder.
  public var fileName: String {
    switch self {
    case .html: "report.html"
    case .md: "report.md"
    case .json: "report.json"
    case .csv: "estimates.csv"
    case .xlsx: "report.xlsx"
    }
  }
}

extension GapReport {
  /// Writes the report in each of `formats` into `directory` (created if missing)
  /// and returns the paths written, in the order of `formats`.
  /// - Throws: ``ReportError`` when a file cannot be written.
  @discardableResult
  public func writeAll(to directory: String, formats: [ReportOutput] = ReportOutput.allCases)
    throws(ReportError) -> [String]
  {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(directory, "the folder cannot be created (\(error.localizedDescription))")
    }
    var written: [String] = []
    for format in formats {
      let path = URL(fileURLWithPath: directory).appendingPathComponent(format.fileName).path
      switch format {
      case .html: try Self.write(Data(html().utf8), to: path)
      case .md: try Self.write(Data(markdown().utf8), to: path)
      case .csv: try writeEstimatesCSV(to: path)
      case .json:
        do {
          try Self.write(try json(), to: path)
        } catch let error as ReportError {
          throw error
        } catch {
          throw .cannotWrite(path, "a number cannot be written as JSON (\(error))")
        }
      case .xlsx: try writeXLSX(to: path)
      }
      written.append(path)
    }
    return written
  }

  private static func write(_ data: Data, to path: String) throws(ReportError) {
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw .cannotWrite(path, error.localizedDescription)
    }
  }
}
