import CrisisModel
import Foundation
import XCTest
@testable import CrisisScenario

/// Pins a few of the baseline's KPIs, to the last bit, so an unintended change to the model,
/// the streams or the scenario is caught. An intended change updates Golden/baseline.txt in the
/// same commit, with the reason in the message: regenerate with
/// `CRISIS_SIM_REGENERATE_GOLDEN=1 swift test --filter GoldenResultsTests`.
final class GoldenResultsTests: XCTestCase {
    static let pinned = ["admissions.total", "admissions.detained", "beds.occupancy", "beds.bed_days",
                         "oap.placements", "time_to_bed.mean", "s136.detentions", "crht.response_within_4h",
                         "costs.nhs"]

    func testBaselineKPIsMatchTheGoldenFile() throws {
        let scenario = try ScenarioLoader.load(Paths.scenario("baseline.yaml"))
        var lines = ["# scenario \(scenario.hash); replications 0 and 1 of 180 days after 180; seed \(scenario.run.seed)"]
        for replication in 0..<2 {
            let result = try CrisisSystem.runReplication(scenario.configuration,
                                                         length: RunLength(warmupDays: 180, horizonDays: 180),
                                                         seed: scenario.run.seed, replication: replication)
            for id in Self.pinned {
                // Swift's shortest round-trip text: equal text means equal bits.
                lines.append("\(replication) \(id) \(try XCTUnwrap(result.value(id), id))")
            }
        }
        let actual = lines.joined(separator: "\n") + "\n"
        let url = Paths.root.appendingPathComponent("Tests/CrisisScenarioTests/Golden/baseline.txt")
        if ProcessInfo.processInfo.environment["CRISIS_SIM_REGENERATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(actual, golden, """
            The baseline's results changed. If the change is intended, regenerate with \
            CRISIS_SIM_REGENERATE_GOLDEN=1 swift test --filter GoldenResultsTests and say why in the commit.
            """)
    }
}
