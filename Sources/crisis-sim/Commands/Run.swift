import ArgumentParser
import CrisisExperiment
import CrisisModel
import CrisisScenario
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario's replications and report every KPI with a 95% confidence interval.",
        discussion: """
            Writes summary.json, summary.csv and replications.csv to the output folder, with \
            manifest.json naming them: the folder holds every file of this run or of the one \
            before, never some of each. The same scenario, seed and version give the same \
            bytes, whatever the thread count.

            Examples:
              crisis-sim run Scenarios/baseline.yaml
              crisis-sim run Scenarios/baseline.yaml --replications 30 --seed 7 --output results/base
              crisis-sim run Scenarios/baseline.yaml --set areas.Northshire.beds=110 --daily
              crisis-sim run Scenarios/baseline.yaml --replications auto --precision 0.05
            """
    )

    @Argument(help: "Scenario file (YAML).") var scenario: String
    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var runOptions: RunOptions

    @Option(help: "Folder for the result files (default: results/<scenario name>).", transform: outputPathArgument)
    var output: String?

    @Option(help: "Which KPIs to print: all, area:<name> or cohort:<name>.")
    var stratum = "all"

    @Flag(help: "Also write daily.csv: the midnight census of every replication, warm-up included.")
    var daily = false

    @Flag(help: "Also write report.html, the HTML report (implies --daily, and writes distributions.csv).")
    var report = false

    @Option(help: ShardSpec.help, transform: ShardSpec.argument) var shard: ShardSpec?

    @Option(parsing: .unconditional, help: "With --replications auto: the 95% half-width wanted, relative to the mean (0.05: ±5%).")
    var precision: Double?

    @Option(name: .customLong("precision-kpi"),
            help: ArgumentHelp("With --replications auto: a KPI (whole system) that must reach the precision "
                               + "(repeatable; default: beds.occupancy, admissions.total, oap.placements)."))
    var precisionKPIs: [String] = []

    @Option(name: .customLong("max-replications"), parsing: .unconditional,
            help: "With --replications auto: stop here even if imprecise.",
            transform: RunSettingLimit.replications.integerArgument)
    var maxReplications = 500

    func validate() throws {
        let auto = runOptions.replications?.isAuto == true
        if auto, shard != nil { throw ValidationError("--replications auto cannot be sharded: give a number") }
        if auto, precision == nil { throw ValidationError("--replications auto needs --precision, e.g. --precision 0.05") }
        if !auto, precision != nil || !precisionKPIs.isEmpty {
            throw ValidationError("--precision and --precision-kpi go with --replications auto")
        }
        if let precision, !(precision > 0 && precision < 1) { throw ValidationError("--precision must be in (0, 1)") }
        guard maxReplications >= 10 else {
            throw ValidationError("--max-replications must be \(RunSettingLimit.replications.expectation(atLeast: 10))")
        }
        let known = Set(CrisisSystem.kpiDefinitions.map(\.id))
        for id in precisionKPIs where !known.contains(id) {
            throw ValidationError("--precision-kpi \(id): no such KPI (see docs/MODEL.md)")
        }
    }

    func run() throws {
        if report, shard != nil { throw ValidationError("--report needs the daily census, which --shard does not keep") }
        if let shard { return try runShard(shard) }
        let loaded = try loadScenario(scenario, overrides: scenarioOptions.overrides)
        try StratumChoice.check(stratum, among: StratumChoice.strata(of: loaded.configuration))
        var settings = runOptions.settings(for: loaded)
        printWarnings(of: [loaded], for: settings)
        warnIfOverloaded(loaded, name: scenarioName(scenario))
        let name = scenarioName(scenario)
        let daily = daily || report  // the report draws the census
        let auto = runOptions.replications?.isAuto == true
        try MemoryEstimate([(loaded.configuration, auto ? maxReplications : settings.replications)],
                           censusDays: daily ? settings.warmupDays + settings.horizonDays : nil)
            .check(option: (auto ? "--max-replications" : "--replications", 1),
                   otherWays: daily ? ["leave out --daily and --report (the census grows with the run's length)"] : [])
        let folder = resultsFolder
        try AtomicFile.createFolder(folder)  // a bad --output stops now, not after the run
        let runner = ReplicationRunner(configuration: loaded.configuration,
                                       length: RunLength(warmupDays: settings.warmupDays, horizonDays: settings.horizonDays),
                                       seed: settings.seed, generator: settings.generator, dailySeries: daily)
        let started = Date()
        let results: [ReplicationResult]
        var precisionNote: String?
        if let precision, auto {
            let search = AdaptiveReplications(runner: runner,
                                              targets: precisionKPIs.isEmpty ? AdaptiveReplications.defaultTargets : precisionKPIs,
                                              precision: precision, maximum: maxReplications)
            let progress = Progress(name, total: maxReplications, quiet: runOptions.quiet)
            let outcome = try search.run(threads: runOptions.threads, progress: { progress.update($0) })
            results = outcome.results
            settings.replications = results.count
            let widest = "\(outcome.widest.id) ±\(NumberFormat.fixed(100 * outcome.widest.relativeHalfWidth, 1))%"
            precisionNote = outcome.reachedPrecision
                ? "Precision ±\(NumberFormat.fixed(100 * precision, 1))% reached with \(results.count) replications (widest: \(widest))"
                : "WARNING: precision ±\(NumberFormat.fixed(100 * precision, 1))% not reached after \(results.count) replications (widest: \(widest)); raise --max-replications"
        } else {
            let progress = Progress(name, total: settings.replications, quiet: runOptions.quiet)
            results = try runner.run(Array(0..<settings.replications), threads: runOptions.threads,
                                     progress: { progress.update($0) })
        }
        let seconds = Date().timeIntervalSince(started)
        let summary = Summary(results)
        let provenance = RunProvenance(scenario: scenario, scenarioHash: loaded.hash, seed: settings.seed,
                                       replications: settings.replications, warmupDays: settings.warmupDays,
                                       horizonDays: settings.horizonDays, generator: settings.generator.rawValue)
        try ResultFiles.write(summary: summary, results: results, provenance: provenance, to: folder,
                              daily: daily, distributions: report)

        print("\(name): \(loaded.summary.isEmpty ? scenario : loaded.summary)")
        print("\(settings.replications) replications of \(NumberFormat.readable(settings.horizonDays)) days after a "
            + "\(NumberFormat.readable(settings.warmupDays))-day warm-up; seed \(settings.seed); scenario \(loaded.hash)")
        print("")
        print(KPITable.render(summary, stratum: stratum))
        print("")
        if let precisionNote { print(precisionNote) }
        let events = results.reduce(0) { $0 + $1.eventsHandled }
        print("Wrote \(folder.path)/summary.json, summary.csv, replications.csv\(daily ? ", daily.csv" : "") "
            + "(\(NumberFormat.grouped(Double(events))) events in \(NumberFormat.fixed(seconds, 2)) s)")
        if report { try Report.write(folder: folder) }
    }
}
