import CrisisExperiment
import CrisisTestSupport
import Foundation
import XCTest

/// Every command's output folder changes as one set, and a report never describes another
/// run: found by an outside audit, which left an old report.html beside a newer run's files,
/// and a comparison's table beside scenario folders of an earlier comparison.
final class ResultSetTests: XCTestCase {
    private let short = ["--replications", "2", "--horizon-days", "20", "--warmup-days", "0", "--quiet"]

    private func crisisSim(_ arguments: [String]) throws -> CrisisSimTool.Outcome {
        try CrisisSimTool.run(arguments, in: CommandLineTests.repository)
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-sets-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    private func names(_ folder: URL) throws -> Set<String> { Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) }

    func testANewRunRemovesTheReportOfTheOldOne() throws {
        let folder = try temporaryFolder()
        let first = try crisisSim(["run", "Scenarios/baseline.yaml", "--report", "--seed", "1", "--output", folder.path] + short)
        XCTAssertEqual(first.status, 0, first.error)
        XCTAssertTrue(try names(folder).contains("report.html"))
        let second = try crisisSim(["run", "Scenarios/baseline.yaml", "--seed", "2", "--output", folder.path] + short)
        XCTAssertEqual(second.status, 0, second.error)
        XCTAssertEqual(try names(folder), ["summary.csv", "replications.csv", "summary.json", "manifest.json"])
        let report = try crisisSim(["report", folder.path])
        XCTAssertEqual(report.status, 0, report.error)
        let page = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<dt>Seed</dt><dd>2 ("), "the report drawn now is the second run's")
    }

    /// `--patients` and `--event-log` add patients.csv and events.csv to the set, vouched for
    /// by the manifest, leave no part files behind, and go with the set when the next run
    /// does not ask for them.
    func testThePatientExtractIsPartOfTheSet() throws {
        let folder = try temporaryFolder()
        let run = ["run", "Scenarios/baseline.yaml", "--output", folder.path] + short
        let withExtract = try crisisSim(run + ["--patients", "--event-log"])
        XCTAssertEqual(withExtract.status, 0, withExtract.error)
        XCTAssertTrue(withExtract.output.contains(", patients.csv, events.csv ("), withExtract.output)
        XCTAssertEqual(try names(folder), ["summary.csv", "replications.csv", "summary.json", "manifest.json", "patients.csv",
                                           "events.csv"], "no part files are left")
        XCTAssertTrue(try ResultManifest.verified(folder).lists("patients.csv"))
        XCTAssertTrue(try ResultManifest.verified(folder).lists("events.csv"))
        let text = try String(contentsOf: folder.appendingPathComponent("patients.csv"), encoding: .utf8)
        XCTAssertTrue(text.hasPrefix(PatientExtract.header + "\n0,P"), String(text.prefix(300)))
        XCTAssertEqual(Set(text.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } }), ["0", "1"])

        XCTAssertEqual(try crisisSim(run).status, 0)
        XCTAssertEqual(try names(folder), ["summary.csv", "replications.csv", "summary.json", "manifest.json"],
                       "the extract and the log went with the old set")

        let sharded = try crisisSim(run + ["--patients", "--shard", "1/2"])
        XCTAssertEqual(sharded.status, 64)
        XCTAssertTrue(sharded.error.contains("--patients cannot be combined with --shard"), sharded.error)
        let shardedLog = try crisisSim(run + ["--event-log", "--shard", "1/2"])
        XCTAssertEqual(shardedLog.status, 64)
        XCTAssertTrue(shardedLog.error.contains("--event-log cannot be combined with --shard"), shardedLog.error)
    }

    func testAComparisonReportReadsOnlyItsOwnScenarioFolders() throws {
        let folder = try temporaryFolder()
        let compare = ["compare", "Scenarios/baseline.yaml", "Scenarios/beds-minus-10.yaml", "--output", folder.path] + short
        let withReport = try crisisSim(compare + ["--report"])
        XCTAssertEqual(withReport.status, 0, withReport.error)
        XCTAssertEqual(try ResultManifest.verified(folder).partFolders, ["baseline", "beds-minus-10"])
        XCTAssertEqual(try names(folder), ["baseline", "beds-minus-10", "comparison.csv", "changes.csv", "manifest.json",
                                           "report.html"])

        // Without --report, with another seed: the old report and scenario folders go with
        // the old set, and the report says why it has nothing to draw.
        let without = try crisisSim(compare + ["--seed", "9"])
        XCTAssertEqual(without.status, 0, without.error)
        XCTAssertEqual(try names(folder), ["comparison.csv", "changes.csv", "manifest.json"],
                       "the old report and scenario folders went with the old set")
        let report = try crisisSim(["report", folder.path])
        XCTAssertEqual(report.status, 1)
        XCTAssertEqual(report.error, "\(folder.path)/comparison.csv: comes from a comparison run without --report, which "
            + "keeps no result folder per scenario for the report to draw (any beside it are an earlier run's): "
            + "run `crisis-sim compare` with --report\n")

        // A scenario folder replaced by a later run makes the comparison refused, naming it.
        XCTAssertEqual(try crisisSim(compare + ["--report"]).status, 0)
        let run = try crisisSim(["run", "Scenarios/baseline.yaml", "--seed", "3", "--output",
                                 folder.appendingPathComponent("baseline").path] + short)
        XCTAssertEqual(run.status, 0, run.error)
        let mixed = try crisisSim(["report", folder.path])
        XCTAssertEqual(mixed.status, 1)
        XCTAssertTrue(mixed.error.hasPrefix("\(folder.path)/baseline/manifest.json: does not belong with the other files"),
                      mixed.error)
    }

    func testSweepAndWarmupWriteOneSet() throws {
        let sweepFolder = try temporaryFolder()
        let sweep = try crisisSim(["sweep", "Scenarios/baseline.yaml", "--vary", "crht.assessors=1...2:1",
                                   "--output", sweepFolder.path] + short)
        XCTAssertEqual(sweep.status, 0, sweep.error)
        XCTAssertEqual(try ResultManifest.verified(sweepFolder).files.map(\.name), ["sweep.csv", "sweep.svg"])
        let warmupFolder = try temporaryFolder()
        let warmup = try crisisSim(["warmup", "Scenarios/baseline.yaml", "--replications", "2", "--horizon-days", "60",
                                    "--window", "5", "--quiet", "--output", warmupFolder.path])
        XCTAssertEqual(warmup.status, 0, warmup.error)
        XCTAssertEqual(try ResultManifest.verified(warmupFolder).files.map(\.name), ["warmup.csv", "warmup.html"])

        // report on either once said "summary.json: not found: is this a crisis-sim result
        // folder?"; it says whose folder it is and where its chart or page is.
        let ours = "a report is drawn from a run's or a comparison's result folder"
        let cases = [
            (sweepFolder.path, "is a sweep's result folder (sweep.csv): \(ours); sweep.svg is the sweep's chart, and sweep.csv its table"),
            (warmupFolder.path, "is a warm-up's result folder (warmup.csv): \(ours); warmup.html is the warm-up's page"),
            (sweepFolder.appendingPathComponent("sweep.csv").path,
             "is a file, not a result folder: give the folder written by run or compare"),
        ]
        for (path, problem) in cases {
            let report = try crisisSim(["report", path])
            XCTAssertEqual(report.status, 1)
            XCTAssertEqual(report.error, "\(path): \(problem)\n")
        }
    }
}
