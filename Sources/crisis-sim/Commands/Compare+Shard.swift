import ArgumentParser
import CrisisExperiment
import CrisisModel
import CrisisScenario
import Foundation

extension Compare {
    /// This comparison as an experiment of one group per scenario (base first), for sharding.
    func experimentPlan() throws -> ExperimentPlan {
        var loaded: [LoadedScenario] = []
        var failed = false
        for path in [base] + variants {
            do { loaded.append(try loadScenario(path, overrides: scenarioOptions.overrides)) } catch { failed = true }
        }
        if failed { throw ExitCode(1) }
        let settings = runOptions.settings(for: loaded[0])
        // Every scenario runs the base's run settings, whatever its own file says.
        printWarnings(of: loaded, for: settings)
        let groups = zip([base] + variants, loaded).map { path, scenario in
            WorkGroup(label: scenarioName(path), scenario: path, scenarioHash: scenario.hash, summary: scenario.summary,
                      changes: path == base ? [] : ScenarioChanges.between(loaded[0], scenario))
        }
        let identity = ExperimentIdentity(
            kind: .compare, seed: settings.seed, generator: settings.generator, replications: settings.replications,
            warmupDays: settings.warmupDays, horizonDays: settings.horizonDays, groups: groups)
        return ExperimentPlan(identity: identity, configurations: loaded.map(\.configuration))
    }

    /// The results folder: --output, or results/compare-<base name>.
    var resultsFolder: URL { URL(fileURLWithPath: output ?? "results/compare-\(scenarioName(base))") }

    /// `compare --shard K/N`: this shard's replications of every scenario, as a partial result.
    func runShard(_ shard: ShardSpec) throws {
        try ShardWork.run(try experimentPlan(), shard: shard, name: "compare-\(scenarioName(base))", folder: resultsFolder,
                          threads: runOptions.threads, quiet: runOptions.quiet)
    }
}
