import CrisisExperiment
import CrisisScenario
import Foundation

/// Everything one report shows: a single scenario (from `crisis-sim run`), or a base and its
/// variants with their paired differences (from `crisis-sim compare`). Charts overlay every
/// scenario, so both kinds share one layout.
public struct ReportContent: Sendable {
    /// The base first, then the variants in the order they were compared.
    public var scenarios: [ScenarioResults]
    /// Variant − base per KPI; empty for a single scenario.
    public var differences: [DifferenceEstimate]
    /// What each variant changes from the base, by variant name (changes.csv).
    public var changes: [String: [ScenarioChange]]

    public init(scenarios: [ScenarioResults], differences: [DifferenceEstimate] = [], changes: [String: [ScenarioChange]] = [:]) {
        precondition(!scenarios.isEmpty, "a report needs a scenario")
        self.scenarios = scenarios
        self.differences = differences
        self.changes = changes
    }

    public var isComparison: Bool { scenarios.count > 1 }

    /// Reads a result folder: a run's (summary.json at the top), or a comparison's
    /// (comparison.csv at the top and one run folder per scenario, named after it). A file,
    /// or another command's folder, is refused saying what it is (`OtherResultFolder`).
    public init(folder: URL) throws {
        if let problem = OtherResultFolder.problem(folder) { throw problem }
        let resultFolder = ResultFolder(folder)
        guard resultFolder.holds(ComparisonCSV.fileName) else {
            self.init(scenarios: [try ScenarioResults(folder: folder)])
            return
        }
        // The manifest names the scenario folders that belong with comparison.csv, base first:
        // folders left by an earlier comparison into the same place are not read.
        guard let tables = try ReportError.reading({ try resultFolder.readComparison() }), !tables.scenarioFolders.isEmpty else {
            throw ReportError(file: folder.appendingPathComponent(ComparisonCSV.fileName).path, problem: "comes from a "
                + "comparison run without --report, which keeps no result folder per scenario for the report to draw "
                + "(any beside it are an earlier run's): run `crisis-sim compare` with --report")
        }
        let differences = try ReportError.reading { try DifferenceEstimate.rows(of: tables.comparison) }
        let scenarios = try tables.scenarioFolders.map { try ScenarioResults(folder: $0) }
        let changes = try ReportError.reading { try tables.changes.map { try ChangesCSV.changes($0) } ?? [:] }
        self.init(scenarios: scenarios, differences: differences, changes: changes)
    }
}
