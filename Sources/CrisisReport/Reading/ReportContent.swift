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
        let comparison = folder.appendingPathComponent("comparison.csv")
        guard FileManager.default.fileExists(atPath: comparison.path) else {
            self.init(scenarios: [try ScenarioResults(folder: folder)])
            return
        }
        // The manifest names the scenario folders that belong with comparison.csv, base first:
        // folders left by an earlier comparison into the same place are not read.
        let manifest: ResultManifest
        do {
            manifest = try ResultManifest.verified(folder)
        } catch {
            throw ReportError(resultFolder: error)
        }
        guard manifest.lists("comparison.csv"), !manifest.partFolders.isEmpty else {
            throw ReportError(file: comparison.path, problem: "comes from a comparison run without --report, which "
                + "keeps no result folder per scenario for the report to draw (any beside it are an earlier run's): "
                + "run `crisis-sim compare` with --report")
        }
        let differences = try DifferenceEstimate.rows(of: CSVTable(contentsOf: comparison))
        let scenarios = try manifest.partFolders.map { try ScenarioResults(folder: folder.appendingPathComponent($0)) }
        var changes: [String: [ScenarioChange]] = [:]
        if manifest.lists("changes.csv") {
            let table = try CSVTable(contentsOf: folder.appendingPathComponent("changes.csv"))
            let variant = try table.column("variant"), key = try table.column("key"), before = try table.column("base_value")
            let after = try table.column("variant_value"), source = try table.column("source")
            let comment = try table.column("comment")
            for row in table.rows {
                changes[row[variant], default: []].append(ScenarioChange(
                    key: row[key], baseValue: row[before], variantValue: row[after],
                    source: row[source].isEmpty ? nil : row[source], comment: row[comment]))
            }
        }
        self.init(scenarios: scenarios, differences: differences, changes: changes)
    }
}
