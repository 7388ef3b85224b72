import XCTest
@testable import CrisisScenario

/// Values of the right type that cannot be meant: refused where they are nonsense (a stay
/// of no time, a mean of 1e-300 hours), a warning where they are only suspicious (a bed
/// change after the run ends).
final class ImplausibleValueTests: XCTestCase {
    func testDurationsThatCannotBeMeant() {
        let found = problems(Paths.fixture("nonsense-durations.yaml"))
        XCTAssertEqual(found.count, 5, "\(found)")
        assertProblem(found[0], in: "nonsense-durations.yaml", line: 5, column: 23, keyPath: "beds.informal_stay_days",
                      message: "every draw is 0, but this cannot take no time: expected a mean of at least one minute (1/1440 days)")
        assertProblem(found[1], in: "nonsense-durations.yaml", line: 8, column: 17, keyPath: "home_treatment.episode_days",
                      message: "every draw is 0, but this cannot take no time: expected a mean of at least one minute (1/1440 days)")
        assertProblem(found[2], in: "nonsense-durations.yaml", line: 10, column: 19, keyPath: "crht.response_hours",
                      message: "the mean is 1e-300 hours, under one minute: expected 0 or at least one minute (1/60 hours)")
        assertProblem(found[3], in: "nonsense-durations.yaml", line: 11, column: 21, keyPath: "crht.assessment_hours",
                      message: "the mean is 0.001 hours, under one minute: expected 0 or at least one minute (1/60 hours)")
        assertProblem(found[4], in: "nonsense-durations.yaml", line: 13, column: 14, keyPath: "crisis_house.stay_days",
                      message: "the mean is 1e-05 days, under one minute: expected at least one minute (1/1440 days)")
    }

    /// Every duration key says whether no time at all means something; the ones that are
    /// lengths of care (stays, episodes) must take time. A fixed 0 assessment is how the
    /// studies reduce the pathway to the bed model.
    func testWhichDurationsMayBeZero() {
        var mayBeZero: [String] = []
        var neverZero: [String] = []
        func walk(_ entries: [SchemaEntry], _ path: String) {
            for entry in entries {
                let full = path.isEmpty ? entry.key : "\(path).\(entry.key)"
                switch entry.type {
                case .distribution(.meaningful): mayBeZero.append(full)
                case .distribution(.nonsense): neverZero.append(full)
                case .record(let inner), .list(.record(let inner), _): walk(inner, full)
                default: break
                }
                if case .distribution = entry.type {
                    XCTAssertNotNil(SchemaType.minimumMean(unit: entry.unit), "\(full) has no unit the floor knows")
                }
            }
        }
        walk(ScenarioSchema.root, "")
        XCTAssertEqual(mayBeZero, ["crht.response_hours", "crht.assessment_hours", "liaison.response_hours",
                                   "liaison.assessment_hours", "section_136.assessment_response_hours",
                                   "section_136.assessment_hours", "beds.bed_search_hours", "beds.delay_days",
                                   "representation.after_days"])
        XCTAssertEqual(neverZero, ["cohorts.informal_stay_days", "cohorts.detained_stay_days", "home_treatment.episode_days",
                                   "crisis_house.stay_days", "beds.informal_stay_days", "beds.detained_stay_days"])
    }

    /// Means of more than a century (infinite ones too) are slips that made the offered load
    /// infinite (an outside audit ran lognormal mu 1000 and fixed 1e300 stays).
    func testMeansOverACenturyAreRefused() {
        let baseline = Paths.scenario("baseline.yaml")
        let cases = ["beds.informal_stay_days={type: lognormal, mu: 1000, sigma: 1}": "the mean is infinite, over a century",
                     "beds.detained_stay_days={type: fixed, value: 1e300}": "the mean is 1e+300 days, over a century",
                     "crht.response_hours={type: fixed, value: 900000}": "the mean is 9e+05 hours, over a century"]
        for (override, message) in cases {
            let found = problems(baseline, overrides: [override])
            XCTAssertEqual(found.count, 1, "\(override): \(found)")
            XCTAssertTrue(found.first?.message.hasPrefix(message) == true, "\(override): \(found)")
        }
        XCTAssertNoThrow(try ScenarioLoader.load(baseline, overrides: ["beds.informal_stay_days={type: fixed, value: 36525}"]))
    }

    /// A plausible mean no longer lets any spread through: a gamma with cv 1e10 and a
    /// lognormal with sigma 40 (an outside audit ran both, and got nonsense stays) are refused
    /// with the bound, in the parameters the file used.
    func testDurationsTooDispersedToBeMeant() {
        let found = problems(Paths.fixture("too-dispersed.yaml"))
        XCTAssertEqual(found.count, 6, "\(found)")
        let cv = "the coefficient of variation (standard deviation / mean) is"
        assertProblem(found[0], in: "too-dispersed.yaml", line: 5, column: 23, keyPath: "beds.informal_stay_days",
                      message: "\(cv) 1e+10: expected at most 10")
        assertProblem(found[1], in: "too-dispersed.yaml", line: 6, column: 23, keyPath: "beds.detained_stay_days",
                      message: "\(cv) infinite: expected at most 10 (for a lognormal: sigma at most 2.148)")
        assertProblem(found[2], in: "too-dispersed.yaml", line: 7, column: 21, keyPath: "beds.bed_search_hours",
                      message: "\(cv) 15.8: expected at most 10 (for a weibull: shape at least 0.2333)")
        assertProblem(found[3], in: "too-dispersed.yaml", line: 8, column: 15, keyPath: "beds.delay_days",
                      message: "\(cv) 10.5: expected at most 10 (for a lognormal: mean at most 10.04 times the median)")
        assertProblem(found[4], in: "too-dispersed.yaml", line: 10, column: 17, keyPath: "home_treatment.episode_days",
                      message: "\(cv) 31.6: expected at most 10 (for a gamma: shape at least 0.01)")
        assertProblem(found[5], in: "too-dispersed.yaml", line: 12, column: 19, keyPath: "crht.response_hours",
                      message: "\(cv) 10.0001: expected at most 10")
    }

