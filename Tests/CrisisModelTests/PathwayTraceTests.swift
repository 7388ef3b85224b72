import CrisisModel
import CrisisTestSupport
import SimKernel
import SimRandom
import XCTest

/// Hand-made cases: people injected at chosen times into a system whose durations are fixed,
/// so every step of their pathway can be written down in advance and checked in the trace.
final class PathwayTraceTests: XCTestCase {
    /// A system with no random arrivals; the test schedules presentations itself.
    func quietSystem(_ adjust: (inout CrisisConfiguration) -> Void) throws -> Simulation<CrisisSystem> {
        var configuration = Configurations.area(beds: 1, communityPerYear: 0, edPerYear: 0, policePerYear: 0)
        configuration.crht = CRHTConfiguration(hours: .roundTheClock, outOfHours: .wait,
                                               responseHours: Configurations.fixed(0),
                                               assessmentHours: Configurations.fixed(0),
                                               referralOutcomes: [.admissionRequest: 1], admissionsAvoidedShare: 0)
        configuration.beds = BedPolicyConfiguration(informalStayDays: Configurations.fixed(100.0 / 24),
                                                    detainedStayDays: Configurations.fixed(200.0 / 24),
                                                    bedSearchHours: Configurations.fixed(6), repatriation: true,
                                                    repatriationBeforeNewAdmissions: false,
                                                    delayedDischargeProbability: 0, delayDays: Configurations.fixed(0))
        configuration.section136.medicalNeedShare = 0
        configuration.areas[0].services.crhtAssessors = 5
        configuration.areas[0].services.amhps = 1
        configuration.section136.assessmentResponseHours = Configurations.fixed(2)
        configuration.section136.assessmentHours = Configurations.fixed(1)
        configuration.section136.outcomes = [.detainedAdmission: 1]
        configuration.representation = RepresentationConfiguration(probability: 0, afterDays: Configurations.fixed(1))
        adjust(&configuration)
        let model = try CrisisSystem(configuration, streams: RandomStreams(masterSeed: 7, replication: 0))
        var simulation = Simulation(model: model, trace: EventTrace(enabled: true))
        simulation.model.start(&simulation.scheduler, horizonHours: 1_000)
        return simulation
    }

    func lines(_ simulation: Simulation<CrisisSystem>) -> [String] {
        simulation.scheduler.trace.records.map { "\($0.time) #\($0.entity) \($0.event)" }
    }

    /// One bed, held by a community admission from 0 to 100 h. A person detained under
    /// s136 at 1 h is assessed 3 h later, waits 6 h for a bed, goes out of area at 10 h, and
    /// is repatriated when the local bed frees at 100 h, staying until 210 h.
    func testSection136ToOutOfAreaAndBackByRepatriation() throws {
        var simulation = try quietSystem { _ in }
        simulation.schedule(.arrival(area: 0, source: .community), at: 0)
        simulation.schedule(.arrival(area: 0, source: .police), at: 1)
        try simulation.run(until: 1_000)
        XCTAssertEqual(lines(simulation), [
            "0.0 #0 presents to community services",
            "0.0 #0 crisis team assessment starts",
            "0.0 #0 admitted to a local bed",
            "1.0 #1 police mental health contact",
            "1.0 #1 s136: taken to a health-based place of safety",
            "1.0 #1 MHA assessment starts",
            "4.0 #1 detained under the Mental Health Act",
            "4.0 #1 waits for a bed",
            "10.0 #1 leaves the place of safety",
            "10.0 #1 placed out of area",
            "100.0 #0 discharged from a local bed",
            "100.0 #0 leaves",
            "100.0 #1 repatriated to a local bed",
            "210.0 #1 discharged from a local bed",
            "210.0 #1 leaves",
        ])
    }

