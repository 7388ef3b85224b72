import ArgumentParser
import CrisisExperiment
import CrisisModel
import CrisisReport
import CrisisScenario
import Foundation

struct Warmup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warmup",
        abstract: "Recommend a warm-up: Welch's moving average and MSER-5 of the daily bed census.",
        discussion: """
            Runs replications from an empty system with no warm-up, takes the midnight bed \
            census, and writes warmup.csv (day, mean, 95% interval, Welch average) and \
            warmup.html (the chart, with the recommendation shaded). MSER-5 needs a run much \
            longer than the transient: the default 20 replications of 1,500 days.

            Example:
              crisis-sim warmup Scenarios/baseline.yaml
            """
    )

    @Argument(help: "Scenario file (YAML).") var scenario: String
    @OptionGroup var scenarioOptions: ScenarioOptions

    // Numbers parse unconditionally so that `-1` is refused with the option's limit, and in decimal
    // as a scenario file writes them (NumberArgument).
    @Option(parsing: .unconditional, help: "Replications started empty.",
            transform: RunSettingLimit.replications.integerArgument)
    var replications = 20
    // Optional, so that a message can tell what was given from a default (see `windowProblem`).
    @Option(name: .customLong("horizon-days"), parsing: .unconditional, help: "Days simulated in each (default: 1500).",
            transform: RunSettingLimit.horizonDays.numberArgument)
    var givenHorizonDays: Double?
    @Option(name: .customLong("window"), parsing: .unconditional,
            help: "Welch moving-average window, days each side (default: 15; under a quarter of the horizon).",
            transform: NumberArgument.integer)
    var givenWindow: Int?
    @Option(parsing: .unconditional, help: "Master seed (default: the scenario's run.seed).",
            transform: RunSettingLimit.seed.seedArgument)
    var seed: UInt64?
    @Option(parsing: .unconditional, help: "Threads running replications (default: every core).",
            transform: NumberArgument.integer)
    var threads = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Folder for warmup.csv and warmup.html (default: results/warmup-<scenario name>).", transform: outputPathArgument)
    var output: String?
    @Flag(help: "No progress on standard error.") var quiet = false

    static let defaultHorizonDays = 1_500.0
    static let defaultWindow = 15

    var horizonDays: Double { givenHorizonDays ?? Warmup.defaultHorizonDays }
    var window: Int { givenWindow ?? Warmup.defaultWindow }

    /// The widest Welch window a horizon allows: under a quarter of it, so the moving average
    /// still has most of the run to smooth.
    static func widestWindow(horizonDays: Double) -> Int { Int((horizonDays / 4).rounded(.up)) - 1 }

    /// Why the window does not fit the horizon, said in terms of what was given: a default
    /// window that a short --horizon-days rules out is the horizon's problem to explain, not
    /// an option the user never typed.
    var windowProblem: String? {
        let widest = Warmup.widestWindow(horizonDays: horizonDays)
        guard window < 1 || window > widest else { return nil }
        let horizon = horizonDays.rounded() == horizonDays ? String(Int(horizonDays)) : String(horizonDays)
        guard let givenWindow else {
            return "--horizon-days \(horizon) is too short for the default --window (\(window) days each side of Welch's "
                + "moving average), which must be under a quarter of the horizon: give --horizon-days above \(4 * window), "
                + "or --window \(widest) or less"
        }
        let of = givenHorizonDays == nil ? "the default --horizon-days \(horizon)" : "--horizon-days \(horizon)"
        return "--window \(givenWindow) must be in [1, \(widest)]: the days each side of Welch's moving average must be "
            + "under a quarter of \(of)"
    }

    func validate() throws {
        guard replications >= 2 else {
            throw ValidationError("--replications must be \(RunSettingLimit.replications.expectation(atLeast: 2)) (a confidence interval needs two)")
        }
        // MSER-5 needs a run much longer than the transient; the upper limit is the file's.
        guard horizonDays >= 50 else {
            throw ValidationError("--horizon-days must be \(RunSettingLimit.horizonDays.expectation(atLeast: 50)) "
                + "(MSER-5 needs a run much longer than the transient)")
        }
        if let windowProblem { throw ValidationError(windowProblem) }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let loaded = try loadScenario(scenario, overrides: scenarioOptions.overrides)
        // The run this command makes: from an empty start, no warm-up, --horizon-days long.
        let settings = RunSettings(replications: replications, seed: seed ?? loaded.run.seed, horizonDays: horizonDays,
                                   warmupDays: 0, generator: loaded.run.generator)
        printWarnings(of: [loaded], for: settings)
        let name = scenarioName(scenario)
        try MemoryEstimate([(loaded.configuration, replications)], censusDays: horizonDays)
            .check(option: ("--replications", 1), otherWays: ["use a shorter --horizon-days"])
        let folder = URL(fileURLWithPath: output ?? "results/warmup-\(name)")
        try AtomicFile.createFolder(folder)  // a bad --output stops now, not after the run
        let runner = ReplicationRunner(configuration: loaded.configuration,
                                       length: RunLength(warmupDays: settings.warmupDays, horizonDays: settings.horizonDays),
                                       seed: settings.seed, generator: settings.generator, dailySeries: true)
        let progress = Progress(name, total: replications, quiet: quiet)
        let results = try runner.run(Array(0..<replications), threads: threads, progress: { progress.update($0) })
        let census = results.map { $0.daily?.bedsOccupied ?? [] }
        let means = WarmupAnalysis.meanAcrossReplications(census)
        let welch = WarmupAnalysis.welch(means, window: window)
        let cut = WarmupAnalysis.mser5(means)
        let days = means.indices.map { d in
            let summary = KPISummary(id: "beds_occupied", stratum: "all", unit: "beds", values: census.map { $0[d] })
            return DayEstimate(day: d + 1, mean: summary.mean, lower: summary.lower, upper: summary.upper)
        }
        var csv = [WarmupCSV.header]
        for (d, day) in days.enumerated() {
            // In `WarmupCSV.Column` order.
            csv.append("\(day.day),\(NumberFormat.cell(day.mean)),\(NumberFormat.cell(day.lower)),\(NumberFormat.cell(day.upper)),"
                + (d < welch.count ? NumberFormat.cell(welch[d]) : ""))
        }
        let page = WarmupPage.html(.init(scenario: name, scenarioHash: loaded.hash, replications: replications, census: days,
                                         welch: welch, window: window, recommendedDays: cut))
        // One set, so the table and the page always come from the same run.
        let provenance = RunProvenance(scenario: scenario, scenarioHash: loaded.hash, seed: seed ?? loaded.run.seed,
                                       replications: replications, warmupDays: 0, horizonDays: horizonDays,
                                       generator: loaded.run.generator.rawValue)
        try ResultFolder(folder).replace(with: [ResultFile(WarmupCSV.fileName) { csv.joined(separator: "\n") + "\n" },
                                                ResultFile(WarmupCSV.pageFileName) { page }], provenance: provenance)
        let settled = means.count > cut ? means[cut...].reduce(0, +) / Double(means.count - cut) : .nan
        print("\(name): \(replications) replications of \(NumberFormat.days(horizonDays)) days from an empty start")
        print("Recommended warm-up (MSER-5): \(cut) days; mean beds occupied after it: \(NumberFormat.fixed(settled, 1))")
        print("The scenario says run.warmup_days = \(NumberFormat.readable(loaded.run.warmupDays))"
            + (loaded.run.warmupDays < Double(cut) ? ": SHORTER than recommended; raise it" : ": enough"))
        print("Wrote \(folder.path)/\(WarmupCSV.fileName), \(WarmupCSV.pageFileName)")
    }
}
