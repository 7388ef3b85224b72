import ArgumentParser
import CrisisExperiment
import CrisisModel
import CrisisScenario
import Foundation

extension Compare {
    /// Every scenario, base first; a problem in any file stops before anything runs, after
    /// every file's problems are printed.
    func loadScenarios() throws -> [LoadedScenario] {
        var loaded: [LoadedScenario] = []
        var failed = false
        for path in [base] + variants {
            do { loaded.append(try loadScenario(path, overrides: scenarioOptions.overrides)) } catch { failed = true }
        }
        if failed { throw ExitCode(1) }
        return loaded
    }

    /// This comparison as an experiment of one group per scenario (base first), each variant
    /// with what it changes from the base; prints the warnings for the run it makes.
    func experimentPlan(_ loaded: [LoadedScenario]) -> ExperimentPlan {
        let settings = runOptions.settings(for: loaded[0])
        // Every scenario runs the base's run settings, whatever its own file says.
        printWarnings(of: loaded, for: settings)
        return .comparison(Array(zip([base] + variants, loaded)), settings: settings)
    }

    /// The results folder: --output, or results/compare-<base name>.
    var resultsFolder: URL { URL(fileURLWithPath: output ?? "results/compare-\(scenarioName(base))") }

    /// `compare --shard K/N`: this shard's replications of every scenario, as a partial result.
    func runShard(_ shard: ShardSpec) throws {
        try ShardWork.run(experimentPlan(try loadScenarios()), shard: shard, name: "compare-\(scenarioName(base))", folder: resultsFolder,
                          threads: runOptions.threads, quiet: runOptions.quiet)
    }
}