    /// The same two people priced: #1 is out of area from 10 h to 100 h, 3.75 bed days at 600
    /// a day, over a measured 1,000 hours; the one local bed is paid for all that time.
    func testOutOfAreaDaysArePaidByTheDayAndTheBedWhetherUsedOrNot() throws {
        var simulation = try quietSystem { _ in }
        simulation.schedule(.arrival(area: 0, source: .community), at: 0)
        simulation.schedule(.arrival(area: 0, source: .police), at: 1)
        try simulation.run(until: 1_000)
        let years = 1_000 / 24 / 365.25
        let kpis = simulation.model.kpis(at: simulation.now, measuredDays: 1_000.0 / 24)
        XCTAssertEqual(try XCTUnwrap(kpis.value("oap.bed_days")), 3.75 / years, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(kpis.value("costs.nhs.out_of_area")), 3.75 * 600 / years, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(kpis.value("costs.nhs.local_beds")), 365.25 * 450, accuracy: 1e-6)
    }

    /// Out of crisis-team hours under the bypass policy, an admission request from the
    /// emergency department goes straight to a bed and is counted as not gatekept.
    func testOutOfHoursAdmissionBypassesGatekeeping() throws {
        var simulation = try quietSystem { configuration in
            configuration.crht.hours = DailyHours(startHour: 9, hoursPerDay: 8)
            configuration.crht.outOfHours = .bypass
            configuration.liaison.responseHours = Configurations.fixed(0)
            configuration.liaison.assessmentHours = Configurations.fixed(1)
            configuration.liaison.outcomes = [.admissionRequest: 1]
        }
        simulation.schedule(.arrival(area: 0, source: .emergencyDepartment), at: 2)
        try simulation.run(until: 50)
        XCTAssertEqual(Array(lines(simulation).prefix(4)), [
            "2.0 #0 presents at the emergency department",
            "2.0 #0 liaison assessment starts",
            "3.0 #0 admission bypasses gatekeeping out of hours",
            "3.0 #0 admitted to a local bed",
        ])
    }

    /// Out of hours under the wait policy, the same request waits for the team to open at 09:00.
    func testOutOfHoursAdmissionWaitsForTheTeam() throws {
        var simulation = try quietSystem { configuration in
            configuration.crht.hours = DailyHours(startHour: 9, hoursPerDay: 8)
            configuration.liaison.responseHours = Configurations.fixed(0)
            configuration.liaison.assessmentHours = Configurations.fixed(1)
            configuration.liaison.outcomes = [.admissionRequest: 1]
        }
        simulation.schedule(.arrival(area: 0, source: .emergencyDepartment), at: 2)
        try simulation.run(until: 50)
        XCTAssertEqual(Array(lines(simulation).prefix(4)), [
            "2.0 #0 presents at the emergency department",
            "2.0 #0 liaison assessment starts",
            "9.0 #0 crisis team assessment starts",
            "9.0 #0 admitted to a local bed",
        ])
    }

    /// An AMHP who takes 30 hours to arrive: the detention lasts 31 hours, beyond the 24-hour
    /// limit but within the 12-hour extension.
    func testSlowAssessmentBreachesTheLegalLimit() throws {
        let configuration = { (configuration: inout CrisisConfiguration) in
            configuration.section136.assessmentResponseHours = Configurations.fixed(30)
            configuration.section136.outcomes = [.discharge: 1]
        }
        var simulation = try quietSystem(configuration)
        simulation.schedule(.arrival(area: 0, source: .police), at: 0)
        try simulation.run(until: 100)
        XCTAssertEqual(lines(simulation), [
            "0.0 #0 police mental health contact",
            "0.0 #0 s136: taken to a health-based place of safety",
            "0.0 #0 MHA assessment starts",
            "31.0 #0 leaves the place of safety",
            "31.0 #0 discharged from section 136",
            "31.0 #0 leaves",
        ])
        let kpis = simulation.model.kpis(at: simulation.now, measuredDays: 100.0 / 24)
        XCTAssertEqual(try XCTUnwrap(kpis.value("s136.breaches_of_limit")), 365.25 * 24 / 100, accuracy: 1e-9)  // one in 100 hours
        XCTAssertEqual(kpis.value("s136.breaches_of_extended_limit"), 0)
    }
}
