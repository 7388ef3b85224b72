import ArgumentParser
import CrisisExperiment
import CrisisModel
import CrisisScenario
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario's replications and report every KPI with a 95% confidence interval.",
        discussion: """
            Writes summary.json, summary.csv and replications.csv to the output folder, with \
            manifest.json naming them: the folder holds every file of this run or of the one \
            before, never some of each. The same scenario, seed and version give the same \
            bytes, whatever the thread count.

            Examples:
              crisis-sim run Scenarios/baseline.yaml
              crisis-sim run Scenarios/baseline.yaml --replications 30 --seed 7 \\
                  --output results/base
              crisis-sim run Scenarios/baseline.yaml --set areas.Northshire.beds=110 \\
                  --daily
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

    @OptionGroup var kpis: KPIOption

    @Flag(help: "Also write daily.csv: the midnight census of every replication, warm-up included.")
    var daily = false

    @Flag(help: "Also write report.html, the HTML report (implies --daily, and writes distributions.csv).")
    var report = false

    @Flag(help: "Also write replications-wide.csv: a row per replication and a column per KPI, for spreadsheets.")
    var wide = false

    @Flag(help: ArgumentHelp("Also write patients.csv: one row per episode of care in every replication (presentation, "
                             + "admission and discharge date-times, legal status, placement), in the layout docs/DATA.md "
                             + "specifies for a trust's own extract."))
    var patients = false

    @Flag(help: ArgumentHelp("Also write events.csv: every step of every person's pathway after the warm-up (time, "
                             + "person, step, resource), the long event log process-animation tools replay (docs/DATA.md)."))
    var eventLog = false

    @Option(help: ShardSpec.help, transform: ShardSpec.argument) var shard: ShardSpec?

    @Option(parsing: .unconditional, help: "With --replications auto: the 95% half-width wanted, relative to the mean (0.05: ±5%).",
            transform: NumberArgument.number)
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
        if report, shard != nil { throw ValidationError("--report needs the daily census, which --shard does not keep") }
        let auto = runOptions.replications?.isAuto == true
        if auto, shard != nil { throw ValidationError("--replications auto cannot be sharded: give a number") }
        if daily, shard != nil {
            throw ValidationError("--daily cannot be combined with --shard: run the replications you want daily series of unsharded")
        }
        if wide, shard != nil { throw ValidationError("--wide goes with the merged result: give it to an unsharded run") }
        if patients, shard != nil {
            throw ValidationError("--patients cannot be combined with --shard: run the replications you want an extract of unsharded")
        }
        if eventLog, shard != nil {
            throw ValidationError("--event-log cannot be combined with --shard: run the replications you want a log of unsharded")
        }
        if auto, precision == nil { throw ValidationError("--replications auto needs --precision, e.g. --precision 0.05") }
        if !auto, precision != nil || !precisionKPIs.isEmpty {
            throw ValidationError("--precision and --precision-kpi go with --replications auto")
        }
        if let precision, !(precision > 0 && precision < 1) { throw ValidationError("--precision must be in (0, 1)") }
        guard maxReplications >= 10 else {
            throw ValidationError("--max-replications must be \(RunSettingLimit.replications.expectation(atLeast: 10))")
        }
        if let problem = precisionKPIs.lazy.compactMap({ KPIIdentifier.problem($0, option: "--precision-kpi") }).first {
            throw ValidationError(problem)
        }
    }

    func run() throws {
        if let shard { return try runShard(shard) }
        let loaded = try loadScenario(scenario, overrides: scenarioOptions.overrides)
        try StratumChoice.check(stratum, among: StratumChoice.strata(of: loaded.configuration))
        var plan = experimentPlan(loaded)
        warnIfOverloaded(loaded, name: scenarioName(scenario))
        let name = scenarioName(scenario)
        let daily = daily || report  // the report draws the census
        let auto = runOptions.replications?.isAuto == true
        let identity = plan.identity
        try MemoryEstimate([(loaded.configuration, auto ? maxReplications : identity.replications)],
                           censusDays: daily ? identity.warmupDays + identity.horizonDays : nil)
            .check(option: (auto ? "--max-replications" : "--replications", 1),
                   otherWays: daily ? ["leave out --daily and --report (the census grows with the run's length)"] : [])
        let folder = resultsFolder
        try AtomicFile.createFolder(folder)  // a bad --output stops now, not after the run
        let logs = ReplicationLogs(
            patients: patients ? try PatientExtract(configuration: loaded.configuration, folder: folder) : nil,
            events: eventLog ? try EventLogFile(configuration: loaded.configuration, folder: folder) : nil)
        defer { logs.discard() }  // the parts, once their files are in the set or the run failed
        let started = Date()
        let results: [ReplicationResult]
        var notes: [String] = []
        if let precision, auto {
            let runner = ReplicationRunner(configuration: loaded.configuration, length: plan.length, seed: identity.seed,
                                           generator: identity.generator, dailySeries: daily, logs: logs)
            let search = AdaptiveReplications(runner: runner,
                                              targets: precisionKPIs.isEmpty ? AdaptiveReplications.defaultTargets : precisionKPIs,
                                              precision: precision, maximum: maxReplications)
            let progress = Progress(name, total: maxReplications, quiet: runOptions.quiet)
            let outcome = try search.run(threads: runOptions.threads, progress: { progress.update($0) })
            results = outcome.results
            var found = identity
            found.replications = results.count
            plan = ExperimentPlan(identity: found, configurations: plan.configurations)
            let targets = precisionKPIs.isEmpty ? AdaptiveReplications.defaultTargets : precisionKPIs
            let widest = "\(outcome.widest.id) ±\(NumberFormat.fixed(100 * outcome.widest.relativeHalfWidth, 1))%"
            let wanted = "±\(NumberFormat.fixed(100 * precision, 1))%"
            // Name what was aimed at: other KPIs in the table may still be wider.
            let aimedAt = "for " + targets.joined(separator: ", ")
            notes.append(outcome.reachedPrecision
                ? "Precision \(wanted) reached \(aimedAt) with \(results.count) replications (widest of them: \(widest)); "
                    + "other KPIs have their own ±% in the table"
                : "WARNING: precision \(wanted) not reached \(aimedAt) after \(results.count) replications (widest: \(widest)); "
                    + "raise --max-replications")
        } else {
            let progress = Progress(name, total: identity.replications, quiet: runOptions.quiet)
            results = try plan.run(threads: runOptions.threads, dailySeries: daily, logs: logs,
                                   progress: { progress.update($0) })[0]
        }
        let seconds = Date().timeIntervalSince(started)
        let events = results.reduce(0) { $0 + $1.eventsHandled }
        var output = ExperimentOutput(identity: plan.identity, results: [results],
                                      footnote: "\(NumberFormat.grouped(Double(events))) events in \(NumberFormat.fixed(seconds, 2)) s")
        output.stratum = stratum
        output.selection = kpis.selection
        output.daily = daily
        output.report = report
        output.wide = wide
        output.logs = logs
        output.notes = notes
        output.resolvedScenarios = [loaded.resolvedYAML]
        output.configurations = [loaded.configuration]
        try output.write(to: folder)
    }
}