    /// The bound is one cv whatever the form: the figures the problems and docs state are
    /// accepted, and a step past each is refused. An empirical list is held to it too.
    func testTheDispersionBoundInEveryForm() throws {
        let baseline = Paths.scenario("baseline.yaml")
        let key = "beds.informal_stay_days"
        let onTheBound = ["{type: gamma, mean: 31, cv: 10}", "{type: gamma, shape: 0.01, scale: 3100}",
                          "{type: lognormal, mean: 31, cv: 10}", "{type: lognormal, mu: 1, sigma: 2.148}",
                          "{type: lognormal, mean: 10.04, median: 1}", "{type: weibull, shape: 0.2333, scale: 1}",
                          "{type: empirical, values: [\(Array(repeating: "1", count: 9).joined(separator: ", ")), 10000]}"]
        for distribution in onTheBound {
            XCTAssertNoThrow(try ScenarioLoader.load(baseline, overrides: ["\(key)=\(distribution)"]), distribution)
        }
        let pastTheBound = ["{type: gamma, mean: 31, cv: 10.001}", "{type: gamma, shape: 0.0099, scale: 3100}",
                            "{type: lognormal, mean: 31, cv: 10.001}", "{type: lognormal, mu: 1, sigma: 2.149}",
                            "{type: lognormal, mean: 10.05, median: 1}", "{type: weibull, shape: 0.2332, scale: 1}",
                            "{type: empirical, values: [\(Array(repeating: "1", count: 99).joined(separator: ", ")), 10000]}"]
        for distribution in pastTheBound {
            let found = problems(baseline, overrides: ["\(key)=\(distribution)"])
            XCTAssertEqual(found.count, 1, "\(distribution): \(found)")
            XCTAssertEqual(found.first?.keyPath, key)
            XCTAssertTrue(found.first?.message.hasPrefix("the coefficient of variation (standard deviation / mean) is 1") == true,
                          "\(distribution): \(found)")
            XCTAssertTrue(found.first?.message.contains(": expected at most 10") == true, "\(distribution): \(found)")
        }
    }

    /// More people on home treatment at the start than its caseload cap were silently dropped
    /// (found by an outside audit): refused, naming the cap.
    func testAStartingCaseloadAboveTheCapIsRefused() throws {
        let startFromToday = Paths.scenario("start-from-today.yaml")
        let found = problems(startFromToday, overrides: ["areas.Northshire.start.home_treatment=91"])
        XCTAssertEqual(found.map(\.message), ["expected at most the caseload cap, 90 (45 staff x 2), got 91"])
        XCTAssertEqual(found.first?.keyPath, "areas.0.start.home_treatment")
        XCTAssertNoThrow(try ScenarioLoader.load(startFromToday, overrides: ["areas.Northshire.start.home_treatment=90"]))
    }

    /// One minute is accepted, just under it is not.
    func testTheFloorIsOneMinute() throws {
        let baseline = Paths.scenario("baseline.yaml")
        XCTAssertNoThrow(try load(baseline, overrides: ["crht.response_hours={type: fixed, value: 0.016666666666666666}"]))
        let found = problems(baseline, overrides: ["crht.response_hours={type: fixed, value: 0.0166}"])
        XCTAssertEqual(found.map(\.message), ["the mean is 0.0166 hours, under one minute: expected 0 or at least one minute (1/60 hours)"])
    }

    func testABedChangeAfterTheRunEndsIsAWarning() throws {
        let scenario = try load(Paths.fixture("bed-schedule-after-run.yaml"))
        XCTAssertEqual(scenario.warnings.count, 1)
        assertProblem(scenario.warnings.first, in: "bed-schedule-after-run.yaml", line: 5, column: 68,
                      keyPath: "areas.0.bed_schedule.1.at_day",
                      message: "day 300 is not before the run ends on day 300 (warm-up 100 + horizon 200 days), so this change never happens")
        // Judged against the run length used: a longer run reaches the change.
        var longer = scenario.run
        longer.horizonDays = 201
        XCTAssertEqual(scenario.warnings(for: longer), [])
        XCTAssertEqual(try load(Paths.fixture("bed-schedule-after-run.yaml"), overrides: ["run.horizon_days=365"]).warnings, [])
    }

    func testAWardBedChangeAfterTheRunEndsIsAWarning() throws {
        let scenario = try load(Paths.scenario("baseline.yaml"), overrides: [
            "ward_types=[{name: acute, share: 1}]",
            "areas.Northshire.wards=[{name: acute, beds: 74, bed_schedule: [{at_day: 1000, beds: 70}]}]",
        ])
        XCTAssertEqual(scenario.warnings.map(\.keyPath), ["areas.0.wards.0.bed_schedule.0.at_day"])
    }

    /// Nothing in the library or the studies is implausible.
    func testTheLibraryHasNoWarnings() throws {
        for path in try Paths.scenarioLibrary() + Paths.studyLibrary() {
            XCTAssertEqual(try load(path).warnings, [], path)
        }
    }
}
