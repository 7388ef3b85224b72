import XCTest
@testable import CrisisScenario

final class SuggestionTests: XCTestCase {
    func testEditDistance() {
        XCTAssertEqual(Suggestion.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.editDistance("", "abc"), 3)
        XCTAssertEqual(Suggestion.editDistance("abc", ""), 3)
        XCTAssertEqual(Suggestion.editDistance("beds", "beds"), 0)
    }

    func testSuggestsOnlyLikelySlips() {
        let keys = ["assessors", "hours", "out_of_hours", "response_hours"]
        XCTAssertEqual(Suggestion.closest(to: "asessors", among: keys), "assessors")
        XCTAssertEqual(Suggestion.closest(to: "Hours", among: keys), "hours")
        XCTAssertEqual(Suggestion.closest(to: "out_of_hour", among: keys), "out_of_hours")
        XCTAssertNil(Suggestion.closest(to: "budget", among: keys))
    }
}
