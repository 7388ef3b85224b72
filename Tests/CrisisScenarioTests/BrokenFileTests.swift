import Foundation
import XCTest
@testable import CrisisScenario

/// The corpus of broken files in Fixtures/: each problem at its exact line, column and key
/// path, every problem in a file reported at once, and never a crash.
final class BrokenFileTests: XCTestCase {
    func testThreeErrorsGiveThreeProblems() {
        let found = problems(Paths.fixture("three-errors.yaml"))
        XCTAssertEqual(found.count, 3)
        assertProblem(found[0], in: "three-errors.yaml", line: 4, column: 14, keyPath: "crht.assessors",
                      message: "expected an integer in [0, 10000], got -2")
        assertProblem(found[1], in: "three-errors.yaml", line: 6, column: 27, keyPath: "home_treatment.escalation_probability",
                      message: "expected a probability in [0, 1], got 1.5")
        assertProblem(found[2], in: "three-errors.yaml", line: 8, column: 20, keyPath: "costs.police_hour_gbp",
                      message: "expected a number in [0, 10000000], got lots")
        XCTAssertTrue(found[0].description.hasSuffix(
            "three-errors.yaml:4:14: crht.assessors: expected an integer in [0, 10000], got -2"))
    }

    func testMalformedYAMLIsReportedWhereTheParserStopped() {
        let found = problems(Paths.fixture("malformed.yaml"))
        XCTAssertEqual(found.count, 1)
        assertProblem(found.first, in: "malformed.yaml", line: 5, column: 15, keyPath: "",
                      message: "malformed YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 4, column 14)")
    }

    func testWrongTypes() {
        let found = problems(Paths.fixture("wrong-types.yaml"))
        XCTAssertEqual(found.count, 5)
        assertProblem(found[0], in: "wrong-types.yaml", line: 4, column: 14, keyPath: "crht.assessors",
                      message: "expected an integer in [0, 10000], got four")
        assertProblem(found[1], in: "wrong-types.yaml", line: 5, column: 17, keyPath: "crht.out_of_hours",
                      message: "unknown value 'true' (expected one of: wait, bypass)")
        assertProblem(found[2], in: "wrong-types.yaml", line: 6, column: 10, keyPath: "crht.hours",
                      message: "expected a mapping, got 24")
        assertProblem(found[3], in: "wrong-types.yaml", line: 8, column: 17, keyPath: "beds.repatriation",
                      message: "expected true or false, got \"yes\"")
        assertProblem(found[4], in: "wrong-types.yaml", line: 9, column: 30, keyPath: "beds.repatriation_minimum_days",
                      message: "expected a number in [0, 36500], got a list")
    }

    func testNaNAndInfinityAreRefused() {
        let found = problems(Paths.fixture("not-finite.yaml"))
        XCTAssertEqual(found.count, 3)
        assertProblem(found[0], in: "not-finite.yaml", line: 4, column: 30, keyPath: "beds.repatriation_minimum_days",
                      message: "expected a number in [0, 36500], got .nan, which is not a finite number")
        assertProblem(found[1], in: "not-finite.yaml", line: 6, column: 16, keyPath: "section_136.limit_hours",
                      message: "expected a number in (0, 8760], got .inf, which is not a finite number")
        assertProblem(found[2], in: "not-finite.yaml", line: 8, column: 41, keyPath: "representation.after_days.mean",
                      message: "expected a finite number, got -.inf")
    }

    func testNegativeAndEnormousCapacities() {
        let found = problems(Paths.fixture("capacities.yaml"))
        XCTAssertEqual(found.count, 4)
        // A value given in a `set:` section is reported where the value is written.
        assertProblem(found[0], in: "capacities.yaml", line: 4, column: 26, keyPath: "areas.0.beds",
                      message: "expected an integer in [0, 100000], got 1000000000")
        assertProblem(found[1], in: "capacities.yaml", line: 6, column: 14, keyPath: "crht.assessors",
                      message: "expected an integer in [0, 10000], got -2")
        assertProblem(found[2], in: "capacities.yaml", line: 8, column: 27, keyPath: "section_136.place_of_safety_suites",
                      message: "expected an integer in [0, 10000], got 99999999999999999999")
        assertProblem(found[3], in: "capacities.yaml", line: 10, column: 23, keyPath: "home_treatment.caseload_per_staff",
                      message: "expected an integer in [1, 1000], got 0")
    }

