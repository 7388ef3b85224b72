import CrisisModel
import XCTest
@testable import CrisisScenario

/// The baseline sits inside the calibration bands derived from England's published figures:
/// its mean over 20 replications of a year, for every band.
final class CalibrationBandTests: XCTestCase {
    func testTheBaselineSitsInsideEveryCalibrationBand() throws {
        let scenario = try ScenarioLoader.load(Paths.scenario("baseline.yaml"))
        let results = try (0..<20).map { replication in
            try CrisisSystem.runReplication(scenario.configuration,
                                            length: RunLength(warmupDays: scenario.run.warmupDays,
                                                              horizonDays: scenario.run.horizonDays),
                                            seed: scenario.run.seed, replication: replication)
        }
        for band in CalibrationBand.baseline {
            let values = try results.map { result in try XCTUnwrap(band.value { result.value($0) }, band.measure) }
            let mean = values.reduce(0, +) / Double(values.count)
            XCTAssertTrue(band.contains(mean), "\(band.measure): \(mean) \(band.unit) outside [\(band.low), \(band.high)]")
        }
    }

    func testAValueOutsideItsBandIsCaught() {
        let occupancy = CalibrationBand.baseline[0]
        XCTAssertFalse(occupancy.contains(92.9))
        XCTAssertTrue(occupancy.contains(95))
        let detained = CalibrationBand.baseline.first { $0.kpis.count == 2 }!
        XCTAssertEqual(detained.value { ["admissions.detained": 40, "admissions.total": 100][$0] }, 40)
        XCTAssertNil(detained.value { ["admissions.total": 100][$0] }, "a missing KPI is no value, not zero")
    }
}
