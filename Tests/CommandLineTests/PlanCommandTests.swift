import CrisisExperiment
import CrisisTestSupport
import Foundation
import XCTest

/// `crisis-sim plan` as a planner runs it: an answer in words and files, and every problem
/// with the decisions and targets named before anything runs.
final class PlanCommandTests: XCTestCase {
    private func crisisSim(_ arguments: [String]) throws -> CrisisSimTool.Outcome {
        try CrisisSimTool.run(arguments, in: CommandLineTests.repository)
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-plan-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testAPlanAnswersInWordsAndFiles() throws {
        let output = try temporaryFolder()
        // The bed model as a loss system at 17 erlangs: blocking at most 10% needs 20 beds
        // (Erlang B 8.59%; 19 beds give 11.05%).
        let result = try crisisSim(["plan", "Scenarios/studies/bed-model-only.yaml", "--decide", "areas.Ward.beds=17...23",
                                    "--target", "oap.share_of_admissions<=10", "--minimise", "areas.Ward.beds",
                                    "--warmup-days", "730.5", "--horizon-days", "3652.5", "--output", output.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("Recommended: areas.Ward.beds = 20\n"), result.output)
        XCTAssertTrue(result.output.contains("Every point with less areas.Ward.beds misses a target (3 points"), result.output)
        let csv = try String(contentsOf: output.appendingPathComponent("plan.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("areas.Ward.beds,status,rank,replications,oap.share_of_admissions.mean,"), csv)
        XCTAssertTrue(csv.contains("\n20,feasible,1,"), csv)
        XCTAssertTrue(csv.contains("\n23,not evaluated,,0,"), csv)
        let json = try String(contentsOf: output.appendingPathComponent("plan.json"), encoding: .utf8)
        let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(parsed["recommended"] as? [String: Int], ["areas.Ward.beds": 20])
        let page = try String(contentsOf: output.appendingPathComponent("plan.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<figure class=\"chart\" id=\"frontier\">"), "the frontier drawn")
        XCTAssertTrue(page.contains("RECOMMENDED feasible"), "the recommendation marked on the map")
    }

    /// "When can the beds close?": 17 erlangs on 20 beds (Erlang B 8.59%) until a schedule cuts
    /// them to 18 (13.88%); the measured decade's blocking is about the time-weighted mix, at
    /// most 11% once 20 beds have run for 54.4% of it, 1,988 days. Days count from the run's
    /// start, so the 730-day warm-up comes first: the earliest day of the grid is 3130 (2,400
    /// measured days on 20 beds: 10.40%); 2330 gives 11.56%.
    func testATimelineFindsTheEarliestDayTheTargetsAllow() throws {
        let output = try temporaryFolder()
        let result = try crisisSim(["plan", "Scenarios/studies/bed-model-only.yaml", "--set", "areas.Ward.bed_schedule=[{at_day: 1000, beds: 18}]",
                                    "--warmup-days", "730.5", "--horizon-days", "3652.5", "--target", "oap.share_of_admissions<=11",
                                    "--timeline", "areas.Ward.bed_schedule.0.at_day=730...4730:800", "--output", output.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("Recommended: areas.Ward.bed_schedule.0.at_day = 3130\n"), result.output)
        XCTAssertTrue(result.output.contains("Every point with less areas.Ward.bed_schedule.0.at_day misses a target (3 points"), result.output)
        let both = try crisisSim(["plan", "Scenarios/studies/bed-model-only.yaml", "--target", "oap.share_of_admissions<=11",
                                  "--timeline", "areas.Ward.bed_schedule.0.at_day=730...4730:7", "--minimise", "costs.total"])
        XCTAssertEqual(both.status, 64)
        XCTAssertTrue(both.error.contains("--timeline minimises its day; leave out --minimise costs.total"), both.error)
        XCTAssertTrue(both.error.contains("--timeline areas.Ward.bed_schedule.0.at_day=730...4730:7: 4730 is not reached"), both.error)
    }

    func testEveryProblemIsNamedBeforeAnythingRuns() throws {
        let output = try temporaryFolder()
        let result = try crisisSim(["plan", "Scenarios/baseline.yaml", "--decide", "areas.Northshire.beds=90...80",
                                    "--target", "oap.bed_day<=500", "--target", "beds.occupancy<90", "--confidence", "1.5",
                                    "--output", output.path])
        XCTAssertEqual(result.status, 64)
        for expected in [
            "--confidence must be in (0.5, 1), e.g. 0.95",
            "--decide areas.Northshire.beds=90...80:1: HIGH (80) is below LOW (90)",
            "--target oap.bed_day<=500: no such KPI 'oap.bed_day'; did you mean 'oap.bed_days'?",
            "--target beds.occupancy<90: expected KPI<=VALUE or KPI>=VALUE",
        ] {
            XCTAssertTrue(result.error.contains(expected), "\(expected)\nin\n\(result.error)")
        }
        let unknown = try crisisSim(["plan", "Scenarios/baseline.yaml", "--decide", "areas.Northshire.beds=80...82",
                                     "--target", "oap.bed_days<=500", "--minimise", "costs.totl", "--output", output.path])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.error.contains("--minimise costs.totl: no such KPI; did you mean 'costs.total'?"), unknown.error)
        XCTAssertTrue(unknown.error.contains("or name one of the --decide keys (areas.Northshire.beds)"), unknown.error)
        let words = try crisisSim(["plan", "Scenarios/baseline.yaml", "--decide", "description=1...3",
                                   "--target", "oap.bed_days<=500", "--output", output.path])
        XCTAssertEqual(words.status, 64)
        XCTAssertTrue(words.error.contains("--decide description: not a number in Scenarios/baseline.yaml; a decision is a numeric key"),
                      words.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "nothing written")
    }

    /// No point meets the target: exit status 2, and the best the grid reached, so a KPI that
    /// levels off short of its target reads as needing another lever.
    func testAnUnreachableTargetSaysHowCloseTheGridCame() throws {
        let output = try temporaryFolder()
        let result = try crisisSim(["plan", "Scenarios/studies/bed-model-only.yaml", "--decide", "areas.Ward.beds=17...18",
                                    "--target", "oap.share_of_admissions<=5", "--minimise", "areas.Ward.beds",
                                    "--warmup-days", "730.5", "--horizon-days", "3652.5", "--output", output.path, "--quiet"])
        XCTAssertEqual(result.status, 2, result.error)
        XCTAssertTrue(result.output.contains("No point of the grid meets every target with 95% confidence"), result.output)
        XCTAssertTrue(result.output.contains("Best Out-of-area placements as a share of admissions seen: 1"), result.output)
        XCTAssertTrue(result.output.contains("at areas.Ward.beds = 18 (target <= 5.00%)"), result.output)
    }
}
