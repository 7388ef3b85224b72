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
}
