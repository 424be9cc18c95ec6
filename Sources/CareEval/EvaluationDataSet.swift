import SurveyIngest

/// The data files of an evaluation: paths to files and folders as given on a command
/// line, matched to the kit's forms by ingestion, plus files assigned to a form
/// explicitly (`--input child=path`).
public struct DataSet: Sendable, Hashable {
  /// Files and folders to search (a folder's `.csv`, `.tsv` and `.txt` files).
  public var paths: [String]
  /// Files whose form is given, not guessed.
  public var explicit: [DataFile]

  /// A data set from files and folders; each file is matched to a form by its name
  /// (`child.csv`, `child-2024.csv` -> `child`) or, failing that, by its columns.
  public init(_ paths: [String], explicit: [DataFile] = []) {
    self.paths = paths
    self.explicit = explicit
  }

  /// A data set of files whose forms are known.
  public init(files: [DataFile]) {
    self.paths = []
    self.explicit = files
  }
}
