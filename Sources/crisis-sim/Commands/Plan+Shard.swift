import ArgumentParser
import CrisisExperiment
import CrisisModel
import CrisisScenario
import Foundation

/// A plan on a cluster: its first stage (every point at the initial replications) is the part
/// that does not depend on what was learnt, so it shards like a sweep; the sequential rest,
/// which chooses where the next replications go, runs in one process that reads the shards.
extension Plan {
    /// The first stage as an experiment: one group per grid point, `initialReplications` each.
    /// Its identity leaves out the targets, objective and confidence: the same shards serve any
    /// plan over the same scenario, grid, seed and run length.
    func firstStagePlan(_ problem: PlanProblem) throws -> ExperimentPlan {
        let base = try ScenarioLoader.load(scenario, overrides: problem.overrides)
        var groups: [WorkGroup] = []
        var configurations: [CrisisConfiguration] = []
        for point in problem.grid.points {
            let assignments = problem.grid.assignments(at: point)
            let loaded = try ScenarioLoader.load(scenario, overrides: problem.overrides + assignments)
            groups.append(WorkGroup(label: assignments.joined(separator: ", "), scenario: scenario, scenarioHash: loaded.hash,
                                    summary: loaded.summary, point: problem.grid.values(at: point)))
            configurations.append(loaded.configuration)
        }
        let keys = problem.grid.axes.map(\.key)
        let settings = SweepSettings(keys: keys, units: keys.map { ScenarioSchema.unit(ofKeyPath: $0) ?? "" },
                                     kpis: problem.kpis, stratum: "all", baseScenarioHash: base.hash)
        let identity = ExperimentIdentity(
            kind: .plan, seed: problem.seed, generator: problem.generator, replications: problem.initialReplications,
            warmupDays: problem.length.warmupDays, horizonDays: problem.length.horizonDays, groups: groups, sweep: settings)
        return ExperimentPlan(identity: identity, configurations: configurations)
    }

    /// The first stage from the shard files in `folder`, or nil when there are none. Shards
    /// of another experiment, an incomplete set, or a file changed since its shard wrote it
    /// stop the plan with every problem named: a plan finished from half its first stage
    /// would quietly be a different plan.
    func readFirstStage(of problem: PlanProblem, in folder: URL) throws -> [[ReplicationResult]]? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter(ShardSpec.isFileName).sorted()
        guard !names.isEmpty else { return nil }
        var problems: [String] = []
        var partials: [(source: String, partial: PartialResult)] = []
        for name in names {
            let url = folder.appendingPathComponent(name)
            do { partials.append((url.path, try PartialResult.read(url))) } catch { problems.append("\(error)") }
        }
        // Another plan's shards first, in one line: a merge would only say which are missing.
        var merged: MergedExperiment?
        if problems.isEmpty {
            let expected = try firstStagePlan(problem).identity
            if let (source, partial) = partials.first(where: { !expected.differences(from: $0.partial.experiment).isEmpty }) {
                problems.append("\(source): not this plan's first stage: "
                    + Self.difference(between: expected, and: partial.experiment) + " (remove the folder's shard files, or give another --output)")
            }
        }
        if problems.isEmpty {
            do { merged = try ShardMerge.merge(partials) } catch {
                problems += error.problems
                if error.problems.contains(where: { $0.hasPrefix("missing") }) {
                    problems.append("run each missing shard with this plan command and --shard K/N, then this command again")
                }
            }
        }
        guard let merged, problems.isEmpty else {
            for problem in problems { printError(problem) }
            printError("\(folder.path): the plan's first stage cannot be read from its shard files; nothing was run")
            throw ExitCode(1)
        }
        if !runOptions.quiet {
            print("First stage: \(merged.identity.groups.count) points x \(merged.identity.replications) replications "
                + "from \(merged.shardCount) shard\(merged.shardCount == 1 ? "" : "s") in \(folder.path)")
        }
        return merged.results
    }

    /// How a shard's first stage differs from this plan's, in a line: the order of the
    /// decisions, or at most three differences.
    static func difference(between expected: ExperimentIdentity, and other: ExperimentIdentity) -> String {
        if let mine = expected.sweep?.keys, let theirs = other.sweep?.keys, mine != theirs, Set(mine) == Set(theirs) {
            return "its decisions are \(theirs.joined(separator: ", ")) in that order, and this plan's "
                + "\(mine.joined(separator: ", ")): give the --decide options in the shards' order"
        }
        let differences = expected.differences(from: other)
        return differences.prefix(3).joined(separator: "; ")
            + (differences.count > 3 ? "; and \(differences.count - 3) more differences" : "")
    }
}
