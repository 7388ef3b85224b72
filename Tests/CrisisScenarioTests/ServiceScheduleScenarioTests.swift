import CrisisModel
import XCTest
@testable import CrisisScenario

/// Service schedules in scenario files: what they compile to, what is refused (with file,
/// line and key), what only warns, and that files without them are unchanged.
final class ServiceScheduleScenarioTests: XCTestCase {
    let baseline = Paths.scenario("baseline.yaml")

    /// A section's schedule applies to every area without its own; funded posts become those
    /// filled (rounded down) from the end of the recruitment lead.
    func testSchedulesCompileWithFundedPosts() throws {
        let scenario = try load(baseline, overrides: [
            "crht.assessors_schedule=[{at_day: 400, funded_posts: 10, fill_rate: 0.9, recruitment_lead_days: 120}]",
            "crisis_house.places_schedule=[{at_day: 365, places: 8, ramp_days: 90}, {at_day: 800, places: 0}]",
            "section_136.place_of_safety_suites_schedule=[{at_day: 10, suites: 3}]",
        ])
        let services = scenario.configuration.areas[0].services
        XCTAssertEqual(services.schedule(of: .crhtAssessors), [CapacityChange(atDay: 520, capacity: 9)])
        XCTAssertEqual(services.schedule(of: .crisisHousePlaces),
                       [CapacityChange(atDay: 365, capacity: 8, rampDays: 90), CapacityChange(atDay: 800, capacity: 0)])
        XCTAssertEqual(services.schedule(of: .placeOfSafetySuites), [CapacityChange(atDay: 10, capacity: 3)])
        XCTAssertEqual(services.schedule(of: .homeTreatmentStaff), [])
        // A fill rate left out fills every post.
        let full = try load(baseline, overrides: ["liaison.practitioners_schedule=[{at_day: 5, funded_posts: 3}]"])
        XCTAssertEqual(full.configuration.areas[0].services.schedule(of: .liaisonPractitioners), [CapacityChange(atDay: 5, capacity: 3)])
    }

    /// An area's own schedule replaces the section's for that area only.
    func testAnAreasOwnScheduleReplacesTheSections() throws {
        let scenario = try load(Paths.scenario("pooled-beds.yaml"), overrides: [
            "home_treatment.staff_schedule=[{at_day: 100, staff: 50}]",
            "areas.Southdale.services={home_treatment_staff_schedule: [{at_day: 200, staff: 20, ramp_days: 10}]}",
        ])
        let areas = scenario.configuration.areas
        XCTAssertEqual(areas[0].services.schedule(of: .homeTreatmentStaff), [CapacityChange(atDay: 100, capacity: 50)])
        XCTAssertEqual(areas[1].services.schedule(of: .homeTreatmentStaff), [CapacityChange(atDay: 200, capacity: 20, rampDays: 10)])
    }

    /// The library's scenario says what its comments say.
    func testTheCrisisHouseThenCloseBedsScenario() throws {
        let scenario = try load(Paths.scenario("crisis-house-then-close-beds.yaml"))
        let area = scenario.configuration.areas[0]
        XCTAssertEqual(area.services.schedule(of: .crisisHousePlaces), [CapacityChange(atDay: 365, capacity: 8, rampDays: 90)])
        XCTAssertEqual(area.services.schedule(of: .homeTreatmentStaff), [CapacityChange(atDay: 545, capacity: 49)])
        XCTAssertEqual(area.bedSchedule, [CapacityChange(atDay: 730, capacity: 66, rampDays: 180)])
        XCTAssertEqual(scenario.warnings, [])
    }

