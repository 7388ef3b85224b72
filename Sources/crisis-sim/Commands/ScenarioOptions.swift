import ArgumentParser
import CrisisExperiment
import CrisisModel
import CrisisScenario
import Foundation

/// Options every command that reads a scenario shares.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .customLong("set"), parsing: .singleValue,
            help: ArgumentHelp("Override a key after loading, e.g. --set crht.hours.hours_per_day=24 (repeatable).",
                               valueName: "key.path=value"))
    var overrides: [String] = []
}

/// Options of commands that run replications. Those with a twin in the scenario's `run`
/// section allow what the file allows (see `RunSettingLimit`); every number is parsed
/// unconditionally so that `-1` is refused with its limit, not taken for an option.
struct RunOptions: ParsableArguments {
    @Option(parsing: .unconditional,
            help: ArgumentHelp("Independent replications (default: the scenario's run.replications); `auto` "
                               + "(run only) adds batches until --precision is reached.", valueName: "n|auto"),
            transform: ReplicationCount.argument)
    var replications: ReplicationCount?

    @OptionGroup var run: RunSettingOptions

    var seed: UInt64? { run.seed }
    var horizonDays: Double? { run.horizonDays }
    var warmupDays: Double? { run.warmupDays }
    var threads: Int { run.threads }
    var quiet: Bool { run.quiet }

    /// The scenario's run settings with these options applied.
    func settings(for scenario: LoadedScenario) -> RunSettings {
        var settings = run.settings(for: scenario)
        if case .fixed(let count)? = replications { settings.replications = count }
        return settings
    }
}

/// The run options besides the number of replications: `plan`, which decides each point's
/// replications itself, takes these alone, so its help offers nothing it would refuse.
struct RunSettingOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Master seed (default: the scenario's run.seed).",
            transform: RunSettingLimit.seed.seedArgument)
    var seed: UInt64?

    @Option(name: .customLong("horizon-days"), parsing: .unconditional,
            help: "Days measured after the warm-up (default: run.horizon_days).",
            transform: RunSettingLimit.horizonDays.numberArgument)
    var horizonDays: Double?

    @Option(name: .customLong("warmup-days"), parsing: .unconditional,
            help: "Days simulated and discarded first (default: run.warmup_days).",
            transform: RunSettingLimit.warmupDays.numberArgument)
    var warmupDays: Double?

    @Option(parsing: .unconditional, help: "Threads running replications (default: every core). Results do not depend on it.",
            transform: NumberArgument.integer)
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    /// The scenario's run settings with these options applied.
    func settings(for scenario: LoadedScenario) -> RunSettings {
        var settings = scenario.run
        if let seed { settings.seed = seed }
        if let horizonDays { settings.horizonDays = horizonDays }
        if let warmupDays { settings.warmupDays = warmupDays }
        return settings
    }
}

/// Loads a scenario, or prints every problem on standard error and exits with status 1.
///
/// Its warnings are left to the caller, because they depend on the run: a bed change after
/// the run ends is judged against the run the command makes (--horizon-days and
/// --warmup-days applied), which only the caller knows. See `printWarnings(of:for:)`.
func loadScenario(_ path: String, overrides: [String]) throws -> LoadedScenario {
    do {
        return try ScenarioLoader.load(path, overrides: overrides)
    } catch {
        printError(error.description(loading: path))
        let count = error.problems.count
        printError("\(path): \(count) problem\(count == 1 ? "" : "s"); nothing was run")
        throw ExitCode(1)
    }
}

/// Warns on standard error when a scenario offers its beds more load than they can carry:
/// the run goes ahead (queues and out-of-area placements grow; nothing overflows), but the
/// planner should know the results describe an overloaded system.
func warnIfOverloaded(_ scenario: LoadedScenario, name: String) {
    for estimate in FlowEstimate.estimate(scenario.configuration) where estimate.offeredLoad >= Double(estimate.beds) {
        printError("\(name): WARNING: \(estimate.area) is offered \(NumberFormat.readable(estimate.offeredLoad)) erlangs "
            + "on \(estimate.beds) beds (estimate from the routing; see `crisis-sim describe`): waits and out-of-area "
            + "placements will grow through the run")
    }
}

/// `scenarios`' warnings for a run of `settings`, on standard error: the run the command
/// makes, not the one the file's `run` section describes.
func printWarnings(of scenarios: [LoadedScenario], for settings: RunSettings) {
    printWarnings(scenarios.flatMap { $0.warnings(for: settings) })
}

/// Each warning once, in order, as `file:line:column: warning: key.path: message`, the form
/// compilers use (the scenarios of a comparison or a sweep can share a file's warning).
func printWarnings(_ warnings: [ScenarioProblem]) {
    var printed: [ScenarioProblem] = []
    for warning in warnings where !printed.contains(warning) {
        printed.append(warning)
        printError("\(warning.location): warning: \(warning.keyPath.isEmpty ? "" : warning.keyPath + ": ")\(warning.message)")
    }
}

/// Writes a line to standard error, ending any progress line first so the text stands alone.
func printError(_ text: String) {
    Progress.endLine()
    // write(2), not FileHandle.write: a message must never crash the tool, and FileHandle
    // traps when standard error is full or closed (2>/dev/full, 2>&-); a lost message is lost.
    let bytes = Array((text + "\n").utf8)
    _ = bytes.withUnsafeBytes { Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
}
