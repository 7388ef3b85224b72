import ArgumentParser
import CrisisExperiment
import CrisisScenario
import Foundation

extension Run {
    /// This run of `loaded` as an experiment of one group; prints the scenario's warnings for
    /// the run it makes.
    func experimentPlan(_ loaded: LoadedScenario) -> ExperimentPlan {
        let settings = runOptions.settings(for: loaded)
        printWarnings(of: [loaded], for: settings)
        return .run(scenario, loaded, settings: settings)
    }

    /// The results folder: --output, or results/<scenario name>.
    var resultsFolder: URL { URL(fileURLWithPath: output ?? "results/\(scenarioName(scenario))") }

    /// `run --shard K/N`: this shard's replications, written as a partial result.
    func runShard(_ shard: ShardSpec) throws {
        let plan = experimentPlan(try loadScenario(scenario, overrides: scenarioOptions.overrides))
        try ShardWork.run(plan, shard: shard, name: scenarioName(scenario), folder: resultsFolder,
                          threads: runOptions.threads, quiet: runOptions.quiet)
    }
}
