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
        XCTAssertEqual(area.beds, 74)
        XCTAssertEqual(area.sources.community.hourOfDayWeights.count, 24)
        XCTAssertEqual(area.sources.police.dayOfWeekWeights.count, 7)
        XCTAssertEqual(area.sources.police.perYear, 250)
        // Splits compile to the outcomes their keys name.
        XCTAssertEqual(configuration.crht.referralOutcomes, [.homeTreatment: 0.35, .admissionRequest: 0.15, .discharge: 0.50])
        XCTAssertEqual(configuration.liaison.outcomes,
                       [.dischargeWithFollowUp: 0.55, .referralToCRHT: 0.25, .admissionRequest: 0.20])
        XCTAssertEqual(configuration.section136.outcomes,
                       [.detainedAdmission: 0.10, .informalAdmission: 0.05, .homeTreatment: 0.15, .discharge: 0.70])
        XCTAssertEqual(configuration.crht.outOfHours, .wait)
        XCTAssertEqual(configuration.beds.bedSearchHours, try .lognormal(mean: 24, cv: 1.2))
        XCTAssertEqual(configuration.beds.repatriationHours, DailyHours(startHour: 9, hoursPerDay: 8))
        XCTAssertTrue(configuration.beds.repatriationWeekdaysOnly)
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

    /// The reconciliation in baseline.yaml's header, recomputed from the compiled
    /// configuration, so the comment cannot drift from the numbers: adult acute beds per head,
    /// and the admissions those beds and ~7 people out of area carry at 94.5% occupancy.
    func testBaselineBedsAndAdmissionsReconcileWithNationalFigures() throws {
        let c = try load(Paths.scenario("baseline.yaml")).configuration
        let area = c.areas[0]
        let englandAdultAcuteBeds = 6_700.0, englandAdults = 45_000_000.0
        XCTAssertEqual(Double(area.beds), englandAdultAcuteBeds / englandAdults * Double(area.adultPopulation), accuracy: 0.5)
        let clinical = 0.6 * c.beds.informalStayDays.mean + 0.4 * c.beds.detainedStayDays.mean
        let stay = clinical + c.beds.delayedDischargeProbability * c.beds.delayDays.mean
        let bedEquivalents = Double(area.beds) * 0.945 + 7
        XCTAssertEqual(bedEquivalents * 365 / stay, 760, accuracy: 10)
    }

    func testVariantsChangeWhatTheyClaim() throws {
        let c247 = try load(Paths.scenario("crht-24-7.yaml")).configuration
        XCTAssertTrue(c247.crht.hours.isRoundTheClock)
        XCTAssertEqual(c247.crht.outOfHours, .wait)
        XCTAssertEqual(try load(Paths.scenario("no-police-cells.yaml")).configuration.section136.custodyWhenFullProbability, 0)
        XCTAssertEqual(try load(Paths.scenario("beds-plus-10.yaml")).configuration.areas[0].beds, 84)
        XCTAssertEqual(try load(Paths.scenario("beds-minus-10.yaml")).configuration.areas[0].beds, 64)
        let housing = try load(Paths.scenario("housing-support.yaml")).configuration.beds
        XCTAssertEqual(housing.delayedDischargeProbability, 0.05)
        XCTAssertEqual(housing.delayDays.mean, 10, accuracy: 1e-9)
        let pooled = try load(Paths.scenario("pooled-beds.yaml")).configuration.areas
        XCTAssertEqual(pooled.map(\.name), ["Northshire", "Southdale"])
        XCTAssertEqual(pooled.map(\.bedNetwork), [["Southdale"], ["Northshire"]])
        // Northshire keeps the baseline's sources: `set` changed one key, not the list.
        XCTAssertEqual(pooled[0].sources.community.perYear, 1830)
        let s136 = try load(Paths.scenario("s136-72-hours.yaml")).configuration.section136
        XCTAssertEqual([s136.limitHours, s136.extensionHours], [72, 0])
        let expansion = try load(Paths.scenario("community-expansion.yaml"))
        XCTAssertEqual(expansion.configuration.areas[0].bedSchedule, [CapacityChange(atDay: 730, capacity: 64, rampDays: 365)])
        XCTAssertEqual(expansion.run.horizonDays, 1095)
        XCTAssertEqual(try load(Paths.scenario("crisis-house.yaml")).configuration.areas[0].services.crisisHousePlaces, 8)
        let triage = try load(Paths.scenario("street-triage.yaml")).configuration.section136
        XCTAssertEqual([triage.streetTriageShare, triage.streetTriageDiversion], [0.5, 0.3])
        XCTAssertEqual(try load(Paths.scenario("liaison-24-7.yaml")).configuration.liaison.outcomes,
                       [.dischargeWithFollowUp: 0.59, .referralToCRHT: 0.25, .admissionRequest: 0.16])
        // One lever: only the hours differ from the baseline's crisis team.
        let baseline = try load(Paths.scenario("baseline.yaml")).configuration
        XCTAssertEqual(c247.crht.admissionsAvoidedShare, baseline.crht.admissionsAvoidedShare)
        XCTAssertEqual(c247.areas[0].services, baseline.areas[0].services)
        let package = try load(Paths.scenario("crht-24-7-full-gatekeeping.yaml")).configuration.crht
        XCTAssertTrue(package.hours.isRoundTheClock)
        XCTAssertEqual(package.admissionsAvoidedShare, 0.30)
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
