import CrisisTestSupport
import SimKernel
import SimRandom
import XCTest
@testable import CrisisModel

/// Each area runs on its own service capacities, not on one set copied to every area.
final class AreaServiceCapacityTests: XCTestCase {
    /// Northshire (the test support's area) and a copy of it named Southdale, with `adjust`
    /// applied, no random arrivals and re-presentation off.
    func twoAreas(_ adjust: (inout CrisisConfiguration) -> Void = { _ in }) -> CrisisConfiguration {
        var configuration = Configurations.area(communityPerYear: 0, edPerYear: 0, policePerYear: 0)
        var southdale = configuration.areas[0]
        southdale.name = "Southdale"
        configuration.areas.append(southdale)
        configuration.representation = RepresentationConfiguration(probability: 0, afterDays: Configurations.fixed(1))
        adjust(&configuration)
        return configuration
    }

    /// Six different numbers per area, so a capacity wired to the wrong resource or the
    /// wrong area shows.
    func testEveryCapacityReachesItsOwnResourceInItsOwnArea() throws {
        let configuration = twoAreas { configuration in
            configuration.areas[0].services = AreaServiceCapacities(crhtAssessors: 1, liaisonPractitioners: 2, amhps: 3,
                                                                   placeOfSafetySuites: 4, homeTreatmentStaff: 5,
                                                                   crisisHousePlaces: 6)
            configuration.areas[1].services = AreaServiceCapacities(crhtAssessors: 7, liaisonPractitioners: 8, amhps: 9,
                                                                   placeOfSafetySuites: 10, homeTreatmentStaff: 11,
                                                                   crisisHousePlaces: 12)
        }
        let system = try CrisisSystem(configuration, streams: RandomStreams(masterSeed: 1, replication: 0))
        func capacities(_ area: AreaServices) -> [Int] {
            [area.crhtAssessors, area.liaison, area.amhps, area.placeOfSafetySuites, area.homeTreatment, area.crisisHouse]
                .map(\.capacity)
        }
        // Home treatment's capacity is its caseload cap: staff x 2 per staff member.
        XCTAssertEqual(capacities(system.areas[0]), [1, 2, 3, 4, 10, 6])
        XCTAssertEqual(capacities(system.areas[1]), [7, 8, 9, 10, 22, 12])
    }

    /// Two referrals to each area's crisis team at 00:00, each assessment taking 2 hours
    /// after no response time. Northshire has one assessor, so its second referral waits
    /// until 02:00; Southdale has two, so both of its referrals start at once. With one set
    /// of capacities for both areas the two traces would match.
    func testEachAreasAssessorsBindOnItsOwnReferrals() throws {
        let configuration = twoAreas { configuration in
            configuration.crht = CRHTConfiguration(hours: .roundTheClock, outOfHours: .wait,
                                                   responseHours: Configurations.fixed(0),
                                                   assessmentHours: Configurations.fixed(2),
                                                   referralOutcomes: [.discharge: 1], admissionsAvoidedShare: 0)
            configuration.areas[0].services.crhtAssessors = 1
            configuration.areas[1].services.crhtAssessors = 2
        }
        let model = try CrisisSystem(configuration, streams: RandomStreams(masterSeed: 7, replication: 0))
        var simulation = Simulation(model: model, trace: EventTrace(enabled: true))
        simulation.model.start(&simulation.scheduler, horizonHours: 100)
        simulation.schedule(.arrival(area: 0, source: .community), at: 0)  // #0, Northshire
        simulation.schedule(.arrival(area: 0, source: .community), at: 0)  // #1, Northshire
        simulation.schedule(.arrival(area: 1, source: .community), at: 0)  // #2, Southdale
        simulation.schedule(.arrival(area: 1, source: .community), at: 0)  // #3, Southdale
        try simulation.run(until: 100)
        let lines = simulation.scheduler.trace.records.map { "\($0.time) #\($0.entity) \($0.event)" }
        XCTAssertEqual(lines, [
            "0.0 #0 presents to community services",
            "0.0 #0 crisis team assessment starts",
            "0.0 #1 presents to community services",
            "0.0 #2 presents to community services",
            "0.0 #2 crisis team assessment starts",
            "0.0 #3 presents to community services",
            "0.0 #3 crisis team assessment starts",
            "2.0 #1 crisis team assessment starts",
            "2.0 #0 discharged to community care",
            "2.0 #0 leaves",
            "2.0 #2 discharged to community care",
            "2.0 #2 leaves",
            "2.0 #3 discharged to community care",
            "2.0 #3 leaves",
            "4.0 #1 discharged to community care",
            "4.0 #1 leaves",
        ])
        // Northshire's referrals waited 0 and 2 hours for an assessment; Southdale's none.
        let kpis = simulation.model.kpis(at: simulation.now, measuredDays: 100.0 / 24)
        XCTAssertEqual(kpis.value("crht.response_hours.mean", stratum: "area:Northshire"), 1)
        XCTAssertEqual(kpis.value("crht.response_hours.mean", stratum: "area:Southdale"), 0)
    }
}
