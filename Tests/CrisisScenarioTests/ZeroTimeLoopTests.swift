@testable import CrisisModel
import SimRandom
import XCTest
@testable import CrisisScenario

/// Loops of the pathway that could go round for ever at one instant: refused by validation
/// with the keys that close them, and stopped by the kernel when forced past validation.
final class ZeroTimeLoopTests: XCTestCase {
    /// The outside audit's scenario: `validate` used to say OK and `run` spun for ever. Stays
    /// and episodes of no time are refused key by key before any loop is looked for.
    func testTheAuditsScenarioIsRefused() {
        let found = problems(Paths.fixture("zero-time-loop.yaml"))
        XCTAssertEqual(found.map(\.keyPath), ["home_treatment.episode_days", "crisis_house.stay_days",
                                              "beds.informal_stay_days", "beds.detained_stay_days"])
        XCTAssertTrue(found.allSatisfy { $0.message.hasPrefix("every draw is 0, but this cannot take no time") }, "\(found)")
    }

    /// The same loop with durations that pass their floors but whose minimum is 0: refused as a
    /// loop, naming it.
    func testTheLoopIsRefusedNamingIt() {
        let found = problems(Paths.fixture("zero-time-loop-exponential.yaml"))
        XCTAssertEqual(found.count, 1, "\(found)")
        assertProblem(found.first, in: "zero-time-loop-exponential.yaml", line: 25, column: 15, keyPath: "representation.after_days",
                      message: "these steps can repeat for ever without the clock moving, so a run would never end: "
                          + "re-presentation and crisis team assessment -> referral to home treatment -> home treatment episode "
                          + "-> end of home treatment -> re-presentation and crisis team assessment. Every step can take no time "
                          + "(representation.after_days, crht.response_hours, crht.assessment_hours, home_treatment.episode_days, "
                          + "beds.informal_stay_days, beds.delay_days, beds.detained_stay_days can be 0) and no branch leaves it "
                          + "(representation.probability, crht.referral_outcomes, home_treatment.escalation_probability, "
                          + "crht.admissions_avoided_share, beds.delayed_discharge_probability). Break the loop: give one of those "
                          + "durations a minimum above 0, or open a way out: representation.probability below 1.")
    }

    /// Any one way out, or any one step that takes time, is enough.
    func testOneWayOutOrOneStepThatTakesTimeBreaksTheLoop() throws {
        let audit = Paths.fixture("zero-time-loop-exponential.yaml")
        for fix in ["representation.probability=0.99",
                    "representation.after_days={type: fixed, value: 0.5}",
                    "crht.referral_outcomes={home_treatment: 0.9, crisis_house: 0, admission_request: 0, discharge: 0.1}",
                    "crht.assessment_hours={type: uniform, min: 0.25, max: 1}"] {
            XCTAssertNoThrow(try ScenarioLoader.load(audit, overrides: [fix]), fix)
        }
        // A step off the loop (the baseline has no crisis-house places) changes nothing.
        XCTAssertEqual(problems(audit, overrides: ["crisis_house.stay_days={type: fixed, value: 1}"]).count, 1)
    }

    /// A duration "can be 0" when its minimum is 0: uniform from 0, an empirical list holding 0.
    func testDurationsWhoseMinimumIsZeroCanCloseALoop() {
        for episode in ["{type: uniform, min: 0, max: 2}", "{type: empirical, values: [3, 0, 7]}", "{type: exponential, mean: 2}"] {
            let found = problems(Paths.fixture("zero-time-loop-exponential.yaml"), overrides: ["home_treatment.episode_days=\(episode)"])
            XCTAssertEqual(found.map(\.keyPath), ["representation.after_days"], episode)
        }
    }

    /// No re-presentation at all: escalation, diversion by gatekeeping and home treatment
    /// still make a loop when each is certain.
    func testTheEscalationLoopIsFoundWithoutRepresentation() {
        let found = problems(Paths.scenario("baseline.yaml"), overrides: [
            "home_treatment.episode_days={type: exponential, mean: 0.001}", "home_treatment.escalation_probability=1",
            "crht.admissions_avoided_share=1", "crht.detained_request_share=0"])
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertEqual(found.first?.keyPath, "home_treatment.episode_days")
        XCTAssertTrue(found.first?.message.contains("home treatment episode -> escalation -> diversion by gatekeeping "
                                                    + "-> diversion to home treatment -> home treatment episode") == true,
                      found.first?.message ?? "")
        XCTAssertTrue(found.first?.message.contains("open a way out: home_treatment.escalation_probability below 1") == true)
    }

    /// Zero durations that no loop passes through are legitimate.
    func testZeroResponseTimesAndAFixedZeroBedSearchAreAccepted() {
        XCTAssertNoThrow(try ScenarioLoader.load(Paths.scenario("baseline.yaml"), overrides: [
            "crht.response_hours={type: fixed, value: 0}", "liaison.response_hours={type: fixed, value: 0}",
            "section_136.assessment_response_hours={type: fixed, value: 0}", "beds.bed_search_hours={type: fixed, value: 0}",
            "representation.after_days={type: fixed, value: 0}"]))
    }

    /// Forced past validation (a configuration built in code), the audit's loop is stopped by
    /// the kernel's guard with an error that names it, instead of spinning for ever.
    func testTheKernelStopsTheAuditsLoopWhenValidationIsBypassed() throws {
        var configuration = try ScenarioLoader.load(Paths.scenario("baseline.yaml")).configuration
        let zero = try Distribution.fixed(0)
        configuration.representation = RepresentationConfiguration(probability: 1, afterDays: zero)
        configuration.crht.responseHours = zero
        configuration.crht.assessmentHours = zero
        configuration.crht.hours = .roundTheClock
        configuration.crht.referralOutcomes[.homeTreatment] = 1
        configuration.crht.referralOutcomes[.discharge] = 0
        configuration.crht.referralOutcomes[.admissionRequest] = 0
        configuration.homeTreatment.episodeDays = zero
        configuration.homeTreatment.escalationProbability = 0
        XCTAssertFalse(ZeroTimeCycle.find(in: configuration).isEmpty, "validation would refuse this")
        // The limit lowered from ~10 million events: a debug build would take minutes.
        XCTAssertThrowsError(try CrisisSystem.runReplication(configuration, length: RunLength(warmupDays: 0, horizonDays: 30),
                                                             seed: 1, replication: 3, stalledEventLimit: 1 << 18)) { error in
            let text = "\(error)"
            XCTAssertTrue(error is CrisisModelError, text)
            XCTAssertTrue(text.hasPrefix("replication 3 stopped: the clock stopped at hour "), text)
            XCTAssertTrue(text.contains("homeTreatmentEnds") && text.contains("representation")
                              && text.contains("crhtAssessmentDone"), text)
            XCTAssertTrue(text.contains("crisis-sim validate"), text)
        }
    }
}
