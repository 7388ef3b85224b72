@testable import CrisisExperiment
import CrisisModel
import CrisisTestSupport
import XCTest

/// A result far from what a planner expects is explained in a sentence; one near it is not.
final class SurpriseExplanationsTests: XCTestCase {
    private let configuration = Configurations.area(beds: 40)

    private var erlangOccupancy: Double {
        let estimate = FlowEstimate.estimate(configuration)[0]
        return 100 * estimate.expectedOccupancy
    }

    func testOccupancyFarFromTheErlangEstimateIsExplained() {
        let near = SurpriseExplanations.sentences(configuration, occupancy: erlangOccupancy + 4, waitP95: 0)
        XCTAssertEqual(near, [], "within 5 points: nothing to explain")
        let far = SurpriseExplanations.sentences(configuration, occupancy: erlangOccupancy + 8, waitP95: 0)
        XCTAssertEqual(far.count, 1)
        XCTAssertTrue(far[0].hasPrefix("Bed occupancy came out at \(KPIText.value(erlangOccupancy + 8, unit: "%")), against "
            + "\(KPIText.value(erlangOccupancy, unit: "%")) from the Erlang loss formula"), far[0])
        XCTAssertTrue(far[0].hasSuffix("keeps beds fuller than it predicts."), far[0])
        XCTAssertTrue(SurpriseExplanations.sentences(configuration, occupancy: erlangOccupancy - 8, waitP95: 0)[0]
            .hasSuffix("admits fewer than the routing alone implies."))
    }

    func testAWaitHeldAtTheBedSearchIsExplained() {
        let search = configuration.beds.bedSearchHours.mean
        XCTAssertGreaterThan(search, 0)
        XCTAssertEqual(SurpriseExplanations.sentences(configuration, occupancy: nil, waitP95: 0.5 * search), [])
        let capped = SurpriseExplanations.sentences(configuration, occupancy: nil, waitP95: search)
        XCTAssertEqual(capped.count, 1)
        XCTAssertTrue(capped[0].contains("sits at the bed search"), capped[0])
    }
}
