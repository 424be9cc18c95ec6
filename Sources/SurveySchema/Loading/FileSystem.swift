import Foundation

/// The few file-system questions the loaders ask.
enum FileSystem {
  /// Whether a path is a directory.
  static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// Whether a path exists.
  static func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: path)
  }

  /// The entries of a directory, sorted by name (empty when unreadable).
  static func entries(of directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
  }

  /// The entry of `directory` named `name`, compared without case (`SURVEY.csv`), or `nil`.
  static func file(named name: String, in directory: String) -> String? {
    let entries = entries(of: directory)
    if entries.contains(name) { return name }
    return entries.first { $0.lowercased() == name.lowercased() }
  }

  /// The last component of a path, resolving `.` and `..` against the working directory.
  static func name(of path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
  }

  /// `directory/name`, without doubling the slash.
  static func join(_ directory: String, _ name: String) -> String {
    if directory.isEmpty || directory == "." { return name }
    return directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }
}
