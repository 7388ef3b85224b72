import CrisisTestSupport
import Foundation
import XCTest

/// Where results go: an empty --output is refused in every command that has one, and a path
/// that cannot be written is explained before anything runs.
final class OutputPathTests: XCTestCase {
    func crisisSim(_ arguments: [String]) throws -> CrisisSimTool.Outcome {
        try CrisisSimTool.run(arguments, in: CommandLineTests.repository)
    }

    let short = ["--replications", "2", "--horizon-days", "10", "--warmup-days", "0", "--quiet"]

    /// `--output ''` once wrote the results into the current folder with status 0.
    func testEmptyOutputIsRefusedByEveryCommand() throws {
        let empty = ["--output", ""]
        let commands: [[String]] = [
            ["run", "Scenarios/baseline.yaml"] + short + empty,
            ["compare", "Scenarios/baseline.yaml", "Scenarios/crht-24-7.yaml"] + short + empty,
            ["sweep", "Scenarios/baseline.yaml", "--vary", "crht.assessors=1...2:1"] + short + empty,
            ["warmup", "Scenarios/baseline.yaml"] + empty,
            ["merge", "results"] + empty,
            ["report", "results"] + empty,
            ["validation"] + empty,
            ["slurm", "--shards", "2"] + empty + ["run", "Scenarios/baseline.yaml"],  // its own options come first
        ]
        for command in commands {
            let outcome = try crisisSim(command)
            XCTAssertEqual(outcome.status, 64, "\(command[0]): \(outcome.error)")
            XCTAssertEqual(outcome.error.split(separator: "\n").first,
                           "Error: The value '' is invalid for '--output <output>': must not be empty: give the folder or file to write",
                           command[0])
            XCTAssertEqual(outcome.output, "", command[0])
        }
    }

    /// report --output must name an HTML file: an outside audit wrote the report over the
    /// run's own summary.json.
    func testTheReportIsNeverWrittenOverAResultFile() throws {
        let outcome = try crisisSim(["report", "results/baseline", "--output", "results/baseline/summary.json"])
        XCTAssertEqual(outcome.status, 64, outcome.error)
        XCTAssertEqual(outcome.error.split(separator: "\n").first,
                       "Error: --output 'results/baseline/summary.json': the report is an HTML page; give a file name ending in .html")
    }

    /// A file where the results folder should be: said in words, before the run starts.
    func testAFileInTheWayOfTheOutputFolderIsNamedBeforeAnythingRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-sim-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("taken")
        try "a file".write(to: file, atomically: true, encoding: .utf8)
        let results = file.appendingPathComponent("base").path
        for command in [["run", "Scenarios/baseline.yaml"], ["run", "Scenarios/baseline.yaml", "--shard", "1/2"],
                        ["compare", "Scenarios/baseline.yaml", "Scenarios/crht-24-7.yaml"]] {
            let outcome = try crisisSim(command + short + ["--output", results])
            XCTAssertEqual(outcome.status, 1, outcome.error)
            XCTAssertEqual(outcome.error, "Error: cannot write \(results): \(file.path) is a file, not a folder\n")
            XCTAssertEqual(outcome.output, "", "nothing ran")
        }
    }

    /// merge's own --output once failed with a raw NSCocoaError ("The file doesn't exist"):
    /// it is said in words, as run says it, and nothing is merged.
    func testMergeSaysWhyItsOutputCannotBeWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-sim-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let shards = folder.appendingPathComponent("shards")
        let shard = try crisisSim(["run", "Scenarios/baseline.yaml", "--shard", "1/1", "--output", shards.path] + short)
        XCTAssertEqual(shard.status, 0, shard.error)
        let file = folder.appendingPathComponent("taken")
        try "a file".write(to: file, atomically: true, encoding: .utf8)
        var cases = [(file.appendingPathComponent("merged").path, "\(file.path) is a file, not a folder")]
        // Nothing can be made in /proc, even as root: the audit's case.
        if FileManager.default.fileExists(atPath: "/proc/self") { cases.append(("/proc/x", "nothing can be created in /proc")) }
        for (output, reason) in cases {
            let outcome = try crisisSim(["merge", shards.path, "--output", output])
            XCTAssertEqual(outcome.status, 1, outcome.error)
            XCTAssertEqual(outcome.error, "Error: cannot write \(output): \(reason)\n")
            XCTAssertEqual(outcome.output, "", "nothing was merged")
        }
    }
}
