import CrisisExperiment
import CrisisModel
import CrisisTestSupport
import XCTest

final class AdaptiveReplicationsTests: XCTestCase {
    let runner = ReplicationRunner(configuration: Configurations.area(), length: RunLength(warmupDays: 90, horizonDays: 180),
                                   seed: 21)

    /// The search stops at the first batch boundary where the target is precise enough: the
    /// final interval meets the precision and the one a batch earlier did not.
    func testStopsAtTheFirstBatchThatReachesThePrecision() throws {
        let search = AdaptiveReplications(runner: runner, targets: ["admissions.total"], precision: 0.01,
                                          batchSize: 5, minimum: 5, maximum: 200)
        let outcome = try search.run(threads: 2)
        XCTAssertTrue(outcome.reachedPrecision)
        let final = try XCTUnwrap(Summary(outcome.results).kpi("admissions.total"))
        XCTAssertLessThanOrEqual(final.relativeHalfWidth, 0.01)
        XCTAssertGreaterThan(outcome.results.count, 5, "one batch is not enough at ±1%, or the test proves nothing")
        let earlier = try XCTUnwrap(Summary(Array(outcome.results.dropLast(5))).kpi("admissions.total"))
        XCTAssertGreaterThan(earlier.relativeHalfWidth, 0.01)
        XCTAssertEqual(outcome.results.map(\.replication), Array(0..<outcome.results.count))
    }

    /// A precision out of reach stops at the maximum and says so.
    func testStopsAtTheMaximumWhenThePrecisionIsOutOfReach() throws {
        let search = AdaptiveReplications(runner: runner, targets: ["admissions.total"], precision: 1e-6,
                                          batchSize: 5, minimum: 5, maximum: 15)
        let outcome = try search.run(threads: 2)
        XCTAssertFalse(outcome.reachedPrecision)
        XCTAssertEqual(outcome.results.count, 15)
        XCTAssertEqual(outcome.widest.id, "admissions.total")
        XCTAssertGreaterThan(outcome.widest.relativeHalfWidth, 1e-6)
    }

    /// The number of replications does not depend on the thread count.
    func testTheSameReplicationsOnAnyThreadCount() throws {
        let search = AdaptiveReplications(runner: runner, targets: ["beds.occupancy", "admissions.total"],
                                          precision: 0.02, batchSize: 4, minimum: 4, maximum: 60)
        let one = try search.run(threads: 1), two = try search.run(threads: 2)
        XCTAssertEqual(one.results.count, two.results.count)
        XCTAssertEqual(one.results.map { $0.kpis.map(\.value.bitPattern) }, two.results.map { $0.kpis.map(\.value.bitPattern) })
    }
}
