import CrisisModel
import CrisisTestSupport
import SimKernel
import SimRandom
import XCTest

/// With gatekeeping, section 136, delays and re-presentation switched off, the bed model is a
/// textbook queue, so its output must match the closed-form results.
final class ReductionTests: XCTestCase {
    func replications(_ configuration: CrisisConfiguration, count: Int, years: Double) throws -> [ReplicationResult] {
        try (0..<count).map {
            try CrisisSystem.runReplication(configuration, length: RunLength(warmupDays: 365, horizonDays: years * 365.25),
                                            seed: 2024, replication: $0)
        }
    }

    /// Loss system: every admission that finds the beds full goes out of area at once, so the
    /// out-of-area share is Erlang B at the offered load (20 beds, 17 erlangs: 8.6%).
    func testLossSystemMatchesErlangB() throws {
        let configuration = Configurations.bedsOnly(beds: 20, admissionsPerYear: 17 * 365.25 / 30,
                                                    stayDays: Configurations.exponential(30), bedSearchHours: 0)
        let results = try replications(configuration, count: 12, years: 20)
        let expected = 100 * QueueingFormulas.erlangB(servers: 20, load: 17)
        Replications(results.map { $0.value("oap.share_of_admissions")! }).assertContains(expected, "out-of-area share")
        let occupancy = 100 * QueueingFormulas.lossSystemOccupancy(servers: 20, load: 17) / 20
        Replications(results.map { $0.value("beds.occupancy")! }).assertContains(occupancy, "occupancy")
    }

    /// Erlang B is insensitive to the stay distribution: lognormal stays with the same mean
    /// give the same blocking.
    func testLossSystemIsInsensitiveToStayDistribution() throws {
        let stays = try Distribution.lognormal(mean: 30, cv: 1.5)
        let configuration = Configurations.bedsOnly(beds: 20, admissionsPerYear: 17 * 365.25 / 30,
                                                    stayDays: stays, bedSearchHours: 0)
        let results = try replications(configuration, count: 12, years: 20)
        let expected = 100 * QueueingFormulas.erlangB(servers: 20, load: 17)
        Replications(results.map { $0.value("oap.share_of_admissions")! }).assertContains(expected, "out-of-area share")
    }

    /// Waiting system with no out-of-area option: M/M/c, so the mean time to a bed is the
    /// Erlang C mean wait (20 beds, 17 erlangs).
    func testWaitingSystemMatchesErlangC() throws {
        let perYear = 17 * 365.25 / 30
        let configuration = Configurations.bedsOnly(beds: 20, admissionsPerYear: perYear,
                                                    stayDays: Configurations.exponential(30), bedSearchHours: 1e9)
        let results = try replications(configuration, count: 12, years: 20)
        let expectedWait = QueueingFormulas.mmcMeanWait(servers: 20, arrivalRate: perYear / RateProfile.hoursPerYear,
                                                        meanService: 30 * 24)
        Replications(results.map { $0.value("time_to_bed.mean")! }).assertContains(expectedWait, "mean wait (hours)")
        XCTAssertTrue(results.allSatisfy { $0.value("oap.placements") == 0 }, "nobody may go out of area")
    }
}

/// The planner's estimate in `describe` agrees with the model where both are exact, and
/// bounds it where the model is between textbook cases.
final class FlowEstimateTests: XCTestCase {
    func testEveryReferralAdmittedGivesTheOfferedLoadDirectly() {
        let configuration = Configurations.bedsOnly(beds: 20, admissionsPerYear: 200,
                                                    stayDays: Configurations.exponential(30), bedSearchHours: 0)
        let estimate = FlowEstimate.estimate(configuration)[0]
        XCTAssertEqual(estimate.admissionsPerYear, 200, accuracy: 1e-9)
        XCTAssertEqual(estimate.offeredLoad, 200 / 365.25 * 30, accuracy: 1e-9)
        XCTAssertEqual(estimate.erlangBlocking, QueueingFormulas.erlangB(servers: 20, load: 200 / 365.25 * 30), accuracy: 1e-12)
    }

    /// describe's bounds on the share of admissions finding every bed full: Erlang B (nobody
    /// waits) and Erlang C (everybody waits). With a day-long bed search the model is
    /// strictly between them; at the extremes it meets each (the reductions above).
    func testTheShareFindingNoBedLiesBetweenErlangBAndC() throws {
        let configuration = Configurations.bedsOnly(beds: 20, admissionsPerYear: 17 * 365.25 / 30,
                                                    stayDays: Configurations.exponential(30), bedSearchHours: 24)
        let estimate = FlowEstimate.estimate(configuration)[0]
        let results = try (0..<8).map {
            try CrisisSystem.runReplication(configuration, length: RunLength(warmupDays: 365, horizonDays: 10 * 365.25),
                                            seed: 2024, replication: $0)
        }
        let share = Replications(results.map { $0.value("beds.requests_finding_no_bed")! })
        XCTAssertGreaterThan(share.mean, 100 * estimate.erlangBlocking)
        XCTAssertLessThan(share.mean, 100 * estimate.erlangWaiting)
    }

