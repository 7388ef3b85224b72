import CrisisTestSupport
import Foundation
import XCTest

/// Experiments too big for the machine stop before anything runs, saying how big and how to
/// shrink them, instead of failing to allocate (or swapping) hours in.
final class MemoryEstimateTests: XCTestCase {
    func crisisSim(_ arguments: [String]) throws -> CrisisSimTool.Outcome {
        try CrisisSimTool.run(arguments, in: CommandLineTests.repository)
    }

    /// Whatever this machine's memory, a century of daily census for 100,000 replications
    /// (~2 TB) or 200 sweep points of 100,000 replications (~320 GB) is more than half of it.
    func testExperimentsTooBigForMemoryAreRefusedWithAWayToShrinkThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-sim-memory-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let cases: [(arguments: [String], held: String, ways: String)] = [
            (["run", "Scenarios/baseline.yaml", "--daily", "--replications", "100000", "--horizon-days", "36500",
              "--warmup-days", "36500"],
             "(100,000 replications of ~22 MB: every KPI value, kept for the confidence intervals, and the daily census), ",
             " or fewer, or leave out --daily and --report (the census grows with the run's length)\n"),
            (["sweep", "Scenarios/baseline.yaml", "--vary", "areas.Northshire.beds=1...200:1", "--replications", "100000"],
             "(20,000,000 replications of ~16 kB: every KPI value, kept for the confidence intervals), ",
             " or fewer, or vary over fewer points\n"),
        ]
        for (arguments, held, ways) in cases {
            let outcome = try crisisSim(arguments + ["--output", folder.path, "--quiet"])
            XCTAssertEqual(outcome.status, 64, outcome.error)
            XCTAssertEqual(outcome.output, "", "nothing ran")
            XCTAssertTrue(outcome.error.hasPrefix("Error: this would hold about "), outcome.error)
            XCTAssertTrue(outcome.error.contains(" in memory " + held + "more than half of this machine's "), outcome.error)
            XCTAssertTrue(outcome.error.contains("; to fit, use --replications "), outcome.error)
            XCTAssertTrue(outcome.error.hasSuffix(ways), outcome.error)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "no output folder is made")
        }
    }
}
