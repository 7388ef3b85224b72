@testable import CrisisExperiment
import CrisisModel
import Foundation
import XCTest

/// A result folder changes as one set: whatever stops a write (an error at any step, a kill
/// at any step followed by the next write), the folder holds the old run's complete set or
/// the new run's, and a reader refuses a folder whose files do not belong together.
final class ResultFolderTests: XCTestCase {
    private func results(_ scale: Double, replications: Int = 3) -> [ReplicationResult] {
        (0..<replications).map { r in
            ReplicationResult(replication: r, kpis: [KPIValue(id: "beds.occupancy", stratum: "all", value: scale * Double(90 + r)),
                                                    KPIValue(id: "oap.placements", stratum: "all", value: scale * Double(r))],
                              eventsHandled: 100, daily: nil, trace: [])
        }
    }

    private func provenance(seed: UInt64) -> RunProvenance {
        RunProvenance(scenario: "Scenarios/baseline.yaml", scenarioHash: "0123456789abcdef", seed: seed, replications: 3,
                      warmupDays: 30, horizonDays: 45, generator: "mrg32k3a")
    }

    /// The old run: with daily.csv, which the new run does not write.
    private func writeOld(to folder: URL) throws {
        let old = results(1)
        try ResultFolder(folder).writeRun(summary: Summary(old), results: old, provenance: provenance(seed: 1),
                                          options: .init(daily: true))
    }

    private func writeNew(with resultFolder: ResultFolder) throws {
        let new = results(2)
        let files = [ResultFile("summary.csv") { SummaryCSV.text(Summary(new), scenario: "baseline") },
                     ResultFile("replications.csv") { ReplicationsCSV.text(new) },
                     ResultFile("summary.json") { SummaryJSON.text(Summary(new), provenance: self.provenance(seed: 2)) }]
        try resultFolder.replace(with: files, provenance: provenance(seed: 2))
    }