    /// Detained requests are gatekept but never diverted: with every request detained,
    /// gatekeeping avoids nothing and every admission is detained.
    func testDetainedRequestsAreNeverDiverted() throws {
        var configuration = Configurations.bedsOnly(beds: 1_000, admissionsPerYear: 0,
                                                    stayDays: Configurations.exponential(10), bedSearchHours: 0)
        configuration.areas[0].sources.emergencyDepartment = ArrivalSourceConfiguration(perYear: 2_000)
        configuration.liaison.outcomes = [.admissionRequest: 1]
        configuration.crht.admissionsAvoidedShare = 0.5
        configuration.crht.detainedRequestShare = 1
        let result = try CrisisSystem.runReplication(configuration, length: RunLength(warmupDays: 0, horizonDays: 365),
                                                     seed: 4, replication: 0)
        XCTAssertEqual(result.value("admissions.avoided_by_gatekeeping"), 0)
        XCTAssertEqual(result.value("admissions.informal"), 0)
        XCTAssertGreaterThan(try XCTUnwrap(result.value("admissions.detained")), 1_500)
        XCTAssertEqual(FlowEstimate.estimate(configuration)[0].detainedShare, 1, accuracy: 1e-12)
    }
}

/// Cohorts with their own routing: a cohort that the crisis team always admits and one it
/// never admits split the admissions by their shares.
final class CohortRoutingTests: XCTestCase {
    func testEachCohortFollowsItsOwnReferralOutcomes() throws {
        var configuration = Configurations.bedsOnly(beds: 1_000, admissionsPerYear: 2_000,
                                                    stayDays: Configurations.exponential(5), bedSearchHours: 0)
        configuration.cohorts = [
            CohortConfiguration(name: "admitted", share: 0.3, referralOutcomes: [.admissionRequest: 1], detainedRequestShare: 1),
            CohortConfiguration(name: "discharged", share: 0.7, referralOutcomes: [.discharge: 1]),
        ]
        let result = try CrisisSystem.runReplication(configuration, length: RunLength(warmupDays: 0, horizonDays: 365.25),
                                                     seed: 8, replication: 0)
        let presented = try XCTUnwrap(result.value("presentations.community", stratum: "cohort:admitted"))
        XCTAssertEqual(result.value("admissions.total", stratum: "cohort:admitted"), presented)
        XCTAssertEqual(result.value("admissions.detained", stratum: "cohort:admitted"), presented)
        XCTAssertEqual(result.value("admissions.total", stratum: "cohort:discharged"), 0)
        // 30% of ~2,000 a year: within 4 standard deviations of a Poisson count.
        XCTAssertEqual(presented, 600, accuracy: 4 * 600.0.squareRoot())
        let estimate = FlowEstimate.estimate(configuration)[0]
        XCTAssertEqual(estimate.admissionsPerYear, 600, accuracy: 1e-9)
        XCTAssertEqual(estimate.detainedShare, 1, accuracy: 1e-12)
    }
}

/// Beds split by ward type: a person needs a bed of their own type, so a full female ward
/// sends women out of area while the male ward has room.
final class WardTypeTests: XCTestCase {
    func testEachWardTypeHasItsOwnBeds() throws {
        var configuration = Configurations.bedsOnly(beds: 40, admissionsPerYear: 2_000,
                                                    stayDays: Configurations.exponential(10), bedSearchHours: 0)
        configuration.wardTypes = [WardType(name: "male", share: 0.5), WardType(name: "female", share: 0.3),
                                   WardType(name: "picu", share: 0.2)]
        // No PICU beds here: everyone needing one is placed out of area.
        configuration.areas[0].wards = [WardConfiguration(name: "male", beds: 30), WardConfiguration(name: "female", beds: 10)]
        configuration.cohorts = [CohortConfiguration(name: "men", share: 0.2, wardType: "male"),
                                 CohortConfiguration(name: "women", share: 0.6, wardType: "female"),
                                 CohortConfiguration(name: "others", share: 0.2)]  // drawn from the shares
        let result = try CrisisSystem.runReplication(configuration, length: RunLength(warmupDays: 60, horizonDays: 365.25),
                                                     seed: 12, replication: 0)
        // Men: 400 a year x 10 days = 11 erlangs on 30 male beds (shared with half the others):
        // almost never full. Women: 1,200 a year x 10 days = 33 erlangs on 10 beds: mostly out.
        let menOut = try XCTUnwrap(result.value("oap.share_of_admissions", stratum: "cohort:men"))
        let womenOut = try XCTUnwrap(result.value("oap.share_of_admissions", stratum: "cohort:women"))
        XCTAssertLessThan(menOut, 1)
        // The female ward alone is an Erlang loss system: B(10, 32.9) = 71%. One year of ~1,200
        // admissions estimates the share to within a few points (binomial sd ~1.3 points,
        // inflated by the ward's correlation over a stay); allow 8.
        XCTAssertEqual(womenOut, 100 * QueueingFormulas.erlangB(servers: 10, load: 1_200 / 365.25 * 10), accuracy: 8)
        // Occupancy is measured against all 40 beds.
        let occupancy = try XCTUnwrap(result.value("beds.occupancy"))
        XCTAssertLessThan(occupancy, 100)
        XCTAssertGreaterThan(occupancy, 40)
    }

    /// With no PICU beds anywhere, every admission needing one goes out of area.
    func testAWardTypeWithoutBedsAlwaysGoesOutOfArea() throws {
        var configuration = Configurations.bedsOnly(beds: 50, admissionsPerYear: 500,
                                                    stayDays: Configurations.exponential(5), bedSearchHours: 0)
        configuration.wardTypes = [WardType(name: "acute", share: 0), WardType(name: "picu", share: 1)]
        configuration.areas[0].wards = [WardConfiguration(name: "acute", beds: 50)]
        let result = try CrisisSystem.runReplication(configuration, length: RunLength(warmupDays: 0, horizonDays: 365.25),
                                                     seed: 3, replication: 0)
        XCTAssertEqual(result.value("oap.share_of_admissions"), 100)
        XCTAssertEqual(result.value("beds.bed_days"), 0)
    }
}
