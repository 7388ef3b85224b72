import CrisisModel
import CrisisScenario
import SimRandom

/// What kind of experiment the work belongs to, which decides what `merge` writes.
public enum ExperimentKind: String, Codable, Sendable {
    /// One scenario: summary.json, summary.csv, replications.csv.
    case run
    /// A base and variants with common random numbers: comparison.csv.
    case compare
    /// One scenario over a grid of parameter values: sweep.csv, sweep.svg.
    case sweep
    /// The first stage of a plan (`plan --shard`): every point of its decision grid at the
    /// plan's initial replications. Not merged on its own: `plan` without `--shard`, in the
    /// same folder, reads it and finishes the plan.
    case plan
}

/// One group of replications: a scenario of a run or comparison, or one point of a sweep.
public struct WorkGroup: Codable, Sendable, Equatable {
    /// The scenario's name (file name without extension), or the point's values for a sweep.
    public var label: String
    /// The scenario file as given on the command line.
    public var scenario: String
    /// FNV-1a 64 of the resolved scenario (overrides and sweep values applied).
    public var scenarioHash: String
    /// The scenario's `description`.
    public var summary: String
    /// The varied keys' values at a sweep point, in `SweepSettings.keys` order; empty otherwise.
    public var point: [String]
    /// What a comparison's variant changes from the base (empty for the base, a run and a
    /// sweep point), kept with the work so `merge` reports it as the unsharded command does.
    public var changes: [ScenarioChange]

    public init(label: String, scenario: String, scenarioHash: String, summary: String, point: [String] = [],
                changes: [ScenarioChange] = []) {
        self.label = label
        self.scenario = scenario
        self.scenarioHash = scenarioHash
        self.summary = summary
        self.point = point
        self.changes = changes
    }

    private enum CodingKeys: String, CodingKey {
        case label, scenario, scenarioHash, summary, point, changes
    }

    // Shards written before changes were recorded have none.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decode(String.self, forKey: .label)
        scenario = try container.decode(String.self, forKey: .scenario)
        scenarioHash = try container.decode(String.self, forKey: .scenarioHash)
        summary = try container.decode(String.self, forKey: .summary)
        point = try container.decode([String].self, forKey: .point)
        changes = try container.decodeIfPresent([ScenarioChange].self, forKey: .changes) ?? []
    }
}

/// What a sweep varies and shows, recorded so `merge` draws the same chart.
public struct SweepSettings: Codable, Sendable, Equatable {
    /// The varied key paths, outermost first.
    public var keys: [String]
    /// Each key's unit from the scenario schema ("" when it has none).
    public var units: [String]
    /// The KPIs tabulated and charted.
    public var kpis: [String]
    /// The stratum tabulated and charted.
    public var stratum: String
    /// The scenario hash before any varied key is applied.
    public var baseScenarioHash: String

    public init(keys: [String], units: [String], kpis: [String], stratum: String, baseScenarioHash: String) {
        self.keys = keys
        self.units = units
        self.kpis = kpis
        self.stratum = stratum
        self.baseScenarioHash = baseScenarioHash
    }
}

/// Everything that must be the same for two shards to belong to the same experiment: the
/// scenarios (by hash), seed, replications, run length, generator and, for sweeps, the grid.
public struct ExperimentIdentity: Codable, Sendable, Equatable {
    public var kind: ExperimentKind
    public var seed: UInt64
    public var generator: GeneratorKind
    /// Replications of every group.
    public var replications: Int
    public var warmupDays: Double
    public var horizonDays: Double
    public var groups: [WorkGroup]
    public var sweep: SweepSettings?

    public init(kind: ExperimentKind, seed: UInt64, generator: GeneratorKind, replications: Int, warmupDays: Double,
                horizonDays: Double, groups: [WorkGroup], sweep: SweepSettings? = nil) {
        self.kind = kind
        self.seed = seed
        self.generator = generator
        self.replications = replications
        self.warmupDays = warmupDays
        self.horizonDays = horizonDays
        self.groups = groups
        self.sweep = sweep
    }

    /// Work items: one per (group, replication).
    public var itemCount: Int { groups.count * replications }

    /// The provenance of group `group`'s results, as a `run` records it.
    public func provenance(group: Int = 0) -> RunProvenance {
        RunProvenance(scenario: groups[group].scenario, scenarioHash: groups[group].scenarioHash, seed: seed,
                      replications: replications, warmupDays: warmupDays, horizonDays: horizonDays,
                      generator: generator.rawValue)
    }

