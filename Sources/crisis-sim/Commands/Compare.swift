import ArgumentParser
import CrisisExperiment
import CrisisModel
import CrisisScenario
import Foundation

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare what-if scenarios with a base, with common random numbers.",
        discussion: """
            Every scenario runs the base's replications, seed, horizon and warm-up, so \
            replication r of each sees the same people with the same needs until policy makes \
            them differ. Each KPI is shown per scenario with the paired difference against the \
            base and its 95% interval; * marks differences whose interval excludes zero. \
            Writes comparison.csv with the variance reduction pairing achieved.

            Examples:
              crisis-sim compare Scenarios/baseline.yaml Scenarios/crht-24-7.yaml
              crisis-sim compare Scenarios/baseline.yaml Scenarios/beds-plus-10.yaml \\
                  Scenarios/beds-minus-10.yaml --replications 20
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

    @OptionGroup var kpis: KPIOption

    @Flag(help: "Also write each scenario's result folder (with daily.csv and distributions.csv) and report.html.")
    var report = false

    @Option(help: ShardSpec.help, transform: ShardSpec.argument) var shard: ShardSpec?

    func validate() throws {
        if report, shard != nil { throw ValidationError("--report needs the daily census, which --shard does not keep") }
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
        if let shard { return try runShard(shard) }
        let loaded = try loadScenarios()
        try StratumChoice.check(stratum, inEach: zip([base] + variants, loaded).map {
            (scenarioName($0), StratumChoice.strata(of: $1.configuration))
        })
        let plan = experimentPlan(loaded)
        let identity = plan.identity
        try MemoryEstimate(loaded.map { ($0.configuration, identity.replications) },
                           censusDays: report ? identity.warmupDays + identity.horizonDays : nil)
            .check(option: ("--replications", loaded.count), otherWays: ["compare fewer variants at a time"]
                    + (report ? ["leave out --report (the census grows with the run's length)"] : []))
        let folder = resultsFolder
        try AtomicFile.createFolder(folder)  // a bad --output stops now, not after the runs
        let started = Date()
        let progress = Progress("compare-\(scenarioName(base))", total: identity.itemCount, quiet: runOptions.quiet)
        let results = try plan.run(threads: runOptions.threads, dailySeries: report, progress: { progress.update($0) })
        let seconds = Date().timeIntervalSince(started)
        let events = results.joined().reduce(0) { $0 + $1.eventsHandled }
        var output = ExperimentOutput(identity: identity, results: results,
                                      footnote: "\(NumberFormat.grouped(Double(events))) events in \(NumberFormat.fixed(seconds, 2)) s")
        output.stratum = stratum
        output.selection = kpis.selection
        output.report = report
        output.resolvedScenarios = loaded.map(\.resolvedYAML)
        output.configurations = loaded.map(\.configuration)
        try output.write(to: folder)
    }
}
