import CrisisModel
import XCTest
@testable import CrisisScenario

/// `areas[].services`: an area's own capacities, each key it leaves out taken from the
/// service's section.
final class AreaServicesScenarioTests: XCTestCase {
    private let baseline = Paths.scenario("baseline.yaml")

    /// The baseline's sections: 5 assessors, 2 practitioners, 2 AMHPs, 2 suites, 45 staff,
    /// no crisis house.
    private let baselineCapacities = AreaServiceCapacities(crhtAssessors: 5, liaisonPractitioners: 2, amhps: 2,
                                                           placeOfSafetySuites: 2, homeTreatmentStaff: 45,
                                                           crisisHousePlaces: 0)

    func testAnAreaWithoutServicesTakesEverySectionsCapacity() throws {
        XCTAssertEqual(try load(baseline).configuration.areas[0].services, baselineCapacities)
    }

    /// Southdale has 0.6 x Northshire's adults, so 0.6 x its capacities, rounded.
    func testPooledBedsGivesSouthdaleItsOwnCapacities() throws {
        let areas = try load(Paths.scenario("pooled-beds.yaml")).configuration.areas
        XCTAssertEqual(areas[0].services, baselineCapacities)
        XCTAssertEqual(areas[1].services, AreaServiceCapacities(crhtAssessors: 3, liaisonPractitioners: 1, amhps: 1,
                                                                 placeOfSafetySuites: 1, homeTreatmentStaff: 27,
                                                                 crisisHousePlaces: 0))
    }

    /// A key the area gives wins; every other follows its section, including a section
    /// changed later in a child file.
    func testTheAreasKeysOverrideAndTheRestDefault() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("own.yaml", """
            extends: \(baseline)
            crht: {assessors: 6}
            crisis_house: {places: 4}
            set:
              areas.Northshire.services: {crht_assessors: 2, home_treatment_staff: 30}

            """)
        XCTAssertEqual(try load(path).configuration.areas[0].services,
                       AreaServiceCapacities(crhtAssessors: 2, liaisonPractitioners: 2, amhps: 2, placeOfSafetySuites: 2,
                                             homeTreatmentStaff: 30, crisisHousePlaces: 4))
        let overridden = try load(path, overrides: ["areas.Northshire.services.amhps=3"]).configuration.areas[0].services
        XCTAssertEqual([overridden.crhtAssessors, overridden.amhps], [2, 3])
        // Removing the area's key hands it back to the section.
        let removed = try load(path, overrides: ["areas.Northshire.services.crht_assessors=null"]).configuration.areas[0].services
        XCTAssertEqual(removed.crhtAssessors, 6)
    }

    func testBadServiceKeysAreReportedAtTheirPath() {
        let found = problems(baseline, overrides: ["areas.Northshire.services={amhps: -1, crht_assesors: 3}"])
        // Unknown keys are reported before bad values.
        XCTAssertEqual(found.map(\.keyPath), ["areas.0.services.crht_assesors", "areas.0.services.amhps"], "\(found)")
        XCTAssertEqual(found.first?.message, "unknown key 'crht_assesors'; did you mean 'crht_assessors'?")
        XCTAssertEqual(found.last?.message, "expected an integer in [0, 10000], got -1")
    }
}
