import ArgumentParser
import CrisisExperiment
import CrisisModel
import CrisisReport
import CrisisScenario
import Foundation

struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario over a grid of parameter values and chart KPIs against them.",
        discussion: """
            Each --vary KEY=LOW...HIGH:STEP varies one key path (any key --set accepts) from LOW \
            to HIGH in steps of STEP; with several, every combination is run, the last varying \
            fastest. Every point runs the same replications with the same seed, so replication r \
            sees the same people at every point (common random numbers) and differences between \
            points are policy, not noise.

            Writes sweep.csv (a row per point, KPI and stratum: the varied values, mean, sd and \
            95% interval) and sweep.svg (each --kpi against the first varied key, with 95% \
            whiskers; one line per value of the other keys), and prints a table per --kpi.

            Examples:
              crisis-sim sweep Scenarios/baseline.yaml \\
                  --vary areas.Northshire.beds=80...120:5
              crisis-sim sweep Scenarios/crht-24-7.yaml --vary crht.assessors=1...4:1 \\
                  --kpi crht.response_within_4h
              crisis-sim sweep Scenarios/baseline.yaml \\
                  --vary areas.Northshire.beds=90...110:10 --vary crht.assessors=2...4:1
            """
    )

    static let defaultKPIs = ["beds.occupancy", "oap.share_of_admissions", "time_to_bed.mean"]

    @Argument(help: "Scenario file (YAML).") var scenario: String

    @Option(name: .customLong("vary"), parsing: .singleValue,
            help: ArgumentHelp("A key path and the values it takes, e.g. areas.Northshire.beds=80...120:5 (repeatable).",
                               valueName: "key.path=LOW...HIGH:STEP"))
    var vary: [String] = []

    @Option(name: .customLong("kpi"), parsing: .singleValue,
            help: ArgumentHelp("A KPI to tabulate and chart (repeatable; default: \(Sweep.defaultKPIs.joined(separator: ", "))).",
                               valueName: "id"))
    var kpis: [String] = []

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var runOptions: RunOptions

    @Option(help: "Folder for sweep.csv and sweep.svg (default: results/sweep-<scenario name>).", transform: outputPathArgument)
    var output: String?

    @Option(help: "Which stratum to tabulate and chart: all, area:<name> or cohort:<name>.")
    var stratum = "all"

    @Option(help: ShardSpec.help, transform: ShardSpec.argument)
    var shard: ShardSpec?

    @Flag(help: "Keep checkpoints in OUTPUT/checkpoints and skip those already complete, so an interrupted sweep continues where it stopped, with the same result.")
    var resume = false

    func validate() throws {
        if resume, shard != nil { throw ValidationError("--resume and --shard do not mix: shards already skip completed work") }
        if runOptions.replications?.isAuto == true { throw ValidationError("--replications auto is for run only: give a number") }
        var problems: [String] = []
        do { _ = try SweepGrid.parse(vary) } catch { problems += error.problems }
        problems += chartKPIs.compactMap { KPIIdentifier.problem($0, option: "--kpi") }
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
    }

    /// Why the KPIs cannot be charted for a cohort stratum: some are measured per area only.
    /// Checked once the stratum is known to exist, so a misspelt cohort is called that, and
    /// said of the option given (the default KPIs when no --kpi was).
    var cohortProblem: String? {
        guard stratum.hasPrefix("cohort:") else { return nil }
        let definitions = chartKPIs.compactMap { kpi in CrisisSystem.kpiDefinitions.first { $0.id == kpi } }
        let perArea = definitions.filter { !$0.byCohort }.map(\.id)
        guard !perArea.isEmpty else { return nil }
        if kpis.isEmpty {
            let perCohort = definitions.filter(\.byCohort).map(\.id)
            return "--stratum \(stratum): the default KPIs include \(perArea.joined(separator: ", ")), measured per area, not "
                + "per cohort: give --kpi with KPIs measured per cohort (of the defaults: \(perCohort.joined(separator: ", "))), "
                + "or choose --stratum all or area:<name>"
        }
        return perArea.map { "--kpi \($0) is measured per area, not per cohort: choose --stratum all or area:<name>" }
            .joined(separator: "\n")
    }

    /// A --set of a key that a --vary varies: each point applies its --vary after the --set,
    /// so the --set would be replaced at every point, silently. Keys are compared as the
    /// scenario names them (`areas.0.beds` is `areas.Northshire.beds`), hence after loading.
    func setsReplacedByVary(_ base: LoadedScenario, grid: SweepGrid) -> [String] {
        var problems: [String] = []
        for set in scenarioOptions.overrides {
            let key = ScenarioChanges.keyPath(String(set.prefix { $0 != "=" }), in: base)
            // SweepGrid.parse keeps the axes in the order of the --vary options, one each.
            for (argument, axis) in zip(vary, grid.axes) where ScenarioChanges.keyPath(axis.key, in: base) == key {
                problems.append("--set \(set) and --vary \(argument) both set \(key): the --vary value would replace the "
                    + "--set at every point; leave out one of them")
            }
        }
        return problems
    }

    var chartKPIs: [String] { kpis.isEmpty ? Sweep.defaultKPIs : kpis }

    var resultsFolder: URL { URL(fileURLWithPath: output ?? "results/sweep-\(scenarioName(scenario))") }

    /// Every point, loaded and validated before anything runs.
    func experimentPlan() throws -> ExperimentPlan {
        let grid = try SweepGrid.parse(vary)
        let base = try loadScenario(scenario, overrides: scenarioOptions.overrides)
        let conflicts = setsReplacedByVary(base, grid: grid)
        if !conflicts.isEmpty { throw ValidationError(conflicts.joined(separator: "\n")) }
        try StratumChoice.check(stratum, among: StratumChoice.strata(of: base.configuration))
        if let cohortProblem { throw ValidationError(cohortProblem) }
        let settings = runOptions.settings(for: base)
        var points: [LoadedScenario] = []
        var warnings: [ScenarioProblem] = []
        var failures = 0
        for point in grid.points {
            let assignments = grid.assignments(at: point)
            do {
                let loaded = try ScenarioLoader.load(scenario, overrides: scenarioOptions.overrides + assignments)
                points.append(loaded)
                // Each point is what runs, with the command line's run settings.
                warnings += loaded.warnings(for: settings)
            } catch {
                failures += 1
                // The same bad key fails at every point: show the first point's problems only.
                if failures == 1 {
                    printError(error.description(loading: scenario))
                    printError("at sweep point \(assignments.joined(separator: ", "))")
                }
            }
        }
        if failures > 0 {
            printError("\(scenario): \(failures) of \(grid.points.count) sweep points have problems; nothing was run")
            throw ExitCode(1)
        }
        printWarnings(warnings)
        return .sweep(scenario, base: base, grid: grid, points: points, kpis: chartKPIs, stratum: stratum, settings: settings)
    }

    func run() throws {
        let plan = try experimentPlan()
        let name = scenarioName(scenario)
        if shard == nil {  // a shard checks its own share
            try MemoryEstimate(plan.configurations.map { ($0, plan.identity.replications) }, censusDays: nil)
                .check(option: ("--replications", plan.configurations.count), otherWays: ["vary over fewer points"])
        }
        if let shard {
            try ShardWork.run(plan, shard: shard, name: "sweep-\(name)", folder: resultsFolder,
                              threads: runOptions.threads, quiet: runOptions.quiet)
            return
        }
        if resume {
            // Checkpoints of about ten replications each, as shards in a folder of their own:
            // an interrupted sweep run again with --resume skips every complete one, and the
            // merge gives the same bytes as an uninterrupted sweep.
            let checkpoints = resultsFolder.appendingPathComponent("checkpoints")
            let count = min(1_000, max(1, plan.identity.itemCount / 10))
            let done = (try? FileManager.default.contentsOfDirectory(atPath: checkpoints.path))?.filter(ShardSpec.isFileName).count ?? 0
            if done > 0 { print("Resuming: \(done) of \(count) checkpoints already in \(checkpoints.path)") }
            for index in 1...count {
                try ShardWork.run(plan, shard: try ShardSpec.parse("\(index)/\(count)").get(), name: "sweep-\(name)",
                                  folder: checkpoints, threads: runOptions.threads, quiet: true, announce: false)
            }
            let merge = try Merge.parse([checkpoints.path, "--output", resultsFolder.path, "--stratum", stratum])
            try merge.run()
            return
        }
        let identity = plan.identity
        try AtomicFile.createFolder(resultsFolder)  // a bad --output stops now, not after the sweep
        let progress = Progress("sweep-\(name)", total: identity.itemCount, quiet: runOptions.quiet)
        let started = Date()
        let results = try plan.run(threads: runOptions.threads, progress: { progress.update($0) })
        let seconds = Date().timeIntervalSince(started)
        let events = results.joined().reduce(0) { $0 + $1.eventsHandled }
        try ExperimentOutput(identity: identity, results: results,
                             footnote: "\(NumberFormat.grouped(Double(events))) events in \(NumberFormat.fixed(seconds, 2)) s")
            .write(to: resultsFolder)
    }

    /// The terminal report of a sweep, from a run or a merge.
    static func report(_ sweep: SweepResult, folder: URL, footnote: String) {
        let identity = sweep.identity
        print("\(sweep.title): \(identity.groups.count) points x \(identity.replications) replications of "
            + "\(NumberFormat.days(identity.horizonDays)) days after a \(NumberFormat.days(identity.warmupDays))-day "
            + "warm-up; seed \(identity.seed); common random numbers; scenario \(sweep.settings.baseScenarioHash)")
        print("")
        print(sweep.table())
        print("")
        print("Wrote \(folder.path)/\(SweepCSV.fileName), \(SweepCSV.chartFileName) (\(footnote))")
    }
}
