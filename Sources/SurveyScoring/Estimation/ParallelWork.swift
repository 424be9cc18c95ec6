import Dispatch
import Foundation

/// Runs independent jobs on the machine's cores and returns their results in job
/// order, so the output never depends on how the jobs were scheduled.
enum ParallelWork {
  /// The number of cores to use.
  static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// `body(0)`, …, `body(count - 1)`, computed concurrently, in index order.
  static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let box = ResultBox<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      box.set(index, body(index))
    }
    return box.values
  }

  /// Splits `0..<count` into at most `parts` contiguous ranges of nearly equal size.
  static func ranges(_ count: Int, parts: Int) -> [Range<Int>] {
    let parts = max(1, min(parts, count))
    return (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
  }
}

/// Results written by concurrent jobs, each into its own slot.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
  // Guarded by `lock`; each slot is written once.
  private var slots: [T?]
  private let lock = NSLock()

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  func set(_ index: Int, _ value: T) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  var values: [T] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}
