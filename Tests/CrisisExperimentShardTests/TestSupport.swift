import CrisisExperiment
import CrisisModel
import CrisisScenario
import Foundation
import XCTest

/// Paths from this file, so tests need no bundle resources.
enum ShardPaths {
    /// The package root: Tests/CrisisExperimentShardTests/TestSupport.swift is three levels down.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func scenario(_ name: String) -> String {
        root.appendingPathComponent("Scenarios").appendingPathComponent(name).path
    }
}

/// Small experiments built the way the commands build them, quick enough for unit tests.
enum SmallExperiments {
    static let warmupDays = 30.0
    static let horizonDays = 45.0

    static func load(_ name: String, overrides: [String] = []) throws -> LoadedScenario {
        try ScenarioLoader.load(ShardPaths.scenario(name), overrides: overrides)
    }

    /// `run` of the baseline with `replications` replications.
    static func run(replications: Int, seed: UInt64 = 42) throws -> ExperimentPlan {
        let loaded = try load("baseline.yaml")
        let identity = ExperimentIdentity(
            kind: .run, seed: seed, generator: loaded.run.generator, replications: replications, warmupDays: warmupDays,
            horizonDays: horizonDays,
            groups: [WorkGroup(label: "baseline", scenario: "Scenarios/baseline.yaml", scenarioHash: loaded.hash,
                               summary: loaded.summary)])
        return ExperimentPlan(identity: identity, configurations: [loaded.configuration])
    }

    /// `compare` of the baseline with two variants.
    static func compare(replications: Int) throws -> ExperimentPlan {
        let names = ["baseline.yaml", "beds-minus-10.yaml", "crht-24-7.yaml"]
        let loaded = try names.map { try load($0) }
        let groups = zip(names, loaded).map { name, scenario in
            WorkGroup(label: String(name.dropLast(5)), scenario: "Scenarios/\(name)", scenarioHash: scenario.hash,
                      summary: scenario.summary)
        }
        let identity = ExperimentIdentity(kind: .compare, seed: 42, generator: .mrg32k3a, replications: replications,
                                          warmupDays: warmupDays, horizonDays: horizonDays, groups: groups)
        return ExperimentPlan(identity: identity, configurations: loaded.map(\.configuration))
    }

    /// `sweep` of the baseline over `grid`.
    static func sweep(_ vary: [String], replications: Int, kpis: [String] = ["beds.occupancy", "oap.placements"])
        throws -> ExperimentPlan {
        let grid = try SweepGrid.parse(vary)
        let base = try load("baseline.yaml")
        var groups: [WorkGroup] = []
        var configurations: [CrisisConfiguration] = []
        for point in grid.points {
            let loaded = try load("baseline.yaml", overrides: grid.assignments(at: point))
            groups.append(WorkGroup(label: grid.assignments(at: point).joined(separator: ", "),
                                    scenario: "Scenarios/baseline.yaml", scenarioHash: loaded.hash,
                                    summary: loaded.summary, point: grid.values(at: point)))
            configurations.append(loaded.configuration)
        }
        let settings = SweepSettings(keys: grid.axes.map(\.key),
                                     units: grid.axes.map { ScenarioSchema.unit(ofKeyPath: $0.key) ?? "" },
                                     kpis: kpis, stratum: "all", baseScenarioHash: base.hash)
        let identity = ExperimentIdentity(kind: .sweep, seed: 42, generator: .mrg32k3a, replications: replications,
                                          warmupDays: warmupDays, horizonDays: horizonDays, groups: groups, sweep: settings)
        return ExperimentPlan(identity: identity, configurations: configurations)
    }

    /// Runs every shard of an `count`-way split, writes each partial file, reads them all
    /// back and merges them: the whole path a cluster run takes, minus the cluster.
    static func shardAndMerge(_ plan: ExperimentPlan, count: Int, in folder: URL) throws -> MergedExperiment {
        var partials: [(source: String, partial: PartialResult)] = []
        for index in 1...count {
            let shard = ShardSpec(index: index, count: count)!
            let results = try plan.run(shard: shard, threads: 2)
            let url = folder.appendingPathComponent(shard.fileName)
            try PartialResult(shard: shard, experiment: plan.identity, results: results).write(to: url)
            partials.append((url.path, try PartialResult.read(url)))
        }
        return try ShardMerge.merge(partials)
    }
}

/// A folder of its own for files a test writes, removed when the test ends.
extension XCTestCase {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-shard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }
}
