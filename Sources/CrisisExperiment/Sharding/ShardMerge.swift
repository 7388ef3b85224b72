import CrisisModel

/// A sharded experiment put back together: every replication of every group, in order, as an
/// unsharded run would have returned them.
public struct MergedExperiment: Sendable {
    public let identity: ExperimentIdentity
    /// How many shards it was split into.
    public let shardCount: Int
    /// Each group's results, replications 0..<R in order.
    public let results: [[ReplicationResult]]
}

/// Combines the partial results of every shard of one experiment.
public enum ShardMerge {
    /// Merges `partials` (each with the file it came from, for messages).
    ///
    /// Refuses, naming every problem at once, when the files come from different versions,
    /// scenarios, seeds, run lengths or splits, when a shard is missing or given twice, or when
    /// a file does not hold exactly its shard's replications.
    public static func merge(_ partials: [(source: String, partial: PartialResult)]) throws(ShardMergeError)
        -> MergedExperiment {
        guard let (firstSource, first) = partials.first else {
            throw ShardMergeError(problems: ["no partial results (shard-K-of-N.partial.json files) to merge"])
        }
        var problems: [String] = []
        let identity = first.experiment
        let count = first.shard.count
        var sources: [Int: [String]] = [:]
        for (source, partial) in partials {
            if partial.toolVersion != RunProvenance.toolVersion {
                problems.append("\(source): written by crisis-sim \(partial.toolVersion); this is "
                    + "\(RunProvenance.toolVersion): run the shard again with this version")
            }
            if partial.shard.count != count {
                problems.append("\(source): shard \(partial.shard) of a \(partial.shard.count)-way split, but "
                    + "\(firstSource) is of a \(count)-way split (remove the files of the split you do not want)")
                continue
            }
            let differences = identity.differences(from: partial.experiment)
            if !differences.isEmpty {
                problems.append("\(source): a different experiment from \(firstSource): "
                    + differences.joined(separator: "; "))
            }
            // Counted even when it belongs elsewhere, so it is not also reported missing.
            sources[partial.shard.index, default: []].append(source)
        }
        for (index, files) in sources.sorted(by: { $0.key < $1.key }) where files.count > 1 {
            problems.append("shard \(index)/\(count) given \(files.count) times: \(files.joined(separator: ", "))")
        }
        let missing = (1...count).filter { sources[$0] == nil }
        if !missing.isEmpty {
            let listed = missing.prefix(20).map(String.init).joined(separator: ", ") + (missing.count > 20 ? ", ..." : "")
            problems.append("missing \(missing.count) of \(count) shards: \(listed) "
                + "(e.g. \(ShardSpec(index: missing[0], count: count)!.fileName))")
        }
        guard problems.isEmpty else { throw ShardMergeError(problems: problems) }

        // Same experiment, each shard once: now the contents.
        let groups = identity.groups.count
        var keys: [[KPIKey]?] = Array(repeating: nil, count: groups)
        var results: [[ReplicationResult]] = Array(repeating: [], count: groups)
        for (source, partial) in partials {
            let fileProblems = partial.problems()
            if !fileProblems.isEmpty {
                problems += fileProblems.map { "\(source): \($0)" }
                continue
            }
            for group in partial.groups {
                if let known = keys[group.group], known != group.kpis {
                    problems.append("\(source): the KPIs of \(identity.groups[group.group].label) differ from another shard's")
                }
                keys[group.group] = keys[group.group] ?? group.kpis
            }
            for (group, groupResults) in partial.results() { results[group] += groupResults }
        }
        guard problems.isEmpty else { throw ShardMergeError(problems: problems) }
        let sorted = results.map { $0.sorted { $0.replication < $1.replication } }
        return MergedExperiment(identity: identity, shardCount: count, results: sorted)
    }
}

/// Why shards could not be merged: every problem found, one a line.
public struct ShardMergeError: Error, CustomStringConvertible, Sendable {
    public let problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}
