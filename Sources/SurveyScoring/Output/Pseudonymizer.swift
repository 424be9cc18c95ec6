/// Turns child ids into keys that cannot be read back without the salt.
///
/// The key is the first 16 hexadecimal digits (64 bits) of HMAC-SHA-256 of the id,
/// keyed with the salt. The same id and salt always give the same key, so two runs
/// can be joined on it; without the salt, ids cannot be recovered by trying
/// candidate ids. The default salt is public and fixed (reproducible runs): set a
/// secret salt per evaluation before sharing scores.csv outside the team.
public struct Pseudonymizer: Sendable {
  /// The salt used when none is given: public, so keys made with it are only a
  /// convenience, not protection.
  public static let defaultSalt = "careeval"

  private let mac: HMACSHA256

  /// Creates a pseudonymizer keyed with `salt` (UTF-8 bytes).
  public init(salt: String = Pseudonymizer.defaultSalt) {
    mac = HMACSHA256(key: Array(salt.utf8))
  }

  /// The 16-digit key of an id.
  public func key(for id: String) -> String {
    hexString(mac.code(Array(id.utf8)).prefix(8))
  }
}
