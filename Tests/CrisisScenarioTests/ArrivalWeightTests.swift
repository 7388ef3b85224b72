import CrisisModel
import XCTest
@testable import CrisisScenario

/// Arrival weights are normalised by their sum, so the sum must be a number: an outside
/// audit's two hours of 1e308 overflowed it, and the run went ahead without the profile.
final class ArrivalWeightTests: XCTestCase {
    let baseline = Paths.scenario("baseline.yaml")
    let community = "areas.Northshire.sources.community"
    let police = "areas.Northshire.sources.police"

    func list(_ values: [String], padTo count: Int) -> String {
        "[" + (values + Array(repeating: "1", count: count - values.count)).joined(separator: ", ") + "]"
    }

    func testAWeightListWhoseSumOverflowsIsRefused() {
        for (key, count) in [("hour_of_day_weights", 24), ("day_of_week_weights", 7)] {
            let found = problems(baseline, overrides: ["\(community).\(key)=\(list(["1e308", "1e308"], padTo: count))"])
            XCTAssertEqual(found.count, 1, "\(found)")
            XCTAssertEqual(found.first?.keyPath, "areas.0.sources.community.\(key)")
            XCTAssertEqual(found.first?.message, "the weights sum to more than 1.8e308, the largest finite number, so they "
                + "cannot be normalised: weights are relative, so divide them all by one factor")
        }
    }

    /// Lists with finite sums whose product does not have one (the arrival stream normalises
    /// the week) once passed validation and stopped the run at its start.
    func testAWeekWhoseSumOverflowsIsRefused() {
        let week = "the week's 168 hourly weights (each hour_of_day_weights weight times its day's day_of_week_weights "
            + "weight) sum to more than 1.8e308, the largest finite number: weights are relative, so divide this list by one factor"
        let both = problems(baseline, overrides: [
            "\(community).hour_of_day_weights=\(list(Array(repeating: "1e300", count: 24), padTo: 24))",
            "\(community).day_of_week_weights=\(list(["1e10"], padTo: 7))",
        ])
        XCTAssertEqual(both.count, 1, "\(both)")
        XCTAssertEqual(both.first?.keyPath, "areas.0.sources.community.hour_of_day_weights", "the list with the larger sum")
        XCTAssertEqual(both.first?.message, week)
        // Flat hours count 24 times each day's weight.
        let flatHours = problems(baseline, overrides: ["\(police).hour_of_day_weights=[]",
                                                       "\(police).day_of_week_weights=\(list(["1e308"], padTo: 7))"])
        XCTAssertEqual(flatHours.count, 1, "\(flatHours)")
        XCTAssertEqual(flatHours.first?.keyPath, "areas.0.sources.police.day_of_week_weights")
        XCTAssertEqual(flatHours.first?.message, week)
    }

    /// Weights just under the limit load and run: the limit is the sum's, not the values'.
    func testWeightsUnderTheLimitRun() throws {
        let scenario = try load(baseline, overrides: [
            "\(police).hour_of_day_weights=\(list(Array(repeating: "1e306", count: 24), padTo: 24))",
            "\(police).day_of_week_weights=[]",
        ])
        let result = try CrisisSystem.runReplication(scenario.configuration, length: RunLength(warmupDays: 0, horizonDays: 30),
                                                     seed: 1, replication: 0)
        XCTAssertGreaterThan(result.value("admissions.total") ?? 0, 0)
    }
}
