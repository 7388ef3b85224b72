import CrisisTestSupport
import Foundation
import XCTest

/// Output the tool could not write is a failure: an outside audit found every command
/// exiting 0 with standard output full (> /dev/full) or closed (>&-).
final class StandardOutputTests: XCTestCase {
    /// Runs `crisis-sim arguments` through the shell with `redirection` applied to its
    /// standard output; returns the status and standard error.
    private func crisisSim(_ arguments: [String], stdout redirection: String, in folder: URL = CommandLineTests.repository)
        throws -> (status: Int32, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\"$0\" \"$@\" \(redirection)", CrisisSimTool.executable.path] + arguments
        process.currentDirectoryURL = folder
        let error = Pipe()
        process.standardError = error
        try process.run()
        let message = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: message, as: UTF8.self))
    }

    func testAFullStandardOutputExitsWithAnInputOutputError() throws {
        let outcome = try crisisSim(["validate", "Scenarios/baseline.yaml"], stdout: "> /dev/full")
        XCTAssertEqual(outcome.status, 74, outcome.error)
        XCTAssertEqual(outcome.error, "Error: the results printed on standard output were lost (No space left on device); "
            + "any files the command wrote are complete\n")
        XCTAssertEqual(try crisisSim(["validate", "Scenarios/baseline.yaml"], stdout: "> /dev/null").status, 0)
    }

    /// Help is output too: lost, it fails as a table would (an outside audit found exit 0).
    func testLostHelpFails() throws {
        XCTAssertEqual(try crisisSim(["--help"], stdout: "> /dev/full").status, 74)
        XCTAssertEqual(try crisisSim(["help", "run"], stdout: ">&-").status, 74)
        XCTAssertEqual(try crisisSim(["run", "--help"], stdout: "> /dev/full").status, 74)
        XCTAssertEqual(try crisisSim(["--help"], stdout: "> /dev/null").status, 0)
    }

    /// A closed standard output must not lend its descriptor to a result file, where the
    /// printed table would land: the run's files are exactly those of a normal run.
    func testAClosedStandardOutputFailsAndLeavesTheResultFilesClean() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-stdout-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let run = ["run", CommandLineTests.repository.appendingPathComponent("Scenarios/baseline.yaml").path,
                   "--replications", "2", "--horizon-days", "10", "--warmup-days", "0", "--quiet"]
        let closed = try crisisSim(run + ["--output", folder.appendingPathComponent("closed").path], stdout: ">&-")
        XCTAssertEqual(closed.status, 74, closed.error)
        XCTAssertTrue(closed.error.contains("(standard output is closed)"), closed.error)
        let normal = try crisisSim(run + ["--output", folder.appendingPathComponent("normal").path], stdout: "> /dev/null")
        XCTAssertEqual(normal.status, 0, normal.error)
        for file in ["summary.csv", "summary.json", "replications.csv", "manifest.json"] {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("closed/\(file)")),
                           try Data(contentsOf: folder.appendingPathComponent("normal/\(file)")), file)
        }
    }
}

/// `crisis-sim kpis`: the catalogue a planner reads to know what each figure means.
final class KPICatalogueCommandTests: XCTestCase {
    private func kpis(_ arguments: [String]) throws -> CrisisSimTool.Outcome {
        try CrisisSimTool.run(["kpis"] + arguments, in: CommandLineTests.repository)
    }

    func testTheCatalogueInEachFormat() throws {
        let text = try kpis([])
        XCTAssertEqual(text.status, 0, text.error)
        XCTAssertTrue(text.output.contains("\nOut-of-area placements\n  * oap.placements (per year): Out-of-area placements started\n"
            + "      New out-of-area placements.\n"), text.output)

        let csv = try kpis(["--format", "csv"])
        let rows = csv.output.split(separator: "\n")
        XCTAssertEqual(rows.first, "kpi,label,section,unit,per_cohort,headline,definition")
        XCTAssertTrue(rows.contains("beds.occupancy,Bed occupancy,Local beds,%,no,yes,"
            + "Time-average local beds occupied as a share of beds available."))
        let markdown = try kpis(["--format", "markdown"])
        let markdownRows = markdown.output.split(separator: "\n").filter { $0.hasPrefix("| `") }
        XCTAssertEqual(rows.count - 1, markdownRows.count, "one row per KPI in both")
        XCTAssertGreaterThan(markdownRows.count, 60)
        XCTAssertTrue(markdown.output.hasPrefix("### Presentations\n\n| id | label | unit | definition |\n"), markdown.output)
        XCTAssertTrue(markdown.output.contains("| `s136.place.police_custody` | Section 136: police custody | per year |"))

        let bad = try kpis(["--format", "xlsx"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.error.contains("Please provide one of 'text', 'markdown' or 'csv'"), bad.error)
    }
}

/// `describe --against BASE`: only what the scenario changes, with the source of each lever.
final class DescribeAgainstTests: XCTestCase {
    func testDescribeAgainstTheBaselineShowsEachLeverAndItsSource() throws {
        let outcome = try CrisisSimTool.run(["describe", "Scenarios/crht-24-7-full-gatekeeping.yaml", "--against",
                                             "Scenarios/baseline.yaml", "--set", "crht.assessors=6"],
                                            in: CommandLineTests.repository)
        XCTAssertEqual(outcome.status, 0, outcome.error)
        let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.first, "What crht-24-7-full-gatekeeping changes from baseline (4 settings):")
        XCTAssertTrue(lines.contains { $0.hasPrefix("  crht.admissions_avoided_share ") && $0.contains("0.2 -> 0.3")
            && $0.hasSuffix("Scenarios/crht-24-7-full-gatekeeping.yaml:16") }, outcome.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("      # ~30% of admissions could have been cared for in the community (Stanton 2012)") },
                      outcome.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  crht.assessors ") && $0.contains("5 -> 6")
            && $0.hasSuffix("--set 'crht.assessors=6'") }, outcome.output)
        XCTAssertFalse(outcome.output.contains("description"), "the description names the scenario; it is not a lever")
    }

    /// --kpi takes an identifier or a group, and a misspelt one is refused before anything runs.
    func testKPIFilterNamesTheNearestKPI() throws {
        let bad = try CrisisSimTool.run(["run", "Scenarios/baseline.yaml", "--kpi", "oap.placement"], in: CommandLineTests.repository)
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.error.hasPrefix("Error: --kpi oap.placement: no such KPI or group (did you mean 'oap.placements'?); "
            + "the groups are admissions, beds, costs,"), bad.error)
        let good = try CrisisSimTool.run(["run", "Scenarios/baseline.yaml", "--kpi", "oap.placements", "--kpi", "costs",
                                          "--replications", "2", "--horizon-days", "10", "--warmup-days", "0", "--quiet",
                                          "--output", FileManager.default.temporaryDirectory
                                              .appendingPathComponent("crisis-kpi-\(UUID().uuidString)").path],
                                         in: CommandLineTests.repository)
        XCTAssertEqual(good.status, 0, good.error)
        let table = try XCTUnwrap(good.output.components(separatedBy: "\n\n").first { $0.contains("mean  95% CI") })
        let rows = table.split(separator: "\n").dropFirst().filter { $0.hasPrefix("  ") }
        XCTAssertEqual(rows.count, 1 + 8, "placements and the eight cost KPIs: \(rows)")
        XCTAssertFalse(good.output.contains("(beds.occupancy)"), "precision advice keeps to the KPIs asked for")
        XCTAssertTrue(good.output.contains("\nOut-of-area placements\n  Out-of-area placements started "), good.output)
    }
}