    func testProbabilitiesOutsideZeroToOne() {
        let found = problems(Paths.fixture("probabilities.yaml"))
        XCTAssertEqual(found.count, 3)
        assertProblem(found[0], in: "probabilities.yaml", line: 4, column: 29, keyPath: "crht.admissions_avoided_share",
                      message: "expected a probability in [0, 1], got 1.5")
        assertProblem(found[1], in: "probabilities.yaml", line: 6, column: 16, keyPath: "representation.probability",
                      message: "expected a probability in [0, 1], got -0.1")
        assertProblem(found[2], in: "probabilities.yaml", line: 8, column: 55, keyPath: "cohorts.0.detention_probability",
                      message: "expected a probability in [0, 1], got 2")
    }

    func testSplitsAndSharesMustSumToOne() {
        let found = problems(Paths.fixture("splits.yaml"))
        XCTAssertEqual(found.count, 3)
        assertProblem(found[0], in: "splits.yaml", line: 4, column: 13, keyPath: "liaison.outcomes",
                      message: "shares sum to 0.95; expected 1 (within 1e-9)")
        assertProblem(found[1], in: "splits.yaml", line: 6, column: 22, keyPath: "crht.referral_outcomes.crisis_house",
                      message: "missing share 'crisis_house': every outcome needs a share (0 if it never happens)")
        assertProblem(found[2], in: "splits.yaml", line: 8, column: 3, keyPath: "cohorts",
                      message: "shares sum to 0.9; expected 1 (within 1e-9)")
    }

    func testCircularExtendsNamesTheChain() {
        let found = problems(Paths.fixture("circular-a.yaml"))
        XCTAssertEqual(found.count, 1)
        assertProblem(found.first, in: "circular-b.yaml", line: 2, column: 10, keyPath: "extends",
                      message: "circular extends: \(Paths.fixture("circular-a.yaml")) -> \(Paths.fixture("circular-b.yaml")) -> \(Paths.fixture("circular-a.yaml"))")
    }

    func testMissingBaseIsReportedAtTheExtends() {
        let found = problems(Paths.fixture("missing-extends.yaml"))
        XCTAssertEqual(found.count, 1)
        assertProblem(found.first, in: "missing-extends.yaml", line: 2, column: 10, keyPath: "extends",
                      message: "cannot read '\(Paths.fixture("no-such-base.yaml"))': no such file")
    }

    func testMissingFileNamedOnTheCommandLine() {
        let found = problems(Paths.fixture("nowhere.yaml"))
        XCTAssertEqual(found.count, 1)
        assertProblem(found.first, in: "nowhere.yaml", line: nil, column: nil, keyPath: "",
                      message: "cannot read the file: no such file")
        assertProblem(problems(Paths.root.appendingPathComponent("Scenarios").path).first, in: "Scenarios", line: nil,
                      column: nil, keyPath: "", message: "cannot read the file: it is a directory, not a scenario file")
    }

    func testEmptyFile() {
        let found = problems(Paths.fixture("empty.yaml"))
        XCTAssertEqual(found.count, 1)
        assertProblem(found.first, in: "empty.yaml", line: 1, column: 1, keyPath: "",
                      message: "the file is empty: expected a mapping of sections (description, run, areas, ...)")
    }

    func testBinaryJunk() {
        let found = problems(Paths.fixture("binary-junk.yaml"))
        XCTAssertEqual(found.count, 1)
        assertProblem(found.first, in: "binary-junk.yaml", line: 1, column: 14, keyPath: "",
                      message: "binary data (a NUL byte): a scenario file is YAML text")
    }

