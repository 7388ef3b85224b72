import CrisisScenario
import Foundation
import XCTest

/// One escaper for JSON and YAML: what it writes, both read back as the text it was given.
final class QuotedStringTests: XCTestCase {
    func testEscapesReadBackAsJSON() throws {
        let text = "a \"quoted\" back\\slash\nnew line\ttab \u{01}\u{7f} é 🚑"
        let quoted = QuotedString.quoted(text)
        XCTAssertEqual(quoted, "\"a \\\"quoted\\\" back\\\\slash\\nnew line\\ttab \\u0001\\u007f é 🚑\"")
        let decoded = try JSONDecoder().decode(String.self, from: Data(quoted.utf8))
        XCTAssertEqual(decoded, text)
    }

    /// Plain printable ASCII goes in whole; each character that needs escaping, alone in
    /// otherwise plain text, still takes the escaping path.
    func testPlainTextIsQuotedWholeAndEachEscapeStillApplies() throws {
        XCTAssertEqual(QuotedString.quoted("oap.bed_days ~!@#$%^&*()_+{}|:<>?`-=[];',./"),
                       "\"oap.bed_days ~!@#$%^&*()_+{}|:<>?`-=[];',./\"")
        XCTAssertEqual(QuotedString.quoted(""), "\"\"")
        for (text, escaped) in [("a\"b", "a\\\"b"), ("a\\b", "a\\\\b"), ("a\u{1f}b", "a\\u001fb"),
                                ("a\u{7f}b", "a\\u007fb"), ("a\rb", "a\\u000db"), ("café", "café")] {
            let quoted = QuotedString.quoted(text)
            XCTAssertEqual(quoted, "\"" + escaped + "\"", text)
            XCTAssertEqual(try JSONDecoder().decode(String.self, from: Data(quoted.utf8)), text)
        }
    }
}
