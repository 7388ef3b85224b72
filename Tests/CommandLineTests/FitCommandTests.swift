import CrisisExperiment
import CrisisTestSupport
import Foundation
import XCTest

/// `crisis-sim fit` as a trust's analyst runs it: the model's own extract in, a fitted
/// scenario that loads and says where each value came from out; unusable rows reported by
/// line; identifying data refused.
final class FitCommandTests: XCTestCase {
    private func crisisSim(_ arguments: [String]) throws -> CrisisSimTool.Outcome {
        try CrisisSimTool.run(arguments, in: CommandLineTests.repository)
    }

    private func temporaryFolder() -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-fit-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testAModelExtractFitsIntoAScenarioThatRuns() throws {
        let folder = temporaryFolder()
        let extractFolder = folder.appendingPathComponent("extract"), fitFolder = folder.appendingPathComponent("fit")
        let run = try crisisSim(["run", "Scenarios/baseline.yaml", "--patients", "--replications", "1", "--warmup-days", "180",
                                 "--output", extractFolder.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.error)
        // One bad row appended: it is reported, the rest are used.
        let extract = extractFolder.appendingPathComponent("patients.csv")
        let handle = try FileHandle(forWritingTo: extract)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("0,P999999,Northshire,community,everyone,acute,2025-02-30 10:00,,,,,,,,,,\n".utf8))
        try handle.close()

        // 180 days of warm-up from 2024-04-01: the period starts 2024-09-28.
        let fit = try crisisSim(["fit", extract.path, "--base", "Scenarios/baseline.yaml", "--from", "2024-09-28",
                                 "--to", "2025-09-28", "--bootstrap", "19", "--output", fitFolder.path])
        XCTAssertEqual(fit.status, 0, fit.error)
        XCTAssertTrue(fit.output.contains("1 unusable"), fit.output)
        XCTAssertTrue(fit.output.contains("presented_at: '2025-02-30 10:00' is not a date-time"), fit.output)
        XCTAssertTrue(fit.output.contains("informal stays: "), fit.output)
        let yaml = try String(contentsOf: fitFolder.appendingPathComponent("fitted.yaml"), encoding: .utf8)
        XCTAssertTrue(yaml.contains("extends: \"../../"), yaml)
        for key in ["areas.Northshire.sources.community.per_year:", "beds.informal_stay_days:", "beds.detained_stay_days:",
                    "beds.delayed_discharge_probability:", "areas.Northshire.sources.police.hour_of_day_weights:",
                    "representation.probability:", "representation.after_days:"] {
            XCTAssertTrue(yaml.contains("\n  " + key), "\(key) in\n\(yaml)")
        }
        let page = try String(contentsOf: fitFolder.appendingPathComponent("fit.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<figure class=\"chart\" id=\"stays-informal\">"), "the stays drawn")
        XCTAssertTrue(page.contains("id=\"Northshire-police-hour\""), "the police hour-of-day profile drawn")
        let json = try String(contentsOf: fitFolder.appendingPathComponent("fit.json"), encoding: .utf8)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)), json)
        XCTAssertTrue(json.contains("\"unusable\": 1"), json)
        // What the model computes rather than takes, left as targets for calibrate.
        let targets = try String(contentsOf: fitFolder.appendingPathComponent("targets.yaml"), encoding: .utf8)
        for kpi in ["admissions.total", "admissions.detained", "admissions.gatekept", "oap.share_of_admissions"] {
            XCTAssertTrue(targets.contains("  - kpi: \(kpi)  # "), "\(kpi) in\n\(targets)")
        }
        XCTAssertTrue(targets.contains("admissions; Poisson standard error\""), targets)

        // A period longer than the extract would fit a low rate: refused, naming what the extract covers.
        let tooLong = try crisisSim(["fit", extract.path, "--base", "Scenarios/baseline.yaml", "--from", "2024-09-28",
                                     "--to", "2026-03-28", "--output", folder.appendingPathComponent("long").path])
        XCTAssertEqual(tooLong.status, 1)
        XCTAssertTrue(tooLong.error.contains("presentations in the period run from 2024-09-28 "), tooLong.error)
        XCTAssertTrue(tooLong.error.contains("give the period the extract was taken for"), tooLong.error)

        // The fitted scenario runs like any other.
        let fitted = try crisisSim(["run", fitFolder.appendingPathComponent("fitted.yaml").path, "--replications", "2",
                                    "--horizon-days", "30", "--warmup-days", "30", "--output", folder.appendingPathComponent("again").path,
                                    "--quiet"])
        XCTAssertEqual(fitted.status, 0, fitted.error)
    }

    func testAnExtractWithNHSNumbersIsRefused() throws {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let extract = folder.appendingPathComponent("extract.csv")
        try (PatientExtract.header + "\n0,9434765919,Northshire,community,everyone,acute,2025-04-02 10:00,,,,,,,,,,\n")
            .write(to: extract, atomically: true, encoding: .utf8)
        let fit = try crisisSim(["fit", extract.path, "--base", "Scenarios/baseline.yaml", "--from", "2025-04-01",
                                 "--to", "2026-04-01", "--output", folder.appendingPathComponent("fit").path])
        XCTAssertEqual(fit.status, 1)
        XCTAssertTrue(fit.error.contains("person_id '9434765919' looks like an NHS number"), fit.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("fit").path), "nothing written")
    }

    func testAPeriodShorterThanAWeekIsRefused() throws {
        let fit = try crisisSim(["fit", "x.csv", "--base", "Scenarios/baseline.yaml", "--from", "2025-04-01", "--to", "2025-04-03"])
        XCTAssertEqual(fit.status, 64)
        XCTAssertTrue(fit.error.contains("the period must be at least a week"), fit.error)
    }
}
