/// Maps labels to dense integer ids in first-seen order, so that per-row work hashes
/// each label once and the accumulators only see `Int`s.
///
/// The same label always gets the same id; ids run 0, 1, 2, … Ids are only
/// comparable between accumulators that were fed from one interner.
public struct Interner: Sendable, Hashable {
  private var ids: [String: Int] = [:]
  /// The labels, indexed by id.
  public private(set) var labels: [String] = []
  private var lastLabel: String?
  private var lastID = 0

  /// Creates an empty interner.
  public init() {}

  /// The number of distinct labels seen.
  public var count: Int { labels.count }

  /// The id of `label`, assigning the next free id on first sight.
  ///
  /// Consecutive calls with the same label (sorted files) skip the hash lookup.
  public mutating func id(for label: String) -> Int {
    if label == lastLabel { return lastID }
    let id: Int
    if let known = ids[label] {
      id = known
    } else {
      id = labels.count
      ids[label] = id
      labels.append(label)
    }
    lastLabel = label
    lastID = id
    return id
  }

  /// The id of `label` if it has been seen.
  public func existingID(for label: String) -> Int? { ids[label] }
}
