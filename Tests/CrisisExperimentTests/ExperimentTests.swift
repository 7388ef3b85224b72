import CrisisExperiment
import CrisisModel
import CrisisTestSupport
import XCTest

final class ExperimentTests: XCTestCase {
    let length = RunLength(warmupDays: 180, horizonDays: 365)

    /// Parallel replications give exactly the numbers a single thread gives.
    func testParallelResultsAreBitIdenticalToOneThread() throws {
        let runner = ReplicationRunner(configuration: Configurations.area(), length: length, seed: 11)
        let one = try runner.run(Array(0..<6), threads: 1)
        let two = try runner.run(Array(0..<6), threads: 2)
        XCTAssertEqual(one.map(\.replication), Array(0..<6))
        // Bit patterns, so an undefined (NaN) KPI compares equal to itself.
        XCTAssertEqual(one.map { $0.kpis.map(\.value.bitPattern) }, two.map { $0.kpis.map(\.value.bitPattern) })
        XCTAssertNotEqual(one[0].kpis, one[1].kpis, "replications must differ from each other")
    }

    /// The interval is the textbook Student t interval: 1...5 has mean 3, s = 1.5811 and
    /// t(0.975, 4) = 2.7764, so the half-width is 1.9632.
    func testSummaryUsesStudentT() {
        let summary = KPISummary(id: "x", stratum: "all", unit: "", values: [1, 2, 3, 4, 5, .nan])
        XCTAssertEqual(summary.count, 5, "NaN (undefined in a replication) is skipped")
        XCTAssertEqual(summary.mean, 3)
        XCTAssertEqual(summary.standardDeviation, 1.5811388, accuracy: 1e-6)
        XCTAssertEqual(summary.halfWidth, 1.9632, accuracy: 1e-4)
        XCTAssertEqual(summary.relativeHalfWidth, 1.9632 / 3, accuracy: 1e-4)
    }

    /// A scenario compared with itself differs by exactly zero in every replication: the
    /// streams are common.
    func testIdenticalScenariosDifferByExactlyZero() throws {
        let runner = ReplicationRunner(configuration: Configurations.area(), length: length, seed: 5)
        let base = try runner.run(Array(0..<4), threads: 2)
        let same = try runner.run(Array(0..<4), threads: 2)
        for difference in Comparison.paired(base: base, variant: same) where difference.difference.count > 0 {
            XCTAssertEqual(difference.difference.mean, 0, difference.id)
            XCTAssertFalse(difference.isSignificant, difference.id)
        }
    }

    /// Ten more beds cut out-of-area placements, and pairing makes the difference much more
    /// precise than two independent runs would.
    func testMoreBedsReduceOutOfAreaPlacementsWithCommonRandomNumbers() throws {
        let base = try ReplicationRunner(configuration: Configurations.area(beds: 100), length: length, seed: 3)
            .run(Array(0..<8), threads: 2)
        let more = try ReplicationRunner(configuration: Configurations.area(beds: 110), length: length, seed: 3)
            .run(Array(0..<8), threads: 2)
        let oap = try XCTUnwrap(Comparison.paired(base: base, variant: more).first { $0.id == "oap.placements" && $0.stratum == "all" })
        XCTAssertLessThan(oap.difference.mean, 0)
        XCTAssertTrue(oap.isSignificant)
        XCTAssertGreaterThan(oap.varianceReduction, 1)
    }
}
