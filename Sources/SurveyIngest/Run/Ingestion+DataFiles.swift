import CSVStream
import Foundation
import SurveySchema

/// The data files found for a run, and the files that were passed over.
public struct DataFileMatch: Sendable, Hashable {
  /// The files matched to a form.
  public var files: [DataFile]
  /// Files in a folder that matched no form (notes saying so).
  public var skipped: [Diagnostic]

  /// Creates a match.
  public init(files: [DataFile], skipped: [Diagnostic]) {
    self.files = files
    self.skipped = skipped
  }
}

extension Ingestion {
  /// Finds the data files in `paths` (files or folders; a folder's `.csv`, `.tsv`
  /// and `.txt` files, sorted by name) and matches each to a form: by file name
  /// (`child.csv`, `child-2024.csv`, `child_county1.csv` -> form `child`; the
  /// longest form_id wins), else through the form (the header whose columns feed
  /// the most questions of one form, at least half of them).
  /// - Parameter paths: Files and folders, as given on a command line.
  /// - Returns: The matched files, and notes for folder files that matched nothing.
  /// - Throws: ``IngestError`` (usage) for a path that does not exist, or a file
  ///   named explicitly that matches no form.
  public func dataFiles(for paths: [String]) throws(IngestError) -> DataFileMatch {
    var files: [DataFile] = []
    var skipped: [Diagnostic] = []
    let manager = FileManager.default
    for path in paths {
      var isFolder: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw IngestError.usage("\(path) does not exist")
      }
      guard isFolder.boolValue else {
        guard let form = form(forFile: path) else {
          let forms = kit.instruments.map(\.formID).joined(separator: ", ")
          throw IngestError.usage(
            "\(path) matches no form of the kit by name or by its columns; name it after a form (\(forms)) or give --input FORM=\(path)"
          )
        }
        files.append(DataFile(path: path, form: form))
        continue
      }
      let entries = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).sorted()
      for entry in entries
      where [".csv", ".tsv", ".txt"].contains(where: { entry.lowercased().hasSuffix($0) }) {
        let file = path.hasSuffix("/") ? path + entry : path + "/" + entry
        if let form = form(forFile: file) {
          files.append(DataFile(path: file, form: form))
        } else {
          skipped.append(
            Diagnostic(
              .note, at: SourceLocation(file: file, row: 1, column: 1),
              "skipped: the file matches no form of the kit"))
        }
      }
    }
    return DataFileMatch(files: files, skipped: skipped)
  }

  /// The form a file answers: by name, else by its header; `nil` when neither decides.
  func form(forFile path: String) -> String? {
    let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
    let stem = name.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(
      separator: ".")
    let byName = kit.instruments.map(\.formID).filter { id in
      let id = id.lowercased()
      return stem == id || ["-", "_", ".", " "].contains { stem.hasPrefix(id + $0) }
    }
    if let longest = byName.max(by: { $0.count < $1.count }) { return longest }
    return formByHeader(path)
  }

  /// The form whose questions the file's header feeds best (at least half of the
  /// form's questions, and more than any other form).
  private func formByHeader(_ path: String) -> String? {
    guard
      let reader = try? CSVReader(
        path: path, options: CSVReaderOptions(encoding: options.encoding)),
      let header = reader.header
    else { return nil }
    var scored: [(form: String, score: Int)] = []
    for instrument in kit.instruments {
      let map = ColumnMap.recognise(
        header: header, instrument: instrument, fileName: path, delimiter: reader.delimiter)
      let fed = Set(
        map.columns.compactMap { column -> Int? in
          switch column.role {
          case .answer(let slot), .option(let slot, _): slot
          default: nil
          }
        })
      let askable = instrument.questions.filter { $0.type != .calculate }.count
      if askable > 0, fed.count * 2 >= askable { scored.append((instrument.formID, fed.count)) }
    }
    scored.sort { $0.score > $1.score }
    guard let best = scored.first else { return nil }
    if scored.count > 1, scored[1].score == best.score { return nil }
    return best.form
  }
}
