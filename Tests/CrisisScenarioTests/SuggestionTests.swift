import XCTest
@testable import CrisisScenario

final class SuggestionTests: XCTestCase {
    func testEditDistance() {
        XCTAssertEqual(Suggestion.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.editDistance("", "abc"), 3)
        XCTAssertEqual(Suggestion.editDistance("abc", ""), 3)
        XCTAssertEqual(Suggestion.editDistance("beds", "beds"), 0)
    }

    /// Two adjacent letters typed in the wrong order are one slip, not two substitutions.
    func testASwapOfAdjacentLettersIsOneEdit() {
        XCTAssertEqual(Suggestion.editDistance("crth", "crht"), 1)
        XCTAssertEqual(Suggestion.editDistance("assessros", "assessors"), 1)
        XCTAssertEqual(Suggestion.editDistance("ab", "ba"), 1)
        // Optimal string alignment edits no substring twice: "ca" to "abc" stays 3.
        XCTAssertEqual(Suggestion.editDistance("ca", "abc"), 3)
        let sections = ScenarioSchema.root.map(\.key)
        XCTAssertEqual(Suggestion.closest(to: "crth", among: sections), "crht")
        XCTAssertEqual(Suggestion.closest(to: "assessros", among: ScenarioSchema.crht.map(\.key)), "assessors")
    }

    /// The suggestion reaches the planner: a swapped section name in a file.
    func testASwappedSectionNameIsSuggested() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("swapped.yaml", "extends: \(Paths.scenario("baseline.yaml"))\ncrth:\n  assessros: 4\n")
        let found = problems(path)
        XCTAssertEqual(found.count, 1)
        assertProblem(found.first, in: "swapped.yaml", line: 2, column: 1, keyPath: "crth",
                      message: "unknown key 'crth'; did you mean 'crht'?")
    }

    func testSuggestsOnlyLikelySlips() {
        let keys = ["assessors", "hours", "out_of_hours", "response_hours"]
        XCTAssertEqual(Suggestion.closest(to: "asessors", among: keys), "assessors")
        XCTAssertEqual(Suggestion.closest(to: "Hours", among: keys), "hours")
        XCTAssertEqual(Suggestion.closest(to: "out_of_hour", among: keys), "out_of_hours")
        XCTAssertNil(Suggestion.closest(to: "budget", among: keys))
    }

    /// A file written for an earlier version is told what replaced a retired key, in a file
    /// and on the command line.
    func testARetiredKeyNamesItsReplacement() throws {
        let folder = try TemporaryDirectory()
        try folder.write("base.yaml", try String(contentsOfFile: Paths.scenario("baseline.yaml"), encoding: .utf8))
        let path = try folder.write("old.yaml", """
            extends: base.yaml
            beds:
              max_wait_hours: 4
            costs:
              local_bed_day_gbp: 450

            """)
        let found = problems(path)
        XCTAssertEqual(found.map(\.keyPath), ["beds.max_wait_hours", "costs.local_bed_day_gbp"])
        XCTAssertTrue(found[0].message.hasPrefix("unknown key 'max_wait_hours': replaced by 'bed_search_hours'"), found[0].message)
        XCTAssertTrue(found[1].message.contains("renamed 'local_staffed_bed_day_gbp'"), found[1].message)
        let overridden = problems(Paths.scenario("baseline.yaml"), overrides: ["costs.home_treatment_day_gbp=150"])
        XCTAssertEqual(overridden.count, 1)
        XCTAssertTrue(overridden.first?.message.contains("replaced by 'home_treatment_staff_year_gbp'") ?? false, "\(overridden)")
    }
}
