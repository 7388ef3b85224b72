import CrisisModel
import CrisisTestSupport
import SimKernel
import SimRandom
import XCTest

/// Service capacities that change on a schedule, as beds do: hand-traced cases on
/// `PathwayTraceTests.quietSystem` (an instant round-the-clock crisis team), the step
/// function, what staff funded as posts come to, and what the schedules cost.
extension PathwayTraceTests {
    /// No crisis team assessors until day 2: referrals at 0 h and 1 h wait, and both are
    /// assessed at 48 h when the one assessor arrives (instant assessments free it at once).
    func testNoAssessmentStartsBeforeTheAssessorsArrive() throws {
        var simulation = try quietSystem { configuration in
            configuration.areas[0].services.crhtAssessors = 0
            configuration.areas[0].services.schedules[.crhtAssessors] = [CapacityChange(atDay: 2, capacity: 1)]
        }
        for hour in [0.0, 1] { simulation.schedule(.arrival(area: 0, source: .community), at: hour) }
        try simulation.run(until: 99)
        XCTAssertEqual(lines(simulation).filter { $0.contains("crisis team assessment starts") }, [
            "48.0 #0 crisis team assessment starts",
            "48.0 #1 crisis team assessment starts",
        ])
    }

    /// A team open 09:00-17:00 gains its first assessor at 20:00, while closed: the referral
    /// made at 18:00 waits for the team to open at 09:00 the next day, not for the assessor.
    func testAnAssessorArrivingOutOfHoursStartsWhenTheTeamOpens() throws {
        var simulation = try quietSystem { configuration in
            configuration.crht.hours = DailyHours(startHour: 9, hoursPerDay: 8)
            configuration.areas[0].services.crhtAssessors = 0
            configuration.areas[0].services.schedules[.crhtAssessors] = [CapacityChange(atDay: 20.0 / 24, capacity: 1)]
        }
        simulation.schedule(.arrival(area: 0, source: .community), at: 18)
        try simulation.run(until: 99)
        XCTAssertEqual(lines(simulation).filter { $0.contains("crisis team assessment starts") },
                       ["33.0 #0 crisis team assessment starts"])
    }

    /// Home treatment with nobody on staff until day 1 and the `wait` policy: the person the
    /// team refers at 0 h waits at home and starts at 24 h, when the first staff member's
    /// caseload opens.
    func testHomeTreatmentStaffArrivingTakeThoseWaiting() throws {
        var simulation = try quietSystem { configuration in
            configuration.crht.referralOutcomes = [.homeTreatment: 1]
            configuration.homeTreatment.whenFull = .wait
            configuration.areas[0].services.homeTreatmentStaff = 0
            configuration.areas[0].services.schedules[.homeTreatmentStaff] = [CapacityChange(atDay: 1, capacity: 1)]
        }
        simulation.schedule(.arrival(area: 0, source: .community), at: 0)
        try simulation.run(until: 30)
        XCTAssertEqual(lines(simulation).filter { $0.contains("home treatment") }, ["24.0 #0 home treatment starts"])
    }

    /// A crisis house that opens on day 1: the referral at 0 h finds it has no places and goes
    /// to home treatment; the referral at 30 h takes a place.
    func testACrisisHouseIsUsedOnceItOpens() throws {
        var simulation = try quietSystem { configuration in
            configuration.crht.referralOutcomes = [.crisisHouse: 1]
            configuration.areas[0].services.crisisHousePlaces = 0
            configuration.areas[0].services.schedules[.crisisHousePlaces] = [CapacityChange(atDay: 1, capacity: 1)]
        }
        for hour in [0.0, 30] { simulation.schedule(.arrival(area: 0, source: .community), at: hour) }
        try simulation.run(until: 40)
        XCTAssertEqual(lines(simulation).filter { $0.contains("crisis house") || $0.contains("home treatment starts") }, [
            "0.0 #0 crisis house full",
            "0.0 #0 home treatment starts",
            "30.0 #1 crisis house stay starts",
        ])
    }

    /// An AMHP ramp from 0 to 2 over two days from day 1: one AMHP at 48 h, the second at
    /// 72 h, each taking the next detention waiting for an assessment.
    func testAnAMHPRampAddsOneAMHPAtATime() throws {
        var simulation = try quietSystem { configuration in
            configuration.areas[0].services.amhps = 0
            configuration.areas[0].services.schedules[.amhps] = [CapacityChange(atDay: 1, capacity: 2, rampDays: 2)]
            configuration.section136.assessmentHours = Configurations.fixed(100)
        }
        for hour in [0.0, 1] { simulation.schedule(.arrival(area: 0, source: .police), at: hour) }
        try simulation.run(until: 99)
        XCTAssertEqual(lines(simulation).filter { $0.contains("MHA assessment starts") }, [
            "48.0 #0 MHA assessment starts",
            "72.0 #1 MHA assessment starts",
        ])
    }
}

