import CrisisExperiment
import CrisisScenario
import CrisisTestSupport
import Foundation
import XCTest

/// `crisis-sim targets` as a capacity planner runs it on the files NHS England publishes: the
/// shipped examples in, a targets file that reads back out, a summary on the terminal; any
/// problem named by file, line and column, and nothing written.
final class TargetsCommandTests: XCTestCase {
    private let mhsds = "Scenarios/data/mhsds-monthly-example.csv"
    private let oaps = "Scenarios/data/oaps-monthly-example.csv"

    private func crisisSim(_ arguments: [String]) throws -> CrisisSimTool.Outcome {
        try CrisisSimTool.run(arguments, in: CommandLineTests.repository)
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-targets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testTheShippedExamplesGiveTargetsThatReadBack() throws {
        let output = try temporaryFolder().appendingPathComponent("targets.yaml")
        let outcome = try crisisSim(["targets", "--mhsds", mhsds, "--oaps", oaps, "--provider", "RXX", "--output", output.path])
        XCTAssertEqual(outcome.status, 0, outcome.error)
        XCTAssertTrue(outcome.output.hasPrefix("RXX Northshire Mental Health NHS Trust, 2024-04 to 2025-03 (12 months)\n"),
                      outcome.output)
        XCTAssertTrue(outcome.output.contains("3 under 'Provider'; 24 used, 12 superseded by a later status"), outcome.output)
        XCTAssertTrue(outcome.output.contains("3 suppressed (*), 20 of longer periods not used"), outcome.output)
        XCTAssertTrue(outcome.output.contains("OAP01a, 10 months (suppressed 2024-08, 2025-02)"), outcome.output)
        XCTAssertTrue(outcome.output.contains("AMH21a, 12 months (provisional 2025-03)"), outcome.output)
        XCTAssertTrue(outcome.output.hasSuffix("Wrote \(output.path)\n"), outcome.output)

        let targets = try TargetsFile.read(output.path)
        XCTAssertEqual(targets.map(\.kpi), ["admissions.total", "beds.bed_days", "oap.placements", "oap.bed_days",
                                           "oap.active_at_month_end"])
        // The example is at the baseline's scale: 74 beds ~94% full, ~90 placements out of area a year.
        let value = Dictionary(uniqueKeysWithValues: targets.map { ($0.kpi, $0.value) })
        XCTAssertEqual(try XCTUnwrap(value["beds.bed_days"]) / 365 / 74, 0.94, accuracy: 0.02)
        XCTAssertEqual(try XCTUnwrap(value["oap.placements"]), 90, accuracy: 15)
        XCTAssertEqual(try XCTUnwrap(value["admissions.total"]), 760, accuracy: 60)
        for target in targets {
            XCTAssertGreaterThan(target.standardError, 0)
            XCTAssertLessThan(target.standardError, target.value / 5, target.kpi)
            XCTAssertTrue(target.source.contains("RXX Northshire Mental Health NHS Trust, 2024-04 to 2025-03"), target.source)
            XCTAssertTrue(target.source.contains("SE the larger of sd/sqrt(months)"), target.source)
        }
        let text = try String(contentsOf: output, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("# Calibration targets from NHS England's public monthly statistics"), text)
        XCTAssertTrue(text.contains("#   MHS24, MHS25: bed days of every ward type and age"), text)
    }

    func testWithoutTheOAPFileOnlyBedDaysAreMadeAndTheRestSaid() throws {
        let output = try temporaryFolder().appendingPathComponent("targets.yaml")
        let outcome = try crisisSim(["targets", "--mhsds", mhsds, "--provider", "rxx", "--from", "2024-06", "--to", "2024-11",
                                     "--output", output.path])
        XCTAssertEqual(outcome.status, 0, outcome.error)
        XCTAssertTrue(outcome.output.contains("2024-06 to 2024-11 (6 months)"), outcome.output)
        XCTAssertTrue(outcome.output.contains("not made: admissions.total: needs the Out of Area Placements file (--oaps)"),
                      outcome.output)
        XCTAssertEqual(try TargetsFile.read(output.path).map(\.kpi), ["beds.bed_days"])
    }

    func testProblemsAreNamedByFileLineAndColumnAndNothingIsWritten() throws {
        let folder = try temporaryFolder()
        let output = folder.appendingPathComponent("targets.yaml")
        let original = try String(contentsOfFile: CommandLineTests.repository.appendingPathComponent(mhsds).path, encoding: .utf8)
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[4] = lines[4].split(separator: ",").dropLast().joined(separator: ",") + ",n/a"  // line 5: MHS25
        let broken = folder.appendingPathComponent("broken.csv")
        try lines.joined(separator: "\n").write(to: broken, atomically: true, encoding: .utf8)

        let cases: [([String], String)] = [
            (["--mhsds", broken.path, "--provider", "RXX"],
             "Error: \(broken.path):5:10: MEASURE_VALUE 'n/a' is not a number (nor '*', the published suppression marker)\n"),
            (["--mhsds", mhsds, "--provider", "RXY"],
             "Error: \(mhsds): has no organisation 'RXY'; did you mean 'RXX'? (it has 3 under Provider; nearest codes: "
                + "RXX Northshire Mental Health NHS Trust, RYY Southvale Partnership NHS Foundation Trust, "),
            (["--mhsds", mhsds, "--oaps", oaps, "--provider", "RXX", "--from", "2023-01", "--to", "2023-12"],
             "Error: \(mhsds), \(oaps): no months from 2023-01 to 2023-12 for RXX: the files have 2024-04 to 2025-03"),
            (["--mhsds", "no-such.csv", "--provider", "RXX"], "Error: no-such.csv: cannot be read: no such file"),
        ]
        for (arguments, expected) in cases {
            let outcome = try crisisSim(["targets"] + arguments + ["--output", output.path])
            XCTAssertEqual(outcome.status, 1, "\(arguments)")
            XCTAssertTrue(outcome.error.hasPrefix(expected), "\(arguments): \(outcome.error)")
            XCTAssertTrue(outcome.error.hasSuffix("Nothing was written.\n"), outcome.error)
            XCTAssertEqual(outcome.output, "")
            XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "\(arguments)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["broken.csv"], "no temporary left")
    }

    func testBadMonthsAreUsageErrors() throws {
        let bad = try crisisSim(["targets", "--mhsds", mhsds, "--provider", "RXX", "--from", "2024-4"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.error.contains("--from '2024-4' is not a month (expected YYYY-MM, e.g. 2024-04)"), bad.error)
        let backwards = try crisisSim(["targets", "--mhsds", mhsds, "--provider", "RXX", "--from", "2025-01", "--to", "2024-12"])
        XCTAssertEqual(backwards.status, 64)
        XCTAssertTrue(backwards.error.contains("--from 2025-01 is after --to 2024-12"), backwards.error)
    }
}
