import CrisisModel
import Foundation
import SimRandom
import XCTest
@testable import CrisisScenario

/// Every scenario planners read must load, and the baseline must say what its comments say.
final class ScenarioLibraryTests: XCTestCase {
    func testEveryScenarioLoadsWithoutProblems() throws {
        let paths = try Paths.scenarioLibrary()
        XCTAssertGreaterThanOrEqual(paths.count, 12)
        for path in paths {
            let scenario = try load(path)
            XCTAssertFalse(scenario.summary.isEmpty, "\(path) has a description")
            XCTAssertEqual(scenario.hash.count, 16)
        }
    }

    /// Every scenario also runs: one short replication each, which must admit people,
    /// occupy beds and report every KPI of the whole system.
    func testEveryScenarioRunsBriefly() throws {
        for path in try Paths.scenarioLibrary() {
            let scenario = try load(path)
            let result = try CrisisSystem.runReplication(scenario.configuration,
                                                         length: RunLength(warmupDays: 60, horizonDays: 60),
                                                         seed: scenario.run.seed, replication: 0)
            XCTAssertGreaterThan(result.value("admissions.total") ?? 0, 0, path)
            XCTAssertGreaterThan(result.value("beds.occupancy") ?? 0, 0, path)
            let reported = Set(result.kpis.filter { $0.stratum == "all" }.map(\.id))
            XCTAssertEqual(reported, Set(CrisisSystem.kpiDefinitions.map(\.id)), path)
        }
    }

    func testVariantsExtendTheBaselineAndChangeSomething() throws {
        let baseline = try load(Paths.scenario("baseline.yaml"))
        for path in try Paths.scenarioLibrary() where !path.hasSuffix("/baseline.yaml") {
            let variant = try load(path)
            XCTAssertEqual(variant.files.count, 2, "\(path) extends the baseline directly")
            XCTAssertEqual(variant.files.last.map { ($0 as NSString).lastPathComponent }, "baseline.yaml")
            XCTAssertNotEqual(variant.hash, baseline.hash, "\(path) changes the scenario")
        }
    }

    func testBaselineCompilesToTheCitedFigures() throws {
        let scenario = try load(Paths.scenario("baseline.yaml"))
        let configuration = scenario.configuration
        XCTAssertEqual(scenario.run, RunSettings(replications: 10, seed: 42, horizonDays: 365, warmupDays: 365, generator: .mrg32k3a))
        XCTAssertEqual(configuration.areas.map(\.name), ["Northshire"])
        let area = configuration.areas[0]
        XCTAssertEqual(area.adultPopulation, 500_000)
        XCTAssertEqual(area.beds, 100)
        XCTAssertEqual(area.sources.community.hourOfDayWeights.count, 24)
        XCTAssertEqual(area.sources.police.dayOfWeekWeights.count, 7)
        XCTAssertEqual(area.sources.police.perYear, 250)
        // Splits compile in the order CrisisConfiguration documents.
        XCTAssertEqual(configuration.crht.referralOutcomes, [0.35, 0, 0.15, 0.50])
        XCTAssertEqual(configuration.liaison.outcomes, [0.55, 0.25, 0.20])
        XCTAssertEqual(configuration.section136.outcomes, [0.10, 0.05, 0.15, 0.70])
        XCTAssertEqual(configuration.crht.outOfHours, .bypass)
        XCTAssertEqual(configuration.crht.detainedRequestShare, 0.37)
        XCTAssertEqual(configuration.crht.hours, DailyHours(startHour: 7, hoursPerDay: 16))
        XCTAssertEqual(configuration.homeTreatment.whenFull, .admit)
        XCTAssertEqual(configuration.cohorts.map(\.name), ["everyone"])
        XCTAssertNil(configuration.cohorts[0].informalStayDays)
        // Stays: informal shorter, detained longer; at the published 40% detained the
        // clinical mean is 35 days, and delays bring it to 37.
        let informal = configuration.beds.informalStayDays
        let detained = configuration.beds.detainedStayDays
        XCTAssertEqual(informal, try .lognormal(mean: 31, median: 20))
        XCTAssertEqual(detained, try .lognormal(mean: 41, median: 28))
        let clinical = 0.6 * informal.mean + 0.4 * detained.mean
        XCTAssertEqual(clinical, 35, accuracy: 1e-9)
        let stay = clinical + configuration.beds.delayedDischargeProbability * configuration.beds.delayDays.mean
        XCTAssertEqual(stay, 37, accuracy: 1e-9)
        XCTAssertEqual(configuration.section136.limitHours, 24)
        XCTAssertEqual(configuration.section136.extensionHours, 12)
    }