    /// Every file in `folder`, hidden ones included, with its bytes.
    private func contents(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    /// The old and the new complete sets, as uninterrupted writes leave them.
    private func completeSets() throws -> (old: [String: Data], new: [String: Data]) {
        let folder = try temporaryFolder()
        try writeOld(to: folder)
        let old = try contents(folder)
        XCTAssertEqual(Set(old.keys), ["summary.csv", "replications.csv", "daily.csv", "summary.json", "manifest.json"])
        try writeNew(with: ResultFolder(folder))
        let new = try contents(folder)
        XCTAssertEqual(Set(new.keys), ["summary.csv", "replications.csv", "summary.json", "manifest.json"],
                       "daily.csv of the old set goes with it")
        XCTAssertNotEqual(old["summary.csv"], new["summary.csv"])
        XCTAssertEqual(try ResultManifest.verified(folder).seed, 2)
        return (old, new)
    }

    private struct Interrupted: Error {}

    func testAnErrorAtAnyStepLeavesTheOldSetWhole() throws {
        let sets = try completeSets()
        var failures = 0
        for step in 1...20 {
            let folder = try temporaryFolder()
            try writeOld(to: folder)
            var resultFolder = ResultFolder(folder)
            resultFolder.afterStep = { if $0 == step { throw Interrupted() } }
            do {
                try writeNew(with: resultFolder)
                XCTAssertEqual(try contents(folder), sets.new, "step \(step)")
            } catch is Interrupted {
                failures += 1
                XCTAssertEqual(try contents(folder), sets.old, "interrupted after step \(step)")
                XCTAssertEqual(try ResultManifest.verified(folder).seed, 1)
            }
        }
        // 3 files written, the manifest staged, 3 files swapped in, daily.csv set aside.
        XCTAssertEqual(failures, 8)
    }

    /// A kill leaves hidden files; readers refuse the folder or find one whole set, and the
    /// next write's clean-up puts back the old set (before the commit) or keeps the new one.
    func testAKillAtAnyStepIsRefusedByReadersAndFinishedByTheNextWrite() throws {
        let sets = try completeSets()
        let folder = try temporaryFolder()
        try writeOld(to: folder)
        var snapshots: [URL] = []
        var resultFolder = ResultFolder(folder)
        resultFolder.afterStep = { step in
            let copy = try self.temporaryFolder().appendingPathComponent("after-step-\(step)")
            try FileManager.default.copyItem(at: folder, to: copy)
            snapshots.append(copy)
        }
        try writeNew(with: resultFolder)
        XCTAssertEqual(snapshots.count, 8)
        var refused = 0
        for snapshot in snapshots {
            let step = snapshot.lastPathComponent
            do {
                _ = try ResultManifest.verified(snapshot)
                XCTAssertEqual(try contents(snapshot).filter { !$0.key.hasPrefix(".") }, sets.old, step)
            } catch {  // typed: a ResultFolderError
                refused += 1
                XCTAssertTrue(["summary.csv", "replications.csv", "summary.json", "daily.csv"].contains(error.file), "\(error)")
                XCTAssertTrue(error.description.hasPrefix(snapshot.path + "/" + error.file + " "), error.description)
            }
            try ResultFolder.removeLeftovers(in: snapshot, mayBeRunning: { _ in false })
            XCTAssertEqual(try contents(snapshot), sets.old, "killed \(step), then cleaned up")
        }
        XCTAssertEqual(refused, 4, "a swap under way is refused, whichever file it has reached")
    }

    /// A file the writer cannot create (here its hidden name is taken by a folder, as a full
    /// disk would refuse it) stops the write with the old set intact.
    func testAFileThatCannotBeWrittenLeavesTheOldSet() throws {
        let sets = try completeSets()
        let folder = try temporaryFolder()
        try writeOld(to: folder)
        let blocked = AtomicFile.temporary(for: folder.appendingPathComponent("summary.json"))
        try FileManager.default.createDirectory(at: blocked.appendingPathComponent("x"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try writeNew(with: ResultFolder(folder)))
        XCTAssertEqual(try contents(folder), sets.old)
    }

    /// A folder that cannot be made is said in words (merge once printed an NSCocoaError for
    /// it): the path and what is wrong with it.
    func testAFolderThatCannotBeMadeIsNamed() throws {
        let file = try temporaryFolder().appendingPathComponent("taken")
        try "a file".write(to: file, atomically: true, encoding: .utf8)
        let folder = file.appendingPathComponent("base")
        XCTAssertThrowsError(try writeNew(with: ResultFolder(folder))) { error in
            XCTAssertEqual(error as? OutputPathError, OutputPathError(path: folder.path, reason: "\(file.path) is a file, not a folder"))
        }
    }

    func testLeftoversOfDeadWritersGoAndThoseOfLiveOnesStay() throws {
        let folder = try temporaryFolder()
        let host = WriterStamp.current.host
        let dead = Int32.max  // above any process id the system hands out
        let leftovers = [".replications.csv.partial-\(dead)",  // as written before hosts were recorded
                         ".summary.csv.partial-\(host)-\(dead)", ".daily.csv.previous-\(host)-\(dead)",
                         ".shard-2-of-3.partial.json.partial-\(host)-\(dead)"]
        let alive = [".shard-1-of-3.partial.json.partial-\(host)-\(getppid())",  // a shard writing now
                     ".shard-3-of-3.partial.json.partial-other-node-\(dead)",  // another node's process
                     ".hidden-notes", "shard-1-of-3.partial.json"]
        for name in leftovers + alive { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
        try writeNew(with: ResultFolder(folder))
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        XCTAssertEqual(names, Set(alive + ["summary.csv", "replications.csv", "summary.json", "manifest.json"]))
    }

    func testAFolderMixingTwoRunsIsRefusedNamingTheFile() throws {
        let sets = try completeSets()
        let folder = try temporaryFolder()
        try writeOld(to: folder)
        try sets.new["summary.csv"]!.write(to: folder.appendingPathComponent("summary.csv"))
        XCTAssertThrowsError(try ResultManifest.verified(folder)) { error in
            let error = error as! ResultFolderError
            XCTAssertEqual(error.file, "summary.csv")
            XCTAssertTrue(error.description.hasPrefix("\(folder.path)/summary.csv does not belong with the other files ("),
                          error.description)
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("replications.csv"))
        try sets.old["summary.csv"]!.write(to: folder.appendingPathComponent("summary.csv"))
        XCTAssertThrowsError(try ResultManifest.verified(folder)) { error in
            XCTAssertEqual("\(error)", "\(folder.path)/replications.csv is missing (manifest.json lists it): "
                + "the folder is incomplete; run again")
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("manifest.json"))
        XCTAssertThrowsError(try ResultManifest.verified(folder)) { error in
            XCTAssertEqual((error as! ResultFolderError).file, "manifest.json")
        }
    }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-results-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }
}

/// Files made from a set and sets made of other result folders go and stay with their set.
final class ResultFolderDerivedFileTests: XCTestCase {
    private func write(_ text: String, seed: UInt64, to folder: URL, parts: [String] = []) throws {
        let provenance = RunProvenance(scenario: "a.yaml", scenarioHash: "0123456789abcdef", seed: seed, replications: 2,
                                       warmupDays: 0, horizonDays: 10, generator: "mrg32k3a")
        try ResultFolder(folder).replace(with: [ResultFile("table.csv") { text }], provenance: provenance, parts: parts)
    }

    private func names(_ folder: URL) throws -> Set<String> { Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-results-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    /// A report of the old set beside the new set's files would describe another run.
    func testANewSetRemovesTheOldSetsReport() throws {
        let folder = try temporaryFolder()
        try write("old\n", seed: 1, to: folder)
        try Data("<html>old</html>".utf8).write(to: folder.appendingPathComponent("report.html"))
        try write("new\n", seed: 2, to: folder)
        XCTAssertEqual(try names(folder), ["table.csv", "manifest.json"])
    }

    /// A report.html in a folder the tool has not written a set into is someone else's file
    /// (an outside audit lost one this way): it stays.
    func testAReportInAFolderWithoutASetIsKept() throws {
        let folder = try temporaryFolder()
        try Data("USER DATA".utf8).write(to: folder.appendingPathComponent("report.html"))
        try write("new\n", seed: 2, to: folder)
        XCTAssertEqual(try names(folder), ["table.csv", "manifest.json", "report.html"])
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8), "USER DATA")
    }

    /// A comparison's scenario folders that the new comparison does not have go with the old set.
    func testScenarioFoldersOfTheOldSetGoWithIt() throws {
        let folder = try temporaryFolder()
        for part in ["base", "old-variant"] { try write("\(part)\n", seed: 1, to: folder.appendingPathComponent(part)) }
        try write("comparison 1\n", seed: 1, to: folder, parts: ["base", "old-variant"])
        try write("base\n", seed: 2, to: folder.appendingPathComponent("base"))
        try write("new-variant\n", seed: 2, to: folder.appendingPathComponent("new-variant"))
        try write("comparison 2\n", seed: 2, to: folder, parts: ["base", "new-variant"])
        XCTAssertEqual(try names(folder), ["table.csv", "manifest.json", "base", "new-variant"])
        XCTAssertEqual(try ResultManifest.verified(folder).partFolders, ["base", "new-variant"])
        // A set without parts after one with them (compare without --report) leaves none behind.
        try write("comparison 3\n", seed: 3, to: folder)
        XCTAssertEqual(try names(folder), ["table.csv", "manifest.json"])
    }

    /// ... but a new set that fails to commit puts the old report back with the old files.
    func testAFailedWriteKeepsTheOldSetsReport() throws {
        let folder = try temporaryFolder()
        try write("old\n", seed: 1, to: folder)
        try Data("<html>old</html>".utf8).write(to: folder.appendingPathComponent("report.html"))
        var steps = 0
        for failAt in 1...4 {
            var resultFolder = ResultFolder(folder)
            resultFolder.afterStep = { step in
                steps = max(steps, step)
                if step == failAt { throw CocoaError(.fileWriteUnknown) }
            }
            XCTAssertThrowsError(try resultFolder.replace(with: [ResultFile("table.csv") { "new\n" }],
                                                          provenance: RunProvenance(combining: [
                                                              RunProvenance(scenario: "a.yaml", scenarioHash: "1", seed: 2,
                                                                            replications: 2, warmupDays: 0, horizonDays: 10,
                                                                            generator: "mrg32k3a")])))
            XCTAssertEqual(try names(folder), ["table.csv", "manifest.json", "report.html"], "failed at step \(failAt)")
            XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8), "<html>old</html>")
            XCTAssertEqual(try ResultManifest.verified(folder).seed, 1)
        }
        // table.csv staged, the manifest staged, table.csv swapped in, report.html set aside.
        XCTAssertEqual(steps, 4)
    }

    /// A comparison's manifest vouches for its scenario folders: replacing one later (another
    /// run into the same place) makes the whole comparison refused, naming the folder.
    func testASetWithPartsIsRefusedOnceAPartIsReplaced() throws {
        let folder = try temporaryFolder()
        try write("base 1\n", seed: 1, to: folder.appendingPathComponent("base"))
        try write("variant 1\n", seed: 1, to: folder.appendingPathComponent("variant"))
        try write("comparison 1\n", seed: 1, to: folder, parts: ["base", "variant"])
        let manifest = try ResultManifest.verified(folder)
        XCTAssertEqual(manifest.partFolders, ["base", "variant"])
        XCTAssertEqual(manifest.parts?.map(\.name), ["base/manifest.json", "variant/manifest.json"])

        try write("variant 2\n", seed: 2, to: folder.appendingPathComponent("variant"))
        XCTAssertThrowsError(try ResultManifest.verified(folder)) { error in
            let error = error as! ResultFolderError
            XCTAssertEqual(error.file, "variant/manifest.json")
            XCTAssertTrue(error.problem.hasPrefix("does not belong with the other files"), error.problem)
        }
        // A part edited behind its own manifest is caught through the parent too.
        try write("variant 1\n", seed: 1, to: folder.appendingPathComponent("variant"))
        XCTAssertNoThrow(try ResultManifest.verified(folder), "the same bytes again belong")
        try Data("edited\n".utf8).write(to: folder.appendingPathComponent("base/table.csv"))
        XCTAssertThrowsError(try ResultManifest.verified(folder)) { error in
            XCTAssertEqual((error as! ResultFolderError).folder, folder.appendingPathComponent("base").path)
        }
    }

    func testAPartMustBeWrittenBeforeTheSet() throws {
        let folder = try temporaryFolder()
        XCTAssertThrowsError(try write("comparison\n", seed: 1, to: folder, parts: ["base"])) { error in
            XCTAssertEqual((error as! ResultFolderError).file, "base/manifest.json")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("table.csv").path))
    }

    func testACombinedProvenanceNamesEveryScenarioAndHashesThemInOrder() {
        func run(_ name: String, _ hash: String) -> RunProvenance {
            RunProvenance(scenario: name, scenarioHash: hash, seed: 7, replications: 5, warmupDays: 30, horizonDays: 365,
                          generator: "mt19937")
        }
        let ab = RunProvenance(combining: [run("a.yaml", "1"), run("b.yaml", "2")])
        XCTAssertEqual(ab.scenario, "a.yaml, b.yaml")
        XCTAssertEqual(ab.seed, 7)
        XCTAssertEqual(ab.replications, 5)
        XCTAssertNotEqual(ab.scenarioHash, RunProvenance(combining: [run("b.yaml", "2"), run("a.yaml", "1")]).scenarioHash)
        XCTAssertEqual(RunProvenance(combining: [run("a.yaml", "1"), run("a.yaml", "3")]).scenario, "a.yaml",
                       "a sweep's points share one scenario name")
    }
}
