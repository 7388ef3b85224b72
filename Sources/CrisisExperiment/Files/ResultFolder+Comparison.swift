import CrisisModel
import CrisisScenario
import Foundation

extension ResultFolder {
    /// Replaces the folder's set with a comparison's files, comparison.csv and changes.csv,
    /// from the runs `provenance` combines. `variants` are each variant's name (its scenario's)
    /// and comparison with the base, `changes` what each changes from it. `parts` names the
    /// scenario folders already written inside this one (compare --report), which the set's
    /// manifest then vouches for too.
    public func writeComparison(_ variants: [(name: String, comparison: [PairedDifference])],
                                changes: [(name: String, changes: [ScenarioChange])], provenance: RunProvenance,
                                parts: [String] = []) throws {
        try replace(with: [ResultFile(ComparisonCSV.fileName) { ComparisonCSV.text(variants) },
                           ResultFile(ChangesCSV.fileName) { ChangesCSV.text(changes) }],
                    provenance: provenance, parts: parts)
    }

    /// compare --report: one result folder per scenario inside the comparison's `folder`,
    /// named after the scenario (the names comparison.csv uses), base first, each with what
    /// its report draws; returns their names, for `writeComparison`'s `parts`. The scenarios
    /// must have names of their own (compare refuses two files with one name).
    public static func writeScenarioFolders(in folder: URL, runs: [RunProvenance], results: [[ReplicationResult]],
                                            resolvedScenarios: [String]) throws -> [String] {
        let names = runs.map { scenarioName($0.scenario) }
        for (index, name) in names.enumerated() {
            try ResultFolder(folder.appendingPathComponent(name))
                .writeRun(summary: Summary(results[index]), results: results[index], provenance: runs[index],
                          options: .report(resolvedScenario: resolvedScenarios[index]))
        }
        return names
    }
}
