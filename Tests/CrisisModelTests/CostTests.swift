import CrisisModel
import CrisisTestSupport
import XCTest

/// The NHS pays for the capacity it keeps, used or not; out-of-area beds by the occupied day.
/// Prices are the test support's: beds 450 a staffed day, out of area 600 an occupied day,
/// crisis team 50,000, liaison 40,000 and home treatment 45,000 a staff-year, 2,191.5 working
/// hours a staff-year (a slot open round the clock takes 4 staff-years), crisis house 250 a
/// place-day, a place-of-safety suite 300,000 a year.
final class CostTests: XCTestCase {
    func costs(_ result: ReplicationResult, stratum: String = "all") throws -> [String: Double] {
        let ids = ["costs.nhs", "costs.nhs.local_beds", "costs.nhs.out_of_area", "costs.nhs.community_crisis",
                   "costs.nhs.places_of_safety", "costs.police", "costs.local_authority", "costs.total"]
        var values: [String: Double] = [:]
        for id in ids { values[id] = try XCTUnwrap(result.value(id, stratum: stratum), id) }
        return values
    }

    /// Nobody arrives for two years, yet everything staffed is paid for. 100 beds for the first
    /// year and 60 for the second: 80 x 365.25 x 450 = 13,149,000 a year. The crisis team's 3
    /// slots open 12 hours a day take 2 staff-years each: 300,000; liaison's 2 slots round the
    /// clock, 4 each: 320,000; 14 home treatment staff: 630,000; 4 crisis-house places:
    /// 4 x 365.25 x 250 = 365,250; so 1,615,250 for community crisis care. Two suites: 600,000.
    func testAnEmptySystemStillPaysForWhatItStaffs() throws {
        var configuration = Configurations.area(beds: 100, communityPerYear: 0, edPerYear: 0, policePerYear: 0)
        configuration.areas[0].bedSchedule = [CapacityChange(atDay: 365.25, capacity: 60)]
        configuration.areas[0].services.crisisHousePlaces = 4
        configuration.crht.hours = DailyHours(startHour: 8, hoursPerDay: 12)
        let result = try CrisisSystem.runReplication(configuration, length: RunLength(warmupDays: 0, horizonDays: 730.5),
                                                     seed: 1, replication: 0)
        XCTAssertEqual(result.value("admissions.total"), 0)
        let expected: [String: Double] = [
            "costs.nhs.local_beds": 13_149_000,
            "costs.nhs.out_of_area": 0,
            "costs.nhs.community_crisis": 1_615_250,
            "costs.nhs.places_of_safety": 600_000,
            "costs.nhs": 15_364_250,
            "costs.police": 0,
            "costs.local_authority": 0,
            "costs.total": 15_364_250,
        ]
        for stratum in ["all", "area:Northshire"] {
            let found = try costs(result, stratum: stratum)
            for (id, value) in expected {
                XCTAssertEqual(try XCTUnwrap(found[id]), value, accuracy: 1e-6, "\(id) in \(stratum)")
            }
        }
    }

    /// Each area pays for its own capacities; the whole system for both. With nobody arriving
    /// and every team open round the clock: Northshire's 100 beds 16,436,250, its 3 crisis
    /// team and 2 liaison slots 600,000 + 320,000, 14 home treatment staff 630,000, 2 suites
    /// 600,000: 18,586,250. Southdale's 40 beds 6,574,500, 1 slot each 200,000 + 160,000,
    /// 5 staff 225,000, 2 crisis-house places 182,625, 1 suite 300,000: 7,642,125.
    func testEachAreaPaysForItsOwnCapacities() throws {
        var configuration = Configurations.area(beds: 100, communityPerYear: 0, edPerYear: 0, policePerYear: 0)
        var southdale = configuration.areas[0]
        southdale.name = "Southdale"
        southdale.beds = 40
        southdale.services = AreaServiceCapacities(crhtAssessors: 1, liaisonPractitioners: 1, amhps: 1, placeOfSafetySuites: 1,
                                                   homeTreatmentStaff: 5, crisisHousePlaces: 2)
        configuration.areas.append(southdale)
        let result = try CrisisSystem.runReplication(configuration, length: RunLength(warmupDays: 0, horizonDays: 365.25),
                                                     seed: 1, replication: 0)
        XCTAssertEqual(try XCTUnwrap(result.value("costs.nhs", stratum: "area:Northshire")), 18_586_250, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(result.value("costs.nhs", stratum: "area:Southdale")), 7_642_125, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(result.value("costs.nhs")), 26_228_375, accuracy: 1e-6)
    }

    /// Capacity cost does not depend on what happens to people: ten fewer beds save exactly
    /// 10 x 365.25 x 450 = 1,643,625 a year on local beds, while people placed out of area are
    /// paid for by the day they spend there.
    func testTenFewerBedsSaveExactlyTheirStaffedDays() throws {
        func run(beds: Int) throws -> ReplicationResult {
            try CrisisSystem.runReplication(Configurations.area(beds: beds), length: RunLength(warmupDays: 200, horizonDays: 365.25),
                                            seed: 11, replication: 0)
        }
        let hundred = try run(beds: 100), ninety = try run(beds: 90)
        let (full, fewer) = (try costs(hundred), try costs(ninety))
        XCTAssertEqual(try XCTUnwrap(full["costs.nhs.local_beds"]) - (try XCTUnwrap(fewer["costs.nhs.local_beds"])), 1_643_625,
                       accuracy: 1e-6)
        XCTAssertEqual(full["costs.nhs.community_crisis"], fewer["costs.nhs.community_crisis"])
        XCTAssertEqual(full["costs.nhs.places_of_safety"], fewer["costs.nhs.places_of_safety"])
        for result in [hundred, ninety] {
            let oapBedDays = try XCTUnwrap(result.value("oap.bed_days"))
            XCTAssertEqual(result.value("costs.nhs.out_of_area") ?? .nan, oapBedDays * 600, accuracy: 1e-6)
        }
        XCTAssertGreaterThan(try XCTUnwrap(ninety.value("oap.bed_days")), try XCTUnwrap(hundred.value("oap.bed_days")),
                             "fewer beds place more people out of area")
    }
}