    /// How `other` differs from this, in words, one line per difference (empty when equal).
    public func differences(from other: ExperimentIdentity) -> [String] {
        var lines: [String] = []
        func check<T: Equatable>(_ name: String, _ mine: T, _ theirs: T) {
            if mine != theirs { lines.append("\(name) \(theirs) instead of \(mine)") }
        }
        check("kind", kind.rawValue, other.kind.rawValue)
        check("seed", seed, other.seed)
        check("generator", generator.rawValue, other.generator.rawValue)
        check("replications", replications, other.replications)
        check("warm-up days", NumberFormat.exact(warmupDays), NumberFormat.exact(other.warmupDays))
        check("horizon days", NumberFormat.exact(horizonDays), NumberFormat.exact(other.horizonDays))
        if groups.count != other.groups.count {
            lines.append("\(other.groups.count) scenarios or sweep points instead of \(groups.count)")
        } else {
            for (mine, theirs) in zip(groups, other.groups) where mine != theirs {
                if mine.scenarioHash != theirs.scenarioHash || mine.scenario != theirs.scenario {
                    lines.append("scenario \(theirs.scenario) (hash \(theirs.scenarioHash)) instead of "
                        + "\(mine.scenario) (hash \(mine.scenarioHash))" + (mine.point.isEmpty ? "" : " at point \(mine.label)"))
                } else {
                    lines.append("group '\(theirs.label)' instead of '\(mine.label)'")
                }
            }
        }
        if sweep != other.sweep {
            lines.append("sweep settings \(describe(other.sweep)) instead of \(describe(sweep))")
        }
        return lines
    }

    private func describe(_ sweep: SweepSettings?) -> String {
        guard let sweep else { return "(none)" }
        return "(vary \(sweep.keys.joined(separator: ", ")); kpis \(sweep.kpis.joined(separator: ", ")); "
            + "stratum \(sweep.stratum))"
    }

    private enum CodingKeys: String, CodingKey {
        // camelCase: the coders convert to and from snake_case.
        case kind, seed, generator, replications, warmupDays, horizonDays, groups, sweep
    }

    // Doubles are stored as their exact shortest text, so they read back bit for bit.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(ExperimentKind.self, forKey: .kind)
        seed = try container.decode(ExactUInt64.self, forKey: .seed).value
        generator = try container.decode(GeneratorKind.self, forKey: .generator)
        replications = try container.decode(Int.self, forKey: .replications)
        warmupDays = try container.decode(ExactDouble.self, forKey: .warmupDays).value
        horizonDays = try container.decode(ExactDouble.self, forKey: .horizonDays).value
        groups = try container.decode([WorkGroup].self, forKey: .groups)
        sweep = try container.decodeIfPresent(SweepSettings.self, forKey: .sweep)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(ExactUInt64(value: seed), forKey: .seed)
        try container.encode(generator, forKey: .generator)
        try container.encode(replications, forKey: .replications)
        try container.encode(ExactDouble(warmupDays), forKey: .warmupDays)
        try container.encode(ExactDouble(horizonDays), forKey: .horizonDays)
        try container.encode(groups, forKey: .groups)
        try container.encodeIfPresent(sweep, forKey: .sweep)
    }
}

/// An experiment ready to run, whole or one shard at a time: its identity and the compiled
/// configuration of each group.
public struct ExperimentPlan: Sendable {
    public let identity: ExperimentIdentity
    /// One per group, in `identity.groups` order.
    public let configurations: [CrisisConfiguration]

    public init(identity: ExperimentIdentity, configurations: [CrisisConfiguration]) {
        precondition(identity.groups.count == configurations.count, "one configuration per group")
        self.identity = identity
        self.configurations = configurations
    }

    public var length: RunLength { RunLength(warmupDays: identity.warmupDays, horizonDays: identity.horizonDays) }

    /// The replications of each group that `shard` runs.
    public func replications(for shard: ShardSpec) -> [[Int]] {
        var perGroup = Array(repeating: [Int](), count: identity.groups.count)
        for item in shard.items(of: identity.itemCount) {
            perGroup[item / identity.replications].append(item % identity.replications)
        }
        return perGroup
    }

    /// Runs `shard`'s share (everything by default) on up to `threads` threads, group after
    /// group, keeping each replication's daily census when `dailySeries` (for reports) and
    /// its episodes and steps in `logs`.
    /// `progress` gets the number of replications done so far, across groups; a cancelled
    /// `cancellation` stops the run with `Cancelled`.
    ///
    /// - Returns: each group's results sorted by replication (empty for groups with no work
    ///   in this shard).
    public func run(shard: ShardSpec = .whole, threads: Int, dailySeries: Bool = false, logs: ReplicationLogs = ReplicationLogs(),
                    cancellation: Cancellation? = nil,
                    progress: (@Sendable (Int) -> Void)? = nil) throws -> [[ReplicationResult]] {
        var done = 0
        var results: [[ReplicationResult]] = []
        for (group, replications) in replications(for: shard).enumerated() {
            guard !replications.isEmpty else {
                results.append([])
                continue
            }
            let runner = ReplicationRunner(configuration: configurations[group], length: length, seed: identity.seed,
                                           generator: identity.generator, dailySeries: dailySeries,
                                           logs: logs)
            let offset = done
            var groupProgress: (@Sendable (Int) -> Void)?
            if let progress { groupProgress = { progress(offset + $0) } }
            results.append(try runner.run(replications, threads: threads, cancellation: cancellation, progress: groupProgress))
            done += replications.count
        }
        return results
    }
}
