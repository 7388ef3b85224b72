import ArgumentParser
import CrisisExperiment
import CrisisModel
import CrisisScenario
import Foundation

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare what-if scenarios with a base, with common random numbers.",
        discussion: """
            Every scenario runs the base's replications, seed, horizon and warm-up, so \
            replication r of each sees the same people with the same needs until policy makes \
            them differ. Each KPI is shown per scenario with the paired difference against the \
            base and its 95% interval; * marks differences whose interval excludes zero. \
            Writes comparison.csv with the variance reduction pairing achieved.

            Examples:
              crisis-sim compare Scenarios/baseline.yaml Scenarios/crht-24-7.yaml
              crisis-sim compare Scenarios/baseline.yaml Scenarios/beds-plus-10.yaml Scenarios/beds-minus-10.yaml --replications 20
            """
    )

    @Argument(help: "The base scenario.") var base: String
    @Argument(help: "One or more variant scenarios.") var variants: [String]
    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var runOptions: RunOptions

    @Option(help: "Folder for comparison.csv (default: results/compare-<base>).", transform: outputPathArgument)
    var output: String?

    @Option(help: "Which KPIs to print: all, area:<name> or cohort:<name>.")
    var stratum = "all"

    @Flag(help: "Also write each scenario's result folder (with daily.csv and distributions.csv) and report.html.")
    var report = false

    @Option(help: ShardSpec.help, transform: ShardSpec.argument) var shard: ShardSpec?

    func validate() throws {
        if runOptions.replications?.isAuto == true { throw ValidationError("--replications auto is for run only: give a number") }
        guard !variants.isEmpty else { throw ValidationError("give at least one variant scenario after the base") }
        if let problem = Compare.repetition(in: [base] + variants) { throw ValidationError(problem) }
    }

    /// Why `paths` (base first) cannot be compared as given: a file named twice, by the same
    /// path or another one to it, would run twice and repeat its rows; two files with one
    /// name would share the rows, table columns and --report folder that the name keys.
    /// Nil when each is a different file with a name of its own.
    static func repetition(in paths: [String]) -> String? {
        func role(_ index: Int) -> String { index == 0 ? "the base" : "variant \(index)" }
        var seen: [(path: String, file: String, name: String)] = []
        for (index, path) in paths.enumerated() {
            // The file itself, whatever path leads to it; a missing one is the loader's to report.
            let file = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            let name = scenarioName(path)
            if let first = seen.firstIndex(where: { $0.file == file }) {
                let same = seen[first].path == path ? "\(path) is given twice" : "\(seen[first].path) and \(path) are the same file"
                return "\(same) (\(role(first)) and \(role(index))): give each scenario once"
            }
            if let first = seen.firstIndex(where: { $0.name == name }) {
                return "\(seen[first].path) (\(role(first))) and \(path) (\(role(index))) are both named '\(name)': the tables, "
                    + "comparison.csv and --report's folders name each scenario by its file name; copy or rename one of them"
            }
            seen.append((path, file, name))
        }
        return nil
    }

    func run() throws {
        if report, shard != nil { throw ValidationError("--report needs the daily census, which --shard does not keep") }
        if let shard { return try runShard(shard) }
        // Load everything first, so a problem in any file stops before anything runs.
        var loaded: [LoadedScenario] = []
        var failed = false
        for path in [base] + variants {
            do { loaded.append(try loadScenario(path, overrides: scenarioOptions.overrides)) } catch { failed = true }
        }
        if failed { throw ExitCode(1) }
        try StratumChoice.check(stratum, inEach: zip([base] + variants, loaded).map {
            (scenarioName($0), StratumChoice.strata(of: $1.configuration))
        })
        let settings = runOptions.settings(for: loaded[0])
        // Every scenario runs the base's run settings, whatever its own file says.
        printWarnings(of: loaded, for: settings)
        try MemoryEstimate(loaded.map { ($0.configuration, settings.replications) },
                           censusDays: report ? settings.warmupDays + settings.horizonDays : nil)
            .check(option: ("--replications", loaded.count), otherWays: ["compare fewer variants at a time"]
                    + (report ? ["leave out --report (the census grows with the run's length)"] : []))
        let folder = resultsFolder
        try AtomicFile.createFolder(folder)  // a bad --output stops now, not after the runs
        let length = RunLength(warmupDays: settings.warmupDays, horizonDays: settings.horizonDays)
        var results: [[ReplicationResult]] = []
        for (path, scenario) in zip([base] + variants, loaded) {
            let runner = ReplicationRunner(configuration: scenario.configuration, length: length, seed: settings.seed,
                                           generator: settings.generator, dailySeries: report)
            let progress = Progress(scenarioName(path), total: settings.replications, quiet: runOptions.quiet)
            results.append(try runner.run(Array(0..<settings.replications), threads: runOptions.threads,
                                          progress: { progress.update($0) }))
        }
        print("Base: \(scenarioName(base)); \(settings.replications) replications of "
            + "\(NumberFormat.readable(settings.horizonDays)) days after a \(NumberFormat.readable(settings.warmupDays))-day "
            + "warm-up; seed \(settings.seed); common random numbers")
        var compared: [(name: String, comparison: [PairedDifference])] = []
        for (index, path) in variants.enumerated() {
            let comparison = Comparison.paired(base: results[0], variant: results[index + 1])
            print("")
            print("\(scenarioName(path)): \(loaded[index + 1].summary)")
            print(KPITable.render(comparison: comparison, baseName: scenarioName(base), variantName: scenarioName(path),
                                  stratum: stratum))
            let reductions = comparison.filter { $0.stratum == "all" }.map(\.varianceReduction).filter(\.isFinite).sorted()
            if !reductions.isEmpty {
                print("Common random numbers: the paired differences' variance is "
                    + "\(NumberFormat.readable(reductions[reductions.count / 2]))x smaller than two independent runs' "
                    + "(median over KPIs; each KPI's in comparison.csv)")
            }
            compared.append((scenarioName(path), comparison))
        }
        let runs = zip([base] + variants, loaded).map { path, scenario in
            RunProvenance(scenario: path, scenarioHash: scenario.hash, seed: settings.seed, replications: settings.replications,
                          warmupDays: settings.warmupDays, horizonDays: settings.horizonDays,
                          generator: settings.generator.rawValue)
        }
        // The scenario folders first: comparison.csv's manifest, written last, vouches for them.
        let parts = report ? try Report.writeScenarioFolders(in: folder, runs: runs, results: results) : []
        try ComparisonFiles.write(compared, provenance: RunProvenance(combining: runs), to: folder, parts: parts)
        print("")
        print("Wrote \(folder.path)/comparison.csv")
        if report { try Report.write(folder: folder) }
    }
}
