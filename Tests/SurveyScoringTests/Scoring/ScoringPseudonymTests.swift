import Testing

@testable import SurveyScoring

/// SHA-256 and HMAC-SHA-256 against the published test vectors (FIPS 180-2 appendix
/// B, RFC 4231 §4), and the child keys built on them.
@Suite struct ScoringPseudonymTests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
  ])
  func sha256MatchesTheFIPSVectors(message: String, digest: String) {
    #expect(hexString(SHA256.digest(Array(message.utf8))) == digest)
  }

  @Test func sha256OfAMillionAsMatchesTheFIPSVector() {
    let message = [UInt8](repeating: 0x61, count: 1_000_000)
    #expect(hexString(SHA256.digest(message)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func hmacMatchesRFC4231() {
    let case1 = HMACSHA256(key: [UInt8](repeating: 0x0b, count: 20)).code(Array("Hi There".utf8))
    #expect(hexString(case1) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    let case2 = HMACSHA256(key: Array("Jefe".utf8)).code(Array("what do ya want for nothing?".utf8))
    #expect(hexString(case2) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    let longKey = HMACSHA256(key: [UInt8](repeating: 0xaa, count: 131))
    let case6 = longKey.code(Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
    #expect(hexString(case6) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
  }

  @Test func childKeysAreTheFirst16HexDigitsOfTheSaltedHMAC() {
    // RFC 4231 case 2 again, through the public pseudonymizer: salt "Jefe".
    let keyer = Pseudonymizer(salt: "Jefe")
    #expect(keyer.key(for: "what do ya want for nothing?") == "5bdcc146bf60754e")
    #expect(Pseudonymizer().key(for: "C001") == Pseudonymizer(salt: "careeval").key(for: "C001"))
    #expect(Pseudonymizer(salt: "other").key(for: "C001") != Pseudonymizer().key(for: "C001"))
  }
}
