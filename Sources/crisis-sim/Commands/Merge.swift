import ArgumentParser
import CrisisExperiment
import CrisisModel
import CrisisReport
import CrisisScenario
import Foundation

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the shards of a run, compare or sweep into the result an unsharded run writes.",
        discussion: """
            Reads every shard-K-of-N.partial.json in the given folders (or the files given), \
            checks they are the N shards of one experiment (same tool version, scenarios, seed, \
            replications, run length and split; none missing, none twice; each holding exactly \
            its replications), and writes what the unsharded command writes, byte for byte: \
            summary.json, summary.csv and replications.csv for run; comparison.csv and changes.csv \
            for compare; \
            sweep.csv and sweep.svg for sweep.

            Examples:
              crisis-sim run Scenarios/baseline.yaml --shard 1/2 --output results/base
              crisis-sim run Scenarios/baseline.yaml --shard 2/2 --output results/base
              crisis-sim merge results/base
            """
    )

    @Argument(help: "Folders holding shard files, or shard files.") var inputs: [String]

    @Option(help: "Folder for the merged files (default: the first folder given).", transform: outputPathArgument)
    var output: String?

    @Option(help: "Which KPIs to print for run and compare: all, area:<name> or cohort:<name>.")
    var stratum = "all"

    @OptionGroup var kpis: KPIOption

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give the folder(s) holding shard-K-of-N.partial.json files") }
    }

    func run() throws {
        var files: [URL] = []
        var problems: [String] = []
        for input in inputs {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
                problems.append("\(input): no such file or folder")
                continue
            }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
                let shards = names.filter(ShardSpec.isFileName).sorted()
                if shards.isEmpty { problems.append("\(input): no shard-K-of-N.partial.json files") }
                files += shards.map { URL(fileURLWithPath: input).appendingPathComponent($0) }
            } else {
                files.append(URL(fileURLWithPath: input))
            }
        }
        // The same file named twice (a folder and a file in it) is one shard, not a duplicate.
        var seen = Set<String>()
        files = files.filter { seen.insert($0.standardizedFileURL.resolvingSymlinksInPath().path).inserted }
        var partials: [(source: String, partial: PartialResult)] = []
        for file in files {
            do { partials.append((file.path, try PartialResult.read(file))) } catch { problems.append("\(error)") }
        }
        guard problems.isEmpty else { return try fail(problems) }
        let merged: MergedExperiment
        do { merged = try ShardMerge.merge(partials) } catch { return try fail(error.problems) }

        if merged.identity.kind == .plan {
            return try fail(["\(inputs[0]): these shards are the first stage of a plan, which `plan` finishes: run the same "
                + "crisis-sim plan command without --shard, with --output \(Merge.defaultFolder(inputs[0]))"])
        }
        if merged.identity.kind == .compare {
            try StratumChoice.check(stratum, inEach: zip(merged.identity.groups, merged.results).map {
                ($0.label, StratumChoice.strata(of: $1.first?.kpis ?? []))
            })
        } else {
            try StratumChoice.check(stratum, among: StratumChoice.strata(of: merged.results[0].first?.kpis ?? []))
        }
        let folder = URL(fileURLWithPath: output ?? Merge.defaultFolder(inputs[0]))
        try AtomicFile.createFolder(folder)  // a bad --output is said in words, as run says it
        let events = merged.results.joined().reduce(0) { $0 + $1.eventsHandled }
        var output = ExperimentOutput(identity: merged.identity, results: merged.results,
                                      footnote: "merged \(merged.shardCount) shard\(merged.shardCount == 1 ? "" : "s"), "
                                        + "\(NumberFormat.grouped(Double(events))) events")
        output.stratum = stratum
        output.selection = kpis.selection
        output.configurations = Self.configurations(of: merged.identity)
        try output.write(to: folder)
    }

    /// Each group's configuration, for the explanations an unsharded run prints, when every
    /// scenario file is still where the shards ran it and still what they ran (same hash);
    /// none otherwise (a merge on another machine, a file edited since, a --set).
    static func configurations(of identity: ExperimentIdentity) -> [CrisisConfiguration] {
        var configurations: [CrisisConfiguration] = []
        for group in identity.groups {
            guard let loaded = try? ScenarioLoader.load(group.scenario), loaded.hash == group.scenarioHash else { return [] }
            configurations.append(loaded.configuration)
        }
        return configurations
    }

    /// The first input's folder (a file's own folder).
    static func defaultFolder(_ input: String) -> String {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: input, isDirectory: &isFolder)
        return exists && isFolder.boolValue ? input : URL(fileURLWithPath: input).deletingLastPathComponent().path
    }

    private func fail(_ problems: [String]) throws {
        for problem in problems { printError(problem) }
        printError("nothing was merged")
        throw ExitCode(1)
    }
}
