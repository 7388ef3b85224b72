import Foundation
import XCTest
@testable import CrisisScenario

/// Files that are not scenarios, named on the command line or by an `extends`: each is
/// described by its shape, and none of its text appears in any problem, since an `extends`
/// can name a file of secrets and problems are printed, logged and served.
final class ForeignFileTests: XCTestCase {
    func testExtendingThePasswordFileDoesNotEchoIt() throws {
        let passwd = "/etc/passwd"
        let text = try String(contentsOfFile: passwd, encoding: .utf8)
        let directory = try TemporaryDirectory()
        let found = problems(try directory.write("child.yaml", "extends: \(passwd)\n"))
        XCTAssertEqual(found.count, 1)
        assertProblem(found.first, in: "passwd", line: 1, column: 1, keyPath: "",
                      message: "not a scenario file: expected a mapping of sections (description, run, areas, ...) "
                          + "at the top level, got a single value")
        assertNothingQuoted(from: text, in: found)
    }

    func testAFileOfLinesIsASingleValue() throws {
        let found = problems(Paths.fixture("extends-foreign.yaml"))
        XCTAssertEqual(found.count, 1)
        assertProblem(found.first, in: "foreign-passwd.yaml", line: 1, column: 1, keyPath: "",
                      message: "not a scenario file: expected a mapping of sections (description, run, areas, ...) "
                          + "at the top level, got a single value")
    }

    /// Another tool's YAML parses as a mapping, but with no scenario section it is not a
    /// scenario, and its keys are not listed as unknown (with their values nearby).
    func testAMappingWithNoScenarioSectionIsNotAScenario() {
        let found = problems(Paths.fixture("foreign-config.yaml"))
        XCTAssertEqual(found.count, 1)
        assertProblem(found.first, in: "foreign-config.yaml", line: 1, column: 1, keyPath: "",
                      message: "not a scenario file: expected a mapping of sections (description, run, areas, ...) "
                          + "at the top level, got a mapping with none of them")
    }

    /// A parse error names a duplicated key only when it is one of the format's own words.
    func testADuplicatedForeignKeyIsNotQuoted() {
        let found = problems(Paths.fixture("foreign-duplicate-key.yaml"))
        XCTAssertEqual(found.count, 1)
        assertProblem(found.first, in: "foreign-duplicate-key.yaml", line: 1, column: 1, keyPath: "",
                      message: "a key appears more than once in the same mapping")
    }

    /// The class, not the examples: no word of any foreign fixture reaches a problem.
    func testNoForeignFixtureIsQuoted() throws {
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: Paths.fixture(""))
            .filter { $0.hasPrefix("foreign-") }
        XCTAssertGreaterThanOrEqual(fixtures.count, 3)
        for name in fixtures {
            let path = Paths.fixture(name)
            assertNothingQuoted(from: try String(contentsOfFile: path, encoding: .utf8), in: problems(path))
        }
    }

    /// Fails when a problem contains any word of `text` longer than three letters that is
    /// not the format's own.
    private func assertNothingQuoted(from text: String, in found: [ScenarioProblem],
                                     file: StaticString = #filePath, line: UInt = #line) {
        let words = Set(text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).map(String.init))
            .filter { $0.count > 3 && !ScenarioSchema.vocabulary.contains($0) }
        for problem in found {
            let message = problem.message
            for word in words where message.contains(word) {
                XCTFail("'\(word)' from the file is quoted in: \(message)", file: file, line: line)
            }
        }
    }
}
