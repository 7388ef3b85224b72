import CrisisExperiment
import CrisisTestSupport
import Foundation
import XCTest

/// `crisis-sim calibrate` as an analyst runs it: a calibrated scenario that loads and says how
/// far each value can be trusted, and every problem with the free keys and targets named
/// before anything runs.
final class CalibrateCommandTests: XCTestCase {
    private func crisisSim(_ arguments: [String]) throws -> CrisisSimTool.Outcome {
        try CrisisSimTool.run(arguments, in: CommandLineTests.repository)
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-calibrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    private func targets(in folder: URL, _ text: String) throws -> String {
        let file = folder.appendingPathComponent("targets.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func testACalibrationWritesAScenarioThatLoadsWithItsIntervals() throws {
        let folder = try temporaryFolder()
        let file = try targets(in: folder, """
            targets:
              - kpi: beds.delayed_bed_days
                value: 2400
                standard_error: 200
                source: "a test"

            """)
        let output = folder.appendingPathComponent("out")
        let result = try crisisSim(["calibrate", "Scenarios/baseline.yaml", "--targets", file,
                                    "--free", "beds.delayed_discharge_probability=0.02...0.4", "--replications", "3",
                                    "--warmup-days", "90", "--horizon-days", "90", "--output", output.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("Calibrated Scenarios/baseline.yaml to 1 target in \(file) over 1 free key"), result.output)
        XCTAssertTrue(result.output.contains("beds.delayed_discharge_probability"), result.output)
        let yaml = try String(contentsOf: output.appendingPathComponent("calibrated.yaml"), encoding: .utf8)
        XCTAssertTrue(yaml.contains("extends: \""), yaml)
        XCTAssertTrue(yaml.contains("  # searched 0.02 to 0.4; 95% interval "), yaml)
        XCTAssertTrue(yaml.contains("\n  beds.delayed_discharge_probability: "), yaml)
        let csv = try String(contentsOf: output.appendingPathComponent("calibration.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix(CalibrationCSV.header + "\nbeds.delayed_bed_days,all,per year,2400.0,200.0,1.0,"), csv)
        let json = try String(contentsOf: output.appendingPathComponent("calibration.json"), encoding: .utf8)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)), json)
        let page = try String(contentsOf: output.appendingPathComponent("calibration.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<figure class=\"chart\" id=\"slice-1\">"), "the slice drawn")
        // The calibrated scenario runs.
        let run = try crisisSim(["run", output.appendingPathComponent("calibrated.yaml").path, "--replications", "2",
                                 "--warmup-days", "30", "--horizon-days", "30", "--output", folder.appendingPathComponent("run").path,
                                 "--quiet"])
        XCTAssertEqual(run.status, 0, run.error)
    }

    func testEveryProblemIsNamedBeforeAnythingRuns() throws {
        let folder = try temporaryFolder()
        let file = try targets(in: folder, """
            targets:
              - kpi: beds.occupancy
                stratum: area:Northshir
                value: 93
                standard_error: 1
                source: "a test"

            """)
        let output = folder.appendingPathComponent("out")
        let result = try crisisSim(["calibrate", "Scenarios/baseline.yaml", "--targets", file,
                                    "--free", "areas.Northshire.beds=80...120", "--free", "beds.delayed_discharge_probabilty=0...0.5",
                                    "--free", "beds.delayed_discharge_probability=0...1.5",
                                    "--free", "crht.admissions_avoided_share=0.1...0.5",
                                    "--set", "crht.admissions_avoided_share=0.3", "--output", output.path])
        XCTAssertEqual(result.status, 1)
        for expected in [
            "\(file):2:5: stratum: Scenarios/baseline.yaml has no stratum 'area:Northshir' (did you mean 'area:Northshire'?)",
            "--free areas.Northshire.beds=80...120: areas.Northshire.beds takes whole numbers (beds, staff, places), and calibration searches real values",
            "--free beds.delayed_discharge_probabilty=0...0.5: beds.delayed_discharge_probabilty: unknown key 'delayed_discharge_probabilty'; did you mean 'delayed_discharge_probability'?",
            "--free beds.delayed_discharge_probability=0...1.5: beds.delayed_discharge_probability: expected a probability in [0, 1], got 1.5",
            "--set crht.admissions_avoided_share=0.3 and --free crht.admissions_avoided_share=0.1...0.5 both set crht.admissions_avoided_share",
            "5 problems; nothing was run",
        ] {
            XCTAssertTrue(result.error.contains(expected), "\(expected)\nin\n\(result.error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "nothing written")

        let broken = try targets(in: folder, "targets:\n  - kpi: admissions.total\n    value: 1\n")
        let unread = try crisisSim(["calibrate", "Scenarios/baseline.yaml", "--targets", broken,
                                    "--free", "crht.admissions_avoided_share=0.1...0.5", "--output", output.path])
        XCTAssertEqual(unread.status, 1)
        XCTAssertTrue(unread.error.contains("\(broken):2:5: targets.0.standard_error: missing"), unread.error)
        XCTAssertTrue(unread.error.contains("\(broken): 2 problems; nothing was run"), unread.error)
    }
}
