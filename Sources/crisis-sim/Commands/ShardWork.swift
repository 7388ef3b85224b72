import ArgumentParser
import CrisisExperiment
import Foundation

extension ShardSpec {
    /// `--shard K/N`, for `@Option(transform:)`: a bad value is an error saying what was expected.
    static func argument(_ text: String) throws -> ShardSpec {
        switch ShardSpec.parse(text) {
        case .success(let shard): return shard
        case .failure(let error): throw ValidationError(error.message)
        }
    }

    static let help = ArgumentHelp(
        "Run only shard K of N (K = 1...N) and write shard-K-of-N.partial.json for `crisis-sim merge`; "
            + "skipped when that file is already complete.", valueName: "K/N")
}

/// Running one shard of an experiment, for `run`, `compare` and `sweep` with `--shard K/N`.
enum ShardWork {
    /// Runs `shard` of `plan` and writes its partial result to `folder`, unless a complete,
    /// matching one is already there (so a re-submitted array job skips finished shards).
    /// `finish` says what to run once every shard is done (default: merge the folder).
    static func run(_ plan: ExperimentPlan, shard: ShardSpec, name: String, folder: URL, threads: Int,
                    quiet: Bool, announce: Bool = true, finish: String? = nil) throws {
        try AtomicFile.createFolder(folder)  // a bad --output stops now, not after the shard
        let url = folder.appendingPathComponent(shard.fileName)
        if FileManager.default.fileExists(atPath: url.path) {
            if let existing = try? PartialResult.read(url), existing.problems(asShard: shard, of: plan.identity).isEmpty {
                if announce { print("\(url.path) is already complete: shard \(shard) skipped") }
                return
            }
            printError("note: replacing \(url.path): it is not a complete result of this shard with these settings")
        }
        let replications = plan.replications(for: shard)
        try MemoryEstimate(Array(zip(plan.configurations, replications.map(\.count))), censusDays: nil)
            .check(option: nil, otherWays: ["split the work into more shards"])
        let count = replications.reduce(0) { $0 + $1.count }
        let progress = Progress("\(name) shard \(shard)", total: count, quiet: quiet)
        let started = Date()
        let results = try plan.run(shard: shard, threads: threads, progress: { progress.update($0) })
        let seconds = Date().timeIntervalSince(started)
        try PartialResult(shard: shard, experiment: plan.identity, results: results).write(to: url)
        guard announce else { return }

        let identity = plan.identity
        let events = results.joined().reduce(0) { $0 + $1.eventsHandled }
        let groups = identity.groups.count == 1 ? ""
            : " (\(identity.groups.count) \(identity.kind == .compare ? "scenarios" : "points") x \(identity.replications))"
        print("\(name): shard \(shard): \(count) of \(identity.itemCount) replications\(groups); seed \(identity.seed)")
        print("Wrote \(url.path) (\(NumberFormat.grouped(Double(events))) events in \(NumberFormat.fixed(seconds, 2)) s)")
        print("When all \(shard.count) shards are done: \(finish ?? "crisis-sim merge \(folder.path)")")
    }
}
