import Foundation

/// Everything one report shows: a single scenario (from `crisis-sim run`), or a base and its
/// variants with their paired differences (from `crisis-sim compare`). Charts overlay every
/// scenario, so both kinds share one layout.
public struct ReportContent: Sendable {
    /// The base first, then the variants in the order they were compared.
    public var scenarios: [ScenarioResults]
    /// Variant − base per KPI; empty for a single scenario.
    public var differences: [DifferenceEstimate]

    public init(scenarios: [ScenarioResults], differences: [DifferenceEstimate] = []) {
        precondition(!scenarios.isEmpty, "a report needs a scenario")
        self.scenarios = scenarios
        self.differences = differences
    }

    public var isComparison: Bool { scenarios.count > 1 }

    /// Reads a result folder: a run's (summary.json at the top), or a comparison's
    /// (comparison.csv at the top and one run folder per scenario, named after it).
    public init(folder: URL) throws {
        let comparison = folder.appendingPathComponent("comparison.csv")
        guard FileManager.default.fileExists(atPath: comparison.path) else {
            self.init(scenarios: [try ScenarioResults(folder: folder)])
            return
        }
        let differences = try DifferenceEstimate.rows(of: CSVTable(contentsOf: comparison))
        var variants: [String] = []
        for row in differences where !variants.contains(row.variant) { variants.append(row.variant) }
        // The base is the one scenario folder that is not a variant: comparison.csv names only variants.
        let folders = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent("summary.json").path)
        }
        let bases = folders.filter { !variants.contains($0) }
        guard bases.count == 1, variants.allSatisfy(folders.contains) else {
            throw ReportError(file: folder.path, problem: "needs one result folder per compared scenario (found "
                + "\(folders.isEmpty ? "none" : folders.joined(separator: ", ")) for variants "
                + "\(variants.joined(separator: ", "))): run `crisis-sim compare` with --report")
        }
        let scenarios = try (bases + variants).map { try ScenarioResults(folder: folder.appendingPathComponent($0)) }
        self.init(scenarios: scenarios, differences: differences)
    }
}
