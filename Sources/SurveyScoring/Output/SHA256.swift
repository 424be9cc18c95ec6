/// SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104), for pseudonymising child ids.
///
/// Foundation on Linux has no hashing API and the package takes no crypto dependency,
/// so this small implementation is checked against the FIPS 180-2 and RFC 4231 test
/// vectors. The HMAC key schedule is computed once per key (`HMACSHA256`), so keying a
/// million short ids costs two compressions each.
struct SHA256 {
  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]

  /// The eight working words (a SIMD vector, so copying a hasher allocates nothing).
  private(set) var state = SIMD8<UInt32>(
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19)
  /// Bytes already compressed (a multiple of 64).
  private var compressedCount = 0

  /// Compresses one 64-byte block starting at `start` of `bytes`.
  private mutating func compress(_ bytes: [UInt8], at start: Int) {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
      for t in 0..<16 {
        let i = start + 4 * t
        w[t] = UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
      }
      for t in 16..<64 {
        let s0 = Self.rotr(w[t - 15], 7) ^ Self.rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
        let s1 = Self.rotr(w[t - 2], 17) ^ Self.rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
      }
      var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
      for t in 0..<64 {
        let sum1 = Self.rotr(e, 6) ^ Self.rotr(e, 11) ^ Self.rotr(e, 25)
        let choose = (e & f) ^ (~e & g)
        let temp1 = h &+ sum1 &+ choose &+ Self.roundConstants[t] &+ w[t]
        let sum0 = Self.rotr(a, 2) ^ Self.rotr(a, 13) ^ Self.rotr(a, 22)
        let majority = (a & b) ^ (a & c) ^ (b & c)
        (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ sum0 &+ majority)
      }
      state &+= SIMD8(a, b, c, d, e, f, g, h)
    }
    compressedCount += 64
  }

  /// Compresses whole 64-byte blocks of `bytes` (the count must be a multiple of 64).
  mutating func absorbBlocks(_ bytes: [UInt8]) {
    precondition(bytes.count % 64 == 0, "absorbBlocks takes whole blocks")
    for start in stride(from: 0, to: bytes.count, by: 64) { compress(bytes, at: start) }
  }

  /// Pads and compresses the final `tail` bytes and returns the 32-byte digest.
  consuming func finish(_ tail: [UInt8]) -> [UInt8] {
    var padded = tail
    let bitLength = UInt64(compressedCount + tail.count) &* 8
    padded.append(0x80)
    while padded.count % 64 != 56 { padded.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) { padded.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
    absorbBlocks(padded)
    var out: [UInt8] = []
    out.reserveCapacity(32)
    for i in 0..<8 {
      let word = state[i]
      for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
    }
    return out
  }

  /// The digest of `message`.
  static func digest(_ message: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    let whole = message.count - message.count % 64
    hasher.absorbBlocks(Array(message[..<whole]))
    return hasher.finish(Array(message[whole...]))
  }

  private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}

/// HMAC-SHA-256 under one key (RFC 2104, block size 64 bytes), with the padded key
/// blocks compressed once.
struct HMACSHA256: Sendable {
  private let inner: SHA256
  private let outer: SHA256

  /// Prepares the key: a key longer than a block is hashed first, then zero-padded.
  init(key: [UInt8]) {
    var block = key.count > 64 ? SHA256.digest(key) : key
    block += [UInt8](repeating: 0, count: 64 - block.count)
    var inner = SHA256()
    inner.absorbBlocks(block.map { $0 ^ 0x36 })
    var outer = SHA256()
    outer.absorbBlocks(block.map { $0 ^ 0x5c })
    self.inner = inner
    self.outer = outer
  }

  /// The 32-byte authentication code of `message`.
  func code(_ message: [UInt8]) -> [UInt8] {
    var innerHasher = inner
    let whole = message.count - message.count % 64
    if whole > 0 { innerHasher.absorbBlocks(Array(message[..<whole])) }
    let innerDigest = innerHasher.finish(Array(message[whole...]))
    return outer.finish(innerDigest)
  }
}

extension SHA256: Sendable {}

/// Lower-case hexadecimal text of bytes.
func hexString(_ bytes: some Sequence<UInt8>) -> String {
  let digits = Array("0123456789abcdef".utf8)
  var out: [UInt8] = []
  for byte in bytes {
    out.append(digits[Int(byte >> 4)])
    out.append(digits[Int(byte & 0x0f)])
  }
  return String(decoding: out, as: UTF8.self)
}