final class CapacityScheduleTests: XCTestCase {
    /// A ramp moves one unit at a time, evenly, reaching its value at day + ramp; the next
    /// change steps from there.
    func testARampReachesItsValue() {
        let steps = CapacityChange.steps(from: 0, [CapacityChange(atDay: 1, capacity: 4, rampDays: 4),
                                                  CapacityChange(atDay: 10, capacity: 2)])
        XCTAssertEqual(steps.map(\.hour), [48, 72, 96, 120, 240])
        XCTAssertEqual(steps.map(\.capacity), [1, 2, 3, 4, 2])
    }

    /// Time-average capacity: 0 until the ramp's steps at 24, 48, 72 and 96 h, then 4 until
    /// 192 h: (24 + 48 + 72 + 384) / 192 = 2.75. Without changes, exactly the start.
    func testTheMeanCapacityFollowsTheSteps() {
        let ramp = [CapacityChange(atDay: 0, capacity: 4, rampDays: 4)]
        XCTAssertEqual(CapacityChange.meanCapacity(from: 0, ramp, start: 0, end: 192), 2.75, accuracy: 1e-12)
        // Measured from 96 h on, the ramp is over: 4.
        XCTAssertEqual(CapacityChange.meanCapacity(from: 0, ramp, start: 96, end: 192), 4, accuracy: 1e-12)
        XCTAssertEqual(CapacityChange.meanCapacity(from: 7, [], start: 3, end: 1e6), 7)
    }

    /// Staff in post are funded posts x fill rate, rounded down: a share of a person takes no
    /// assessment. 100 x 0.57 is 56.99999999999999 in binary, and still 57 posts filled.
    func testFundedPostsTimesFillRateRoundsDown() {
        XCTAssertEqual(CapacityChange.filledPosts(10, fillRate: 0.9), 9)
        XCTAssertEqual(CapacityChange.filledPosts(55, fillRate: 0.9), 49)
        XCTAssertEqual(CapacityChange.filledPosts(100, fillRate: 0.57), 57)
        XCTAssertEqual(CapacityChange.filledPosts(3, fillRate: 0), 0)
        XCTAssertEqual(CapacityChange.filledPosts(7, fillRate: 1), 7)
    }

    /// Nobody arrives for two years; every service doubles at the start of the second year
    /// (day 365.25), so each is charged one and a half times its start. Prices as
    /// `CostTests`: crisis team 3 slots open 12 hours -> 6, 2 staff-years each at 50,000:
    /// 4.5 x 100,000 = 450,000; liaison 2 round-the-clock slots -> 4, 3 x 4 x 40,000 = 480,000;
    /// home treatment 14 -> 28 staff, 21 x 45,000 = 945,000; crisis house 4 -> 8 places,
    /// 6 x 365.25 x 250 = 547,875. Suites 2 -> 4: 3 x 300,000 = 900,000.
    func testCostsChargeTheCapacityEachDaysScheduleHas() throws {
        var configuration = Configurations.area(beds: 100, communityPerYear: 0, edPerYear: 0, policePerYear: 0)
        configuration.crht.hours = DailyHours(startHour: 8, hoursPerDay: 12)
        var services = configuration.areas[0].services
        services.crisisHousePlaces = 4
        for service in ScheduledService.allCases {
            services.schedules[service] = [CapacityChange(atDay: 365.25, capacity: 2 * services[service])]
        }
        configuration.areas[0].services = services
        let result = try CrisisSystem.runReplication(configuration, length: RunLength(warmupDays: 0, horizonDays: 730.5),
                                                     seed: 1, replication: 0)
        XCTAssertEqual(try XCTUnwrap(result.value("costs.nhs.community_crisis")), 450_000 + 480_000 + 945_000 + 547_875,
                       accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(result.value("costs.nhs.places_of_safety")), 900_000, accuracy: 1e-6)
    }

    /// Only the measured period is charged: a crisis house that opens with the warm-up's
    /// end costs its full places, one that opens halfway through half of them.
    func testAWarmUpIsNotCharged() throws {
        func placeCost(opening day: Double) throws -> Double {
            var configuration = Configurations.area(beds: 10, communityPerYear: 0, edPerYear: 0, policePerYear: 0)
            configuration.areas[0].services.crisisHousePlaces = 0
            configuration.areas[0].services.schedules[.crisisHousePlaces] = [CapacityChange(atDay: day, capacity: 4)]
            let result = try CrisisSystem.runReplication(configuration, length: RunLength(warmupDays: 100, horizonDays: 365.25),
                                                         seed: 1, replication: 0)
            let without = try CrisisSystem.runReplication(Configurations.area(beds: 10, communityPerYear: 0, edPerYear: 0,
                                                                              policePerYear: 0),
                                                          length: RunLength(warmupDays: 100, horizonDays: 365.25), seed: 1,
                                                          replication: 0)
            return try XCTUnwrap(result.value("costs.nhs.community_crisis")) - (try XCTUnwrap(without.value("costs.nhs.community_crisis")))
        }
        XCTAssertEqual(try placeCost(opening: 100), 4 * 365.25 * 250, accuracy: 1e-6)
        XCTAssertEqual(try placeCost(opening: 100 + 365.25 / 2), 2 * 365.25 * 250, accuracy: 1e-6)
    }
}
