import XCTest
@testable import CrisisScenario

/// `--set key.path=value`: applied after every file is merged, walked against the schema.
final class OverrideTests: XCTestCase {
    private let baseline = Paths.scenario("baseline.yaml")

    func testScalarOverride() throws {
        XCTAssertEqual(try load(baseline, overrides: ["crht.assessors=7"]).configuration.areas[0].services.crhtAssessors, 7)
    }

    func testListItemsByIndexAndByName() throws {
        XCTAssertEqual(try load(baseline, overrides: ["areas.0.beds=90"]).configuration.areas[0].beds, 90)
        XCTAssertEqual(try load(baseline, overrides: ["areas.Northshire.beds=95"]).configuration.areas[0].beds, 95)
        let weights = try load(baseline, overrides: ["areas.Northshire.sources.police.day_of_week_weights.6=3"])
            .configuration.areas[0].sources.police.dayOfWeekWeights
        XCTAssertEqual(weights.last, 3)
    }

    func testValuesAreYAML() throws {
        let scenario = try load(baseline, overrides: ["crht.hours={start_hour: 0, hours_per_day: 24}",
                                                      "beds.delay_days.mean=10",
                                                      "areas.Northshire.bed_schedule=[{at_day: 400, beds: 95}]"])
        XCTAssertTrue(scenario.configuration.crht.hours.isRoundTheClock)
        XCTAssertEqual(scenario.configuration.beds.delayDays, try .lognormal(mean: 10, cv: 1))
        XCTAssertEqual(scenario.configuration.areas[0].bedSchedule.map(\.capacity), [95])
    }

    func testOverridesApplyAfterEveryFileIsMerged() throws {
        let variant = Paths.scenario("beds-plus-10.yaml")
        XCTAssertEqual(try load(variant, overrides: ["areas.Northshire.beds=120"]).configuration.areas[0].beds, 120)
    }

    func testAnEmptyValueRemovesTheKeySoTheDefaultApplies() throws {
        let variant = Paths.scenario("s136-72-hours.yaml")
        let s136 = try load(variant, overrides: ["section_136.limit_hours=", "section_136.extension_hours=~"]).configuration.section136
        XCTAssertEqual([s136.limitHours, s136.extensionHours], [24, 12])
    }

    func testTheOverrideIsPartOfTheHash() throws {
        let plain = try load(baseline)
        XCTAssertNotEqual(try load(baseline, overrides: ["run.seed=43"]).hash, plain.hash)
        XCTAssertEqual(try load(baseline, overrides: ["run.seed=42"]).hash, plain.hash)
    }

    func testEveryBadOverrideIsReportedAfterTheFilesProblems() {
        let found = problems(Paths.fixture("three-errors.yaml"), overrides: [
            "crht.asessors=4",
            "areas.Southdale.beds=1",
            "areas.3.beds=1",
            "crht.assessors.count=1",
            "crht.assessors",
            "extends=other.yaml",
            "crht.hours={start_hour: 0",
            "run..seed=1",
        ])
        XCTAssertEqual(found.count, 11)
        XCTAssertEqual(found.prefix(3).map(\.keyPath), ["crht.assessors", "home_treatment.escalation_probability", "costs.police_hour_gbp"])
        let commandLine = Array(found.dropFirst(3))
        for problem in commandLine {
            guard case .commandLine = problem.location.origin else { return XCTFail("\(problem) is not from the command line") }
        }
        XCTAssertEqual(commandLine.map(\.description), [
            "--set 'crht.asessors=4': crht.asessors: unknown key 'asessors'; did you mean 'assessors'?",
            "--set 'areas.Southdale.beds=1': areas.Southdale: no item named 'Southdale' (expected one of: Northshire)",
            "--set 'areas.3.beds=1': areas.3: no item 3: the list has 1 (index 1 appends a whole item)",
            "--set 'crht.assessors.count=1': crht.assessors.count: 'crht.assessors' is a single value; it has no key 'count'",
            "--set 'crht.assessors': expected key.path=value",
            "--set 'extends=other.yaml': extends: 'extends' cannot be set this way; write a scenario file that extends this one",
            "--set 'crht.hours={start_hour: 0': malformed YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 1, column 1)",
            "--set 'run..seed=1': run..seed: expected a key path like crht.assessors or areas.0.beds",
        ])
    }

    func testAnOverriddenValueIsValidatedWhereItWasGiven() {
        let found = problems(baseline, overrides: ["crht.assessors=-1"])
        XCTAssertEqual(found.map(\.description), ["--set 'crht.assessors=-1': crht.assessors: expected an integer in [0, 10000], got -1"])
    }

    /// An empty value removes a key (so a default applies); for a required key that is the
    /// assignment's mistake, and once it was blamed on the line of the file that wrote the key.
    func testRemovingARequiredKeyIsBlamedOnTheAssignment() throws {
        let found = problems(baseline, overrides: ["crht.assessors=", "areas.Northshire.beds=~"])
        XCTAssertEqual(found.map(\.description), [
            "--set 'crht.assessors=': crht.assessors: an empty value removes the key, and it is required: expected an integer "
                + "in [0, 10000]",
            "--set 'areas.Northshire.beds=~': areas.Northshire.beds: an empty value removes the key, and it is required: "
                + "expected an integer in [0, 100000]",
        ])
        XCTAssertEqual(found[0].description(loading: "Scenarios/baseline.yaml"),
                       "--set 'crht.assessors=' (applied to Scenarios/baseline.yaml): crht.assessors: an empty value removes the key, "
                        + "and it is required: expected an integer in [0, 10000]")
        // A key with a default may still be emptied: the default applies.
        XCTAssertEqual(try load(baseline, overrides: ["run.seed="]).run.seed, 42)
    }

    func testAppendingAnItem() throws {
        let scenario = try load(baseline, overrides: [
            "cohorts.0.share=0.7",
            "cohorts.1={name: older adults, share: 0.3, detention_probability: 0.2}",
        ])
        XCTAssertEqual(scenario.configuration.cohorts.map(\.name), ["everyone", "older adults"])
        XCTAssertEqual(scenario.configuration.cohorts[1].detentionProbability, 0.2)
        XCTAssertNil(scenario.configuration.cohorts[0].detentionProbability)
    }
}
