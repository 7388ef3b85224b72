import CrisisExperiment
import CrisisModel
import Foundation

/// A scenario's result folder with everything its report draws: the summaries `ResultFiles`
/// writes, plus daily.csv (needs replications run with `dailySeries`), distributions.csv and
/// scenario.yaml. `compare --report` writes one per scenario.
public enum ScenarioFolder {
    public static func write(results: [ReplicationResult], provenance: RunProvenance, resolvedScenario: String,
                             to folder: URL) throws {
        try ResultFiles.write(summary: Summary(results), results: results, provenance: provenance, to: folder,
                              daily: true, distributions: true, resolvedScenario: resolvedScenario)
    }
}
