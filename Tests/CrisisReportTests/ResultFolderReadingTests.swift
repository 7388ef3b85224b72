import CrisisExperiment
import CrisisModel
import CrisisReport
import CrisisScenario
import Foundation
import XCTest

/// A report draws one run's numbers or none: a folder whose files come from two runs is
/// refused, naming the file, and a file the run did not write is not read as its own.
final class ResultFolderReadingTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A short run of the baseline with `seed`, written as `run --report` writes it.
    private func write(seed: UInt64, to folder: URL, daily: Bool = true, overrides: [String] = []) throws {
        let loaded = try ScenarioLoader.load(Self.repository.appendingPathComponent("Scenarios/baseline.yaml").path,
                                             overrides: overrides)
        let length = RunLength(warmupDays: 10, horizonDays: 20)
        let results = try ReplicationRunner(configuration: loaded.configuration, length: length, seed: seed,
                                            generator: loaded.run.generator, dailySeries: true).run([0, 1], threads: 2)
        let provenance = RunProvenance(scenario: "Scenarios/baseline.yaml", scenarioHash: loaded.hash, seed: seed,
                                       replications: 2, warmupDays: 10, horizonDays: 20,
                                       generator: loaded.run.generator.rawValue)
        try ResultFolder(folder).writeRun(summary: Summary(results), results: results, provenance: provenance,
                                          options: .init(daily: daily, distributions: daily))
    }

    func testAFolderMixingTwoRunsIsRefusedNamingTheFile() throws {
        let root = try temporaryFolder()
        let (one, two) = (root.appendingPathComponent("one"), root.appendingPathComponent("two"))
        try write(seed: 1, to: one)
        try write(seed: 2, to: two)
        XCTAssertEqual(try ScenarioResults(folder: one).provenance.seed, 1)
        // The state a kill between renames used to leave: one file of the newer run.
        try FileManager.default.removeItem(at: one.appendingPathComponent("daily.csv"))
        try FileManager.default.copyItem(at: two.appendingPathComponent("daily.csv"), to: one.appendingPathComponent("daily.csv"))
        XCTAssertThrowsError(try ScenarioResults(folder: one)) { error in
            let report = error as? ReportError
            XCTAssertEqual(report?.file, one.appendingPathComponent("daily.csv").path)
            XCTAssertTrue(report?.problem.hasPrefix("does not belong with the other files") ?? false, "\(error)")
        }
        XCTAssertThrowsError(try HTMLReport.write(folder: one, to: nil))
        XCTAssertFalse(FileManager.default.fileExists(atPath: one.appendingPathComponent("report.html").path))
    }

    /// daily.csv left by an earlier run with --daily beside a run without it is not drawn.
    func testADailyFileTheRunDidNotWriteIsIgnored() throws {
        let root = try temporaryFolder()
        let folder = root.appendingPathComponent("base")
        try write(seed: 1, to: folder)
        let stale = try Data(contentsOf: folder.appendingPathComponent("daily.csv"))
        try write(seed: 2, to: folder, daily: false)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("daily.csv").path),
                       "the earlier run's daily.csv goes with its set")
        try stale.write(to: folder.appendingPathComponent("daily.csv"))
        let read = try ScenarioResults(folder: folder)
        XCTAssertEqual(read.provenance.seed, 2)
        XCTAssertNil(read.daily)
        XCTAssertNil(read.timeToBed)
    }

    /// Undefined values are empty cells in the files (no bed open, so occupancy is 0 / 0 in
    /// every replication and every day): read back as undefined, and shown as "-", the
    /// report's mark for a value it cannot give, never as nan.
    func testUndefinedValuesReadBackAsUndefinedAndShowAsADash() throws {
        let folder = try temporaryFolder()
        try write(seed: 1, to: folder, overrides: ["areas.Northshire.beds=0"])
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8)
        XCTAssertTrue(summary.contains("\nbaseline,beds.occupancy,Bed occupancy,all,%,0,,,,,\n"), summary)
        let read = try ScenarioResults(folder: folder)
        let occupancy = try XCTUnwrap(read.kpi("beds.occupancy"))
        XCTAssertEqual(occupancy.replications, 0)
        XCTAssertTrue(occupancy.mean.isNaN && occupancy.lower.isNaN && occupancy.upper.isNaN, "\(occupancy)")
        let daily = try XCTUnwrap(read.daily?.series["occupancy"])
        XCTAssertEqual(daily.count, 2)
        XCTAssertTrue(daily.joined().allSatisfy(\.isNaN))
        XCTAssertEqual(read.daily?.series["beds_occupied"]?.joined().allSatisfy { $0 == 0 }, true)
        let page = try String(contentsOf: try HTMLReport.write(folder: folder, to: nil).file, encoding: .utf8)
        XCTAssertTrue(page.contains("<th scope=\"row\">Bed occupancy<span class=\"row-note\">beds.occupancy</span></th><td>-</td><td>-</td>"), "the KPI table row")
        XCTAssertNil(page.range(of: ">[^<]*\\bnan\\b", options: .regularExpression), "no nan text in the report")
    }

    func testAFolderWithoutAManifestIsRefused() throws {
        let folder = try temporaryFolder()
        try write(seed: 1, to: folder, daily: false)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("manifest.json"))
        XCTAssertThrowsError(try ScenarioResults(folder: folder)) { error in
            XCTAssertEqual((error as? ReportError)?.file, folder.appendingPathComponent("manifest.json").path)
        }
    }

    /// Given the wrong thing, report says what it was given and what to do, never
    /// "…/summary.csv/summary.json: not found".
    func testWhatIsNotARunOrAComparisonIsSaidInWords() throws {
        let root = try temporaryFolder()
        func problem(_ folder: URL) -> String? {
            do {
                _ = try ReportContent(folder: folder)
                return nil
            } catch {
                XCTAssertEqual((error as? ReportError)?.file, folder.path)
                return (error as? ReportError)?.problem
            }
        }
        func folder(_ name: String, holding files: [String]) throws -> URL {
            let folder = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in files { try Data("x".utf8).write(to: folder.appendingPathComponent(file)) }
            return folder
        }
        let ours = "a report is drawn from a run's or a comparison's result folder"
        XCTAssertEqual(problem(try folder("sweep", holding: ["sweep.csv", "sweep.svg", "manifest.json"])),
                       "is a sweep's result folder (sweep.csv): \(ours); sweep.svg is the sweep's chart, and sweep.csv its table")
        XCTAssertEqual(problem(try folder("warmup", holding: ["warmup.html"])),
                       "is a warm-up's result folder (warmup.html): \(ours); warmup.html is the warm-up's page")
        let shards = try folder("shards", holding: ["shard-2-of-2.partial.json", "shard-1-of-2.partial.json"])
        XCTAssertEqual(problem(shards), "holds shard files (shard-1-of-2.partial.json, ...) but no merged result: run "
            + "`crisis-sim merge \(shards.path)` first, then report this folder")
        XCTAssertEqual(problem(root.appendingPathComponent("nowhere")), "no such folder")

        let run = root.appendingPathComponent("run")
        try write(seed: 1, to: run, daily: false)
        XCTAssertEqual(problem(run.appendingPathComponent("summary.csv")),
                       "is a file, not a result folder: give the folder written by run or compare, e.g. crisis-sim report \(run.path)")
        XCTAssertEqual(problem(shards.appendingPathComponent("shard-1-of-2.partial.json")),
                       "is a file, not a result folder: give the folder written by run or compare")
        // Merged shards beside their results are a run's folder, reported as one.
        for name in ["shard-1-of-2.partial.json", "sweep.csv"] { try Data("x".utf8).write(to: run.appendingPathComponent(name)) }
        XCTAssertNil(problem(run))
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }
}