    /// Every problem in one file, each where it was written.
    func testBadSchedulesAreRefusedAtTheirLineAndKey() {
        let found = problems(Paths.fixture("service-schedule-problems.yaml"))
        let file = "service-schedule-problems.yaml"
        func find(_ keyPath: String) -> ScenarioProblem? { found.first { $0.keyPath == keyPath } }
        assertProblem(find("crht.assessors_schedule.0.funded_posts"), in: file, line: 5, column: 49,
                      keyPath: "crht.assessors_schedule.0.funded_posts", message: "give 'assessors' or 'funded_posts', not both")
        assertProblem(find("crht.assessors_schedule.1.at_day"), in: file, line: 6, column: 16,
                      keyPath: "crht.assessors_schedule.1.at_day",
                      message: "expected a day after the previous change's, 400, got 300: list changes in the order they happen, one a day at most")
        assertProblem(find("home_treatment.staff_schedule.0.fill_rate"), in: file, line: 9, column: 50,
                      keyPath: "home_treatment.staff_schedule.0.fill_rate", message: "expected a probability in [0, 1], got 1.5")
        assertProblem(find("home_treatment.staff_schedule.1.recruitment_lead_days"), in: file, line: 10, column: 55,
                      keyPath: "home_treatment.staff_schedule.1.recruitment_lead_days",
                      message: "recruitment_lead_days applies to funded posts: give 'funded_posts' instead of 'staff', or leave recruitment_lead_days out")
        XCTAssertEqual(find("crisis_house.places_schedule.1.places")?.location.line, 14)
        XCTAssertTrue(find("crisis_house.places_schedule.1.places")?.message.hasPrefix("expected an integer") ?? false,
                      "\(found)")
        assertProblem(find("crisis_house.places_schedule.1.at_day"), in: file, line: 14, column: 16,
                      keyPath: "crisis_house.places_schedule.1.at_day",
                      message: "this change starts on day 450, before the previous change finishes its ramp on day 490: start it then or later, or shorten that ramp")
        XCTAssertEqual(found.count, 6, "\(found)")
    }

    /// A staff change needs its value or its funded posts.
    func testAStaffChangeNeedsAValueOrPosts() {
        let found = problems(baseline, overrides: ["crht.assessors_schedule=[{at_day: 400}]"])
        XCTAssertEqual(found.map(\.keyPath), ["crht.assessors_schedule.0"])
        XCTAssertTrue(found.first?.message.hasPrefix("missing 'assessors' or 'funded_posts'") ?? false, "\(found)")
        // Rooms and places have no posts.
        XCTAssertEqual(problems(baseline, overrides: ["crisis_house.places_schedule=[{at_day: 4, funded_posts: 3}]"]).map(\.keyPath),
                       ["crisis_house.places_schedule.0.funded_posts", "crisis_house.places_schedule.0.places"])
    }

    /// Bed schedules follow the same order rule: two ramps at once would step from values the
    /// other moved.
    func testOverlappingBedRampsAreRefused() {
        let found = problems(baseline, overrides: [
            "areas.Northshire.bed_schedule=[{at_day: 400, beds: 64, ramp_days: 100}, {at_day: 450, beds: 70}]",
        ])
        XCTAssertEqual(found.map(\.keyPath), ["areas.0.bed_schedule.1.at_day"])
    }

    /// A ramp that ends after the run, or posts whose lead takes them past it, load with a
    /// warning: the run length may be changed on the command line.
    func testAScheduleBeyondTheRunIsAWarning() throws {
        let ramp = try load(baseline, overrides: ["crisis_house.places_schedule=[{at_day: 700, places: 8, ramp_days: 100}]"])
        XCTAssertEqual(ramp.warnings.map(\.keyPath), ["crisis_house.places_schedule.0.ramp_days"])
        XCTAssertEqual(ramp.warnings.first?.message,
                       "the ramp ends on day 800, after the run ends on day 730 (warm-up 365 + horizon 365 days), so the run never reaches its value")
        let lead = try load(baseline, overrides: [
            "home_treatment.staff_schedule=[{at_day: 700, funded_posts: 50, recruitment_lead_days: 60}]",
        ])
        XCTAssertEqual(lead.warnings.map(\.message),
                       ["day 760 (at_day + recruitment_lead_days) is not before the run ends on day 730 (warm-up 365 + horizon 365 "
                           + "days), so this change never happens"])
        XCTAssertEqual(try load(baseline, overrides: ["run.horizon_days=500",
                                                      "crisis_house.places_schedule=[{at_day: 700, places: 8, ramp_days: 100}]"]).warnings, [])
    }

    /// The new keys are optional: a scenario without them resolves to text with none of them,
    /// so its hash, and every result keyed by it, is what it was.
    func testScenariosWithoutSchedulesResolveWithoutTheKeys() throws {
        let resolved = try load(baseline).resolvedYAML
        for keys in ServiceScheduleKeys.all {
            XCTAssertFalse(resolved.contains(keys.scheduleKey + ":"), keys.scheduleKey)
            XCTAssertFalse(resolved.contains(keys.areaScheduleKey + ":"), keys.areaScheduleKey)
        }
        XCTAssertTrue(try load(baseline).configuration.areas[0].services.schedules.isEmpty)
    }
}
