import Foundation
import XCTest
@testable import CrisisScenario

/// `extends`: sections merge key by key, lists, distributions and splits are replaced whole,
/// null removes, paths are relative to the extending file, cycles are found.
final class ExtendsTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private let baseline = Paths.scenario("baseline.yaml")

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory = nil
    }

    func testSectionsMergeKeyByKey() throws {
        let path = try directory.write("child.yaml", """
            extends: \(baseline)
            crht:
              assessors: 9
            """)
        let configuration = try load(path).configuration
        let crht = configuration.crht
        XCTAssertEqual(configuration.areas[0].services.crhtAssessors, 9)
        // The rest of the section is inherited.
        XCTAssertEqual(crht.referralOutcomes, [.homeTreatment: 0.35, .admissionRequest: 0.15, .discharge: 0.50])
        XCTAssertEqual(crht.outOfHours, .wait)
    }

    func testListsAreReplacedWhole() throws {
        let path = try directory.write("child.yaml", """
            extends: \(baseline)
            areas:
              - name: Elsewhere
                adult_population: 1000
                beds: 3
                sources: {community: {per_year: 10}, emergency_department: {per_year: 5}, police: {per_year: 1}}
            """)
        let areas = try load(path).configuration.areas
        XCTAssertEqual(areas.map(\.name), ["Elsewhere"])
        XCTAssertEqual(areas[0].sources.community.hourOfDayWeights, [], "nothing merged in from Northshire")
    }

    func testDistributionsAreReplacedWhole() throws {
        // The baseline's delay is {type: lognormal, mean: 20, cv: 1}: merging key by key
        // would leave a lognormal cv inside this gamma.
        let path = try directory.write("child.yaml", """
            extends: \(baseline)
            beds:
              delay_days: {type: gamma, shape: 2, scale: 3}
            """)
        XCTAssertEqual(try load(path).configuration.beds.delayDays, try .gamma(shape: 2, scale: 3))
    }

    func testNullRemovesTheInheritedValueSoTheDefaultApplies() throws {
        try directory.write("base.yaml", """
            extends: \(baseline)
            run: {replications: 30, seed: 7}
            """)
        let path = try directory.write("child.yaml", """
            extends: base.yaml
            run:
              replications: null
            """)
        let run = try load(path).run
        XCTAssertEqual(run.replications, 10, "the schema default")
        XCTAssertEqual(run.seed, 7, "still inherited")
    }

    func testPathsAreRelativeToTheExtendingFile() throws {
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("variants"), withIntermediateDirectories: true)
        try directory.write("base.yaml", "extends: \(baseline)\ncrht: {assessors: 8}\n")
        let child = try directory.write("variants/child.yaml", "extends: ../base.yaml\nhome_treatment: {staff: 50}\n")
        let scenario = try load(child)
        XCTAssertEqual(scenario.files, [child, directory.url.appendingPathComponent("base.yaml").path, baseline])
        XCTAssertEqual(scenario.configuration.areas[0].services.crhtAssessors, 8)
        XCTAssertEqual(scenario.configuration.areas[0].services.homeTreatmentStaff, 50)
    }

    func testJoinKeepsTheFormTheUserWrote() {
        XCTAssertEqual(ScenarioInheritance.join("Scenarios/crht-24-7.yaml", "baseline.yaml"), "Scenarios/baseline.yaml")
        XCTAssertEqual(ScenarioInheritance.join("x.yaml", "./baseline.yaml"), "baseline.yaml")
        XCTAssertEqual(ScenarioInheritance.join("a/b/x.yaml", "../../c/base.yaml"), "c/base.yaml")
        XCTAssertEqual(ScenarioInheritance.join("x.yaml", "../base.yaml"), "../base.yaml")
        XCTAssertEqual(ScenarioInheritance.join("/s/v/x.yaml", "../base.yaml"), "/s/base.yaml")
        XCTAssertEqual(ScenarioInheritance.join("a/x.yaml", "/abs/base.yaml"), "/abs/base.yaml")
    }

    func testEachFilesSetAppliesAfterItsMergeAndBeforeItsChildren() throws {
        try directory.write("base.yaml", """
            extends: \(baseline)
            set:
              areas.Northshire.beds: 120
              crht.assessors: 6
            """)
        let path = try directory.write("child.yaml", """
            extends: base.yaml
            crht:
              assessors: 7
            """)
        let configuration = try load(path).configuration
        XCTAssertEqual(configuration.areas[0].beds, 120)
        XCTAssertEqual(configuration.areas[0].services.crhtAssessors, 7, "the child's own value wins over its base's set")
    }

    func testAFileThatExtendsItself() throws {
        let path = try directory.write("self.yaml", "extends: self.yaml\n")
        let found = problems(path)
        XCTAssertEqual(found.count, 1)
        assertProblem(found.first, in: "self.yaml", line: 1, column: 10, keyPath: "extends",
                      message: "circular extends: \(path) -> \(path)")
    }

    func testACycleThroughThreeFilesNamesEachFile() throws {
        try directory.write("a.yaml", "extends: b.yaml\n")
        try directory.write("b.yaml", "extends: ./c.yaml\n")
        try directory.write("c.yaml", "description: closes the loop\nextends: a.yaml\n")
        let start = directory.url.appendingPathComponent("a.yaml").path
        let found = problems(start)
        XCTAssertEqual(found.count, 1)
        let names = ["a.yaml", "b.yaml", "c.yaml", "a.yaml"].map { directory.url.appendingPathComponent($0).path }
        assertProblem(found.first, in: "c.yaml", line: 2, column: 10, keyPath: "extends",
                      message: "circular extends: \(names.joined(separator: " -> "))")
    }

    func testAProblemInABaseIsReportedInTheBase() throws {
        try directory.write("base.yaml", "extends: \(baseline)\ncrht:\n  assessors: lots\n")
        let path = try directory.write("child.yaml", "extends: base.yaml\nhome_treatment:\n  staff: -1\n")
        let found = problems(path)
        XCTAssertEqual(found.count, 2)
        // The named file's problems first, then its base's.
        assertProblem(found[0], in: "child.yaml", line: 3, column: 10, keyPath: "home_treatment.staff",
                      message: "expected an integer in [0, 10000], got -1")
        assertProblem(found[1], in: "base.yaml", line: 3, column: 14, keyPath: "crht.assessors",
                      message: "expected an integer in [0, 10000], got lots")
    }

    func testExtendsMustBeAPath() throws {
        let path = try directory.write("child.yaml", "extends: [a.yaml, b.yaml]\n")
        assertProblem(problems(path).first, in: "child.yaml", line: 1, column: 10, keyPath: "extends",
                      message: "expected a file path, got a list")
    }

    /// The hash is of the meaning, not the text: a file that restates inherited values and
    /// defaults, with comments, is the same scenario.
    func testTheHashDependsOnMeaningNotLayout() throws {
        let reference = try load(baseline)
        let restated = try directory.write("restated.yaml", """
            # Same scenario, said differently.
            extends: \(baseline)
            run:
              replications: 10.0       # a default, written out
            crht:
              assessors: 5             # the baseline's own value
              hours: {hours_per_day: 16, start_hour: 7}
            """)
        XCTAssertEqual(try load(restated).hash, reference.hash)
        let changed = try directory.write("changed.yaml", "extends: \(baseline)\ncrht: {assessors: 6}\n")
        XCTAssertNotEqual(try load(changed).hash, reference.hash)
    }
}
