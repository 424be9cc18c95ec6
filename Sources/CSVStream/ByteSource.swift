import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Raw bytes from a file descriptor or from memory, with read-ahead for sniffing.
///
/// The bytes read ahead by ``sniff(upTo:)`` are served again by ``read(into:maxCount:)``,
/// so detection never loses input, even from a pipe.
final class ByteSource {
  let name: String
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private let handle: FileHandle?
  private var pending: [UInt8] = []
  private var pendingOffset = 0
  private(set) var reachedEnd = false

  init(path: String) throws(CSVError) {
    name = path
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw CSVError.io(file: path, "cannot open the file", errno: errno) }
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      close(fd)
      throw CSVError.io(file: path, "cannot read the file", errno: EISDIR)
    }
    descriptor = fd
    ownsDescriptor = true
    handle = nil
  }

  init(fileHandle: FileHandle, name: String) {
    self.name = name
    descriptor = fileHandle.fileDescriptor
    ownsDescriptor = false
    handle = fileHandle
  }

  /// A source over bytes already in memory.
  init(bytes: [UInt8], name: String) {
    self.name = name
    descriptor = -1
    ownsDescriptor = false
    handle = nil
    pending = bytes
    reachedEnd = true
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// Reads ahead until `count` bytes or the end of input; they will be read again.
  /// - Returns: The first (at most) `count` bytes, and whether they are all of the input.
  func sniff(upTo count: Int) throws(CSVError) -> (bytes: [UInt8], isWholeInput: Bool) {
    var buffer = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count, pending.count - pendingOffset + filled < count {
      let got = try buffer.withUnsafeMutableBufferPointer { (all) throws(CSVError) -> Int in
        guard let base = all.baseAddress else { return 0 }
        return try readDescriptor(into: base + filled, maxCount: count - filled)
      }
      if got == 0 { break }
      filled += got
    }
    buffer.removeLast(count - filled)
    pending = Array(pending[pendingOffset...]) + buffer
    pendingOffset = 0
    let start = Array(pending.prefix(count))
    return (start, reachedEnd && start.count == pending.count)
  }

  /// Skips `count` bytes of the read-ahead (a byte-order mark).
  func dropSniffed(_ count: Int) {
    pendingOffset = min(pending.count, pendingOffset + count)
  }

  /// Reads at most `maxCount` bytes; returns 0 only at the end of input.
  func read(into buffer: UnsafeMutablePointer<UInt8>, maxCount: Int) throws(CSVError) -> Int {
    if pendingOffset < pending.count {
      let count = min(maxCount, pending.count - pendingOffset)
      pending.withUnsafeBufferPointer { all in
        if let base = all.baseAddress { buffer.update(from: base + pendingOffset, count: count) }
      }
      pendingOffset += count
      if pendingOffset == pending.count {
        pending = []
        pendingOffset = 0
      }
      return count
    }
    return try readDescriptor(into: buffer, maxCount: maxCount)
  }

  private func readDescriptor(into buffer: UnsafeMutablePointer<UInt8>, maxCount: Int)
    throws(CSVError) -> Int
  {
    if reachedEnd || descriptor < 0 { return 0 }
    while true {
      let got = systemRead(descriptor, buffer, maxCount)
      if got > 0 { return got }
      if got == 0 {
        reachedEnd = true
        return 0
      }
      if errno == EINTR { continue }
      throw CSVError.io(file: name, "cannot read the file", errno: errno)
    }
  }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
  #else
    Darwin.read(fd, buffer, count)
  #endif
}

/// The system's text for an `errno` value.
func systemErrorText(_ code: Int32) -> String {
  guard let text = strerror(code) else { return "error \(code)" }
  return String(cString: text)
}
