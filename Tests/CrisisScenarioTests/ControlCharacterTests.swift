import XCTest
@testable import CrisisScenario

/// Control characters written as escapes in quoted values: an outside audit's cohort named
/// `"e\u0000x"` passed validate and wrote NUL bytes into every CSV and HTML file, and a
/// description of `"\e[2J\e[31mall clear\e[0m"` cleared the terminal it was printed on.
final class ControlCharacterTests: XCTestCase {
    let baseline = Paths.scenario("baseline.yaml")
    let rule = "text in a scenario may not hold control characters (U+0000 to U+001F, U+007F)"
    let proseRule = "this text may hold newlines and tabs but no other control character (U+0000 to U+001F, U+007F)"

    func testNamesAndTheDescriptionRefuseControlCharacters() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("escapes.yaml", """
            extends: \(baseline)
            description: "\\e[2J\\e[31mall clear\\e[0m"
            cohorts: [{name: "e\\u0000x", share: 1}]
            ward_types: [{name: "acute\\x7f", share: 1}]
            """)
        let found = problems(path)
        XCTAssertEqual(found.count, 3, "\(found)")
        assertProblem(found.first, in: "escapes.yaml", line: 2, column: 14, keyPath: "description",
                      message: "expected a non-empty text, got \"\\u001b[2J\\u001b[31mall clear\\u001b[0m\", which holds "
                        + "control character U+001B at character 1: \(proseRule)")
        assertProblem(found.dropFirst().first, in: "escapes.yaml", line: 3, column: 18, keyPath: "cohorts.0.name",
                      message: "expected a non-empty text, got \"e\\u0000x\", which holds control character U+0000 at "
                        + "character 2: \(rule)")
        assertProblem(found.dropFirst(2).first, in: "escapes.yaml", line: 4, column: 21, keyPath: "ward_types.0.name",
                      message: "expected a non-empty text, got \"acute\\u007f\", which holds control character U+007F at "
                        + "character 6: \(rule)")
    }

    /// Every kind of text value, from a file or a `--set` (checked by the same validator):
    /// names, references to them, the description; only the description takes newline and tab.
    func testEveryTextValueFollowsOneRule() {
        let cases: [(override: String, keyPath: String, character: String)] = [
            ("areas.Northshire.name=\"North\\tshire\"", "areas.0.name", "U+0009 at character 6"),
            ("areas.Northshire.bed_network=[\"\\u001b\"]", "areas.0.bed_network.0", "U+001B at character 1"),
            ("cohorts.0.name=\"a\\nb\"", "cohorts.0.name", "U+000A at character 2"),
            ("description=\"a\\rb\"", "description", "U+000D at character 2"),
            ("description=\"bell\\a\"", "description", "U+0007 at character 5"),
        ]
        for (override, keyPath, character) in cases {
            let found = problems(baseline, overrides: [override])
            XCTAssertEqual(found.count, 1, "\(override): \(found)")
            XCTAssertEqual(found.first?.keyPath, keyPath, override)
            let expected = keyPath == "description" ? proseRule : rule
            XCTAssertTrue(found.first?.message.hasSuffix("which holds control character \(character): \(expected)") == true,
                          "\(override): \(found)")
        }
        // Prose runs over lines: newline and tab are its own.
        XCTAssertEqual(try load(baseline, overrides: ["description=\"line one\\n\\tline two\""]).summary, "line one\n\tline two")
    }

    /// A NUL in `extends` would end the path where the C library reads it: `base.yaml\0x`
    /// opened base.yaml. Refused like any other text.
    func testExtendsRefusesControlCharacters() throws {
        let directory = try TemporaryDirectory()
        try directory.write("base.yaml", "extends: \(baseline)\n")
        let path = try directory.write("variant.yaml", "extends: \"base.yaml\\u0000.bak\"\n")
        let found = problems(path)
        XCTAssertEqual(found.count, 1, "\(found)")
        assertProblem(found.first, in: "variant.yaml", line: 1, column: 10, keyPath: "extends",
                      message: "expected a file path, got \"base.yaml\\u0000.bak\", which holds control character U+0000 "
                        + "at character 10: \(rule)")
    }

    /// What a problem repeats (an unknown key, a `--set` argument, a path) shows control
    /// characters as escapes, so no problem writes one raw.
    func testProblemsRepeatControlCharactersAsEscapes() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("keys.yaml", "extends: \(baseline)\n\"a\\e[2J\": 1\n")
        let found = problems(path, overrides: ["crht.as\u{1B}sessors=3"])
        XCTAssertEqual(found.map(\.description), [
            "\(path):2:1: a\\u001b[2J: unknown key 'a\\u001b[2J' (expected one of: description, extends, set, run, areas, "
                + "cohorts, ward_types, crht, home_treatment, crisis_house, liaison, section_136, beds, representation, costs)",
            "--set 'crht.as\\u001bsessors=3': crht.as\\u001bsessors: unknown key 'as\\u001bsessors'; did you mean 'assessors'?",
        ])
        for problem in found {
            XCTAssertFalse(problem.description(loading: "x\u{7}.yaml").unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F },
                           problem.description(loading: "x\u{7}.yaml"))
        }
    }
}