    func testInvalidUTF8() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("latin1.yaml").path
        // "a: 1\nb: café\n" in Latin-1: the é is one byte that is not UTF-8.
        let latin1 = Data([0x61, 0x3a, 0x20, 0x31, 0x0a, 0x62, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a])
        try latin1.write(to: URL(fileURLWithPath: path))
        assertProblem(problems(path).first, in: "latin1.yaml", line: 2, column: 7, keyPath: "",
                      message: "not UTF-8 text (an invalid byte): a scenario file is YAML text")
    }

    /// YAML allows a byte order mark at the start; a file with one (as some Windows editors
    /// save) once failed with "did not find expected <document start>". It loads as the same
    /// scenario, and positions on line 1 are where an editor shows them.
    func testAByteOrderMarkIsAllowed() throws {
        let directory = try TemporaryDirectory()
        let mark = Data([0xEF, 0xBB, 0xBF])
        let baseline = try ScenarioLoader.load(Paths.scenario("baseline.yaml"))
        for (name, text) in [("document-start.yaml", "---\nextends: \(Paths.scenario("baseline.yaml"))\n"),
                             ("plain.yaml", "extends: \(Paths.scenario("baseline.yaml"))\n")] {
            let path = directory.url.appendingPathComponent(name).path
            try (mark + Data(text.utf8)).write(to: URL(fileURLWithPath: path))
            XCTAssertEqual(try ScenarioLoader.load(path).hash, baseline.hash, name)
        }
        let path = directory.url.appendingPathComponent("unknown.yaml").path
        try (mark + Data("crht: {asessors: 3}\nextends: \(Paths.scenario("baseline.yaml"))\n".utf8)).write(to: URL(fileURLWithPath: path))
        let found = problems(path)
        XCTAssertEqual(found.count, 1)
        assertProblem(found.first, in: "unknown.yaml", line: 1, column: 8, keyPath: "crht.asessors",
                      message: "unknown key 'asessors'; did you mean 'assessors'?")
        // Only a mark at the start is one: elsewhere U+FEFF is text, as YAML says.
        XCTAssertEqual(ScenarioFileReader.withoutByteOrderMark(Data("a".utf8) + mark), Data("a".utf8) + mark)
    }

    func testUnknownKeysGetSuggestions() {
        let found = problems(Paths.fixture("unknown-keys.yaml"))
        XCTAssertEqual(found.count, 4)
        assertProblem(found[0], in: "unknown-keys.yaml", line: 4, column: 3, keyPath: "crht.asessors",
                      message: "unknown key 'asessors'; did you mean 'assessors'?")
        assertProblem(found[1], in: "unknown-keys.yaml", line: 5, column: 1, keyPath: "cost",
                      message: "unknown key 'cost'; did you mean 'costs'?")
        assertProblem(found[2], in: "unknown-keys.yaml", line: 8, column: 33, keyPath: "beds.delay_days.meen",
                      message: "unknown parameter 'meen' for a lognormal distribution; did you mean 'mean'?")
        assertProblem(found[3], in: "unknown-keys.yaml", line: 9, column: 30, keyPath: "beds.informal_stay_days.type",
                      message: "unknown distribution type 'lognormall'; did you mean 'lognormal'?")
    }

    func testBedNetworkReferencesMustNameAnotherArea() {
        let found = problems(Paths.fixture("missing-area.yaml"))
        XCTAssertEqual(found.count, 2)
        assertProblem(found[0], in: "missing-area.yaml", line: 4, column: 34, keyPath: "areas.0.bed_network.0",
                      message: "'Northshire' lists itself; name the other areas only")
        assertProblem(found[1], in: "missing-area.yaml", line: 4, column: 46, keyPath: "areas.0.bed_network.1",
                      message: "no item of areas is named 'Southdal' (expected one of: Northshire)")
    }

    func testDistributionParametersAreCheckedBySimRandom() {
        let found = problems(Paths.fixture("distributions.yaml"))
        XCTAssertEqual(found.count, 5)
        assertProblem(found[0], in: "distributions.yaml", line: 4, column: 47, keyPath: "beds.informal_stay_days.mean",
                      message: "lognormal: mean must be greater than the median (23.0), got 20.0")
        assertProblem(found[1], in: "distributions.yaml", line: 5, column: 23, keyPath: "beds.detained_stay_days",
                      message: "a lognormal distribution takes mean and median, mean and cv or mu and sigma, got mean and sigma")
        assertProblem(found[2], in: "distributions.yaml", line: 6, column: 36, keyPath: "beds.delay_days.value",
                      message: "a duration cannot be negative: expected value >= 0, got -1")
        assertProblem(found[3], in: "distributions.yaml", line: 8, column: 41, keyPath: "representation.after_days.values",
                      message: "expected a list of at least one number, got an empty list")
        assertProblem(found[4], in: "distributions.yaml", line: 10, column: 19, keyPath: "crht.response_hours.type",
                      message: "missing 'type': expected one of fixed, exponential, uniform, gamma, lognormal, weibull, triangular, pert, empirical")
    }

    func testDuplicates() {
        let key = problems(Paths.fixture("duplicate-key.yaml"))
        XCTAssertEqual(key.count, 1)
        assertProblem(key.first, in: "duplicate-key.yaml", line: 4, column: 3, keyPath: "",
                      message: "key 'assessors' appears more than once in the same mapping")
        let area = problems(Paths.fixture("duplicate-area.yaml"))
        XCTAssertEqual(area.count, 1)
        assertProblem(area.first, in: "duplicate-area.yaml", line: 4, column: 19, keyPath: "areas.1.name",
                      message: "duplicate name 'Northshire' (item 0 has it too)")
    }

    func testTopLevelMustBeAMapping() {
        assertProblem(problems(Paths.fixture("top-level-list.yaml")).first, in: "top-level-list.yaml", line: 1, column: 1,
                      keyPath: "", message: "not a scenario file: expected a mapping of sections (description, run, areas, ...) at the top level, got a list")
    }

    func testEveryMissingSectionIsReported() {
        let found = problems(Paths.fixture("missing-sections.yaml"))
        XCTAssertEqual(found.map(\.keyPath),
                       ["areas", "crht", "home_treatment", "crisis_house", "liaison", "section_136", "beds", "representation", "costs"])
        for problem in found {
            XCTAssertEqual(problem.location.line, 2)
            XCTAssertEqual(problem.location.column, 1)
            XCTAssertTrue(problem.message.hasPrefix("missing required key '\(problem.keyPath)'"), problem.message)
        }
    }

    // MARK: Limits, generated rather than committed

    func testFilesOverTheSizeLimitAreRefusedBeforeParsing() throws {
        let directory = try TemporaryDirectory()
        let line = "# padding\n"
        let text = String(repeating: line, count: ScenarioLoader.maximumFileBytes / line.utf8.count + 1)
        let path = try directory.write("huge.yaml", text)
        let found = problems(path)
        XCTAssertEqual(found.count, 1)
        assertProblem(found.first, in: "huge.yaml", line: nil, column: nil, keyPath: "",
                      message: "cannot read the file: the file is 10.0 MB; scenario files are limited to 10 MB")
    }

    func testDeepNestingStopsAtTheDepthLimit() throws {
        let directory = try TemporaryDirectory()
        let depth = ScenarioLoader.maximumDepth + 8
        let path = try directory.write("deep.yaml", "description: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n")
        let found = problems(path)
        XCTAssertEqual(found.count, 1)
        // The root mapping is level 1 and the first "[" (column 14) level 2, so the first
        // level too deep is the bracket at column 14 + maximumDepth - 1.
        assertProblem(found.first, in: "deep.yaml", line: 1, column: 14 + ScenarioLoader.maximumDepth - 1, keyPath: "",
                      message: "nested \(ScenarioLoader.maximumDepth + 1) or more levels deep; the limit is \(ScenarioLoader.maximumDepth)")
    }

    /// libyaml stops at 1000 levels, before the conversion's limit can: the message once said
    /// "more than 1000 levels deep (the limit is 32)", unlike the one for 33 levels. Both now
    /// say how deep and the limit, in one form.
    func testVeryDeepNestingIsStoppedByTheParser() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("deeper.yaml", String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000))
        let found = problems(path)
        XCTAssertEqual(found.count, 1)
        assertProblem(found.first, in: "deeper.yaml", line: 1, column: 1, keyPath: "",
                      message: "nested more than 1000 levels deep; the limit is \(ScenarioLoader.maximumDepth)")
    }

    /// A few aliases that name each other expand to millions of values.
    func testAliasExpansionIsBounded() throws {
        let directory = try TemporaryDirectory()
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g"], ["a", "b", "c", "d", "e", "f"]) {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let found = problems(try directory.write("laughs.yaml", text))
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.message, "more than \(ScenarioYAML.maximumValues) values (aliases expand too far?)")
    }
}