    /// The admissions arithmetic in baseline.yaml's header, recomputed from the compiled
    /// configuration, so the comment cannot drift from the numbers.
    func testBaselineRoutingGivesAbout940AdmissionsAYear40PercentDetained() throws {
        let c = try load(Paths.scenario("baseline.yaml")).configuration
        let sources = c.areas[0].sources
        let referral = c.crht.referralOutcomes
        let liaison = c.liaison.outcomes
        let mha = c.section136.outcomes
        let escalation = c.homeTreatment.escalationProbability
        let avoided = c.crht.admissionsAvoidedShare
        let detainedShare = c.crht.detainedRequestShare
        let liaisonRequests = sources.emergencyDepartment.perYear * liaison[2]
        var representations = 0.0
        var admissions = 0.0
        var detained = 0.0
        for _ in 0..<100 {
            let referrals = sources.community.perYear + sources.emergencyDepartment.perYear * liaison[1] + representations
            // Detained requests are never diverted; informal ones are, at the avoided share.
            let homeTreatment = referrals * referral[0] + liaisonRequests * (1 - detainedShare) * avoided
                + sources.police.perYear * mha[2]
            let fromReferrals = referrals * referral[2]
            let fromLiaison = liaisonRequests * (detainedShare + (1 - detainedShare) * (1 - avoided))
            let escalations = homeTreatment * escalation
            admissions = fromReferrals + fromLiaison + sources.police.perYear * (mha[0] + mha[1]) + escalations
            detained = detainedShare * (fromReferrals + liaisonRequests + escalations) + sources.police.perYear * mha[0]
            representations = c.representation.probability * (admissions + homeTreatment * (1 - escalation))
        }
        XCTAssertEqual(admissions, 940.1, accuracy: 0.5)
        XCTAssertEqual(detained / admissions, 0.402, accuracy: 0.001)
        XCTAssertEqual(representations, 291.9, accuracy: 0.5)
        // 940 admissions x 37 days / 365 ~ 95.3 beds occupied on average: ~95% of 100.
        XCTAssertEqual(admissions * 37 / 365 / Double(c.areas[0].beds), 0.953, accuracy: 0.001)
    }

    func testVariantsChangeWhatTheyClaim() throws {
        let c247 = try load(Paths.scenario("crht-24-7.yaml")).configuration
        XCTAssertTrue(c247.crht.hours.isRoundTheClock)
        XCTAssertEqual(c247.crht.outOfHours, .wait)
        XCTAssertEqual(try load(Paths.scenario("no-police-cells.yaml")).configuration.section136.custodyWhenFullProbability, 0)
        XCTAssertEqual(try load(Paths.scenario("beds-plus-10.yaml")).configuration.areas[0].beds, 110)
        XCTAssertEqual(try load(Paths.scenario("beds-minus-10.yaml")).configuration.areas[0].beds, 90)
        let housing = try load(Paths.scenario("housing-support.yaml")).configuration.beds
        XCTAssertEqual(housing.delayedDischargeProbability, 0.05)
        XCTAssertEqual(housing.delayDays.mean, 10, accuracy: 1e-9)
        let pooled = try load(Paths.scenario("pooled-beds.yaml")).configuration.areas
        XCTAssertEqual(pooled.map(\.name), ["Northshire", "Southdale"])
        XCTAssertEqual(pooled.map(\.bedNetwork), [["Southdale"], ["Northshire"]])
        // Northshire keeps the baseline's sources: `set` changed one key, not the list.
        XCTAssertEqual(pooled[0].sources.community.perYear, 2150)
        let s136 = try load(Paths.scenario("s136-72-hours.yaml")).configuration.section136
        XCTAssertEqual([s136.limitHours, s136.extensionHours], [72, 0])
        let expansion = try load(Paths.scenario("community-expansion.yaml"))
        XCTAssertEqual(expansion.configuration.areas[0].bedSchedule, [CapacityChange(atDay: 730, capacity: 90, rampDays: 365)])
        XCTAssertEqual(expansion.run.horizonDays, 1095)
        XCTAssertEqual(try load(Paths.scenario("crisis-house.yaml")).configuration.areas[0].services.crisisHousePlaces, 8)
        let triage = try load(Paths.scenario("street-triage.yaml")).configuration.section136
        XCTAssertEqual([triage.streetTriageShare, triage.streetTriageDiversion], [0.5, 0.3])
        XCTAssertEqual(try load(Paths.scenario("liaison-24-7.yaml")).configuration.liaison.outcomes, [0.59, 0.25, 0.16])
    }

    /// The resolved text is a scenario in its own right: loading it gives the same scenario
    /// and the same hash.
    func testResolvedYAMLReloadsToTheSameHash() throws {
        let directory = try TemporaryDirectory()
        for path in try Paths.scenarioLibrary() {
            let scenario = try load(path)
            let again = try load(try directory.write("resolved.yaml", scenario.resolvedYAML))
            XCTAssertEqual(again.resolvedYAML, scenario.resolvedYAML, path)
            XCTAssertEqual(again.hash, scenario.hash, path)
        }
    }
}
