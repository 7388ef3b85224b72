import ArgumentParser
import CrisisExperiment
import CrisisModel
import CrisisReport
import CrisisScenario
import Foundation

struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Find values of free keys for which the model's KPIs match observed targets.",
        discussion: """
            Some parameters cannot be read off an extract (the share of admission requests a \
            crisis team can divert, the bed-search time, how often discharges are delayed). \
            calibrate searches the free keys, each between its bounds, for the values at which \
            the model's KPIs come closest to the targets (a targets file: each a KPI, its \
            observed value, standard error and source; `crisis-sim targets` and `crisis-sim \
            fit` write them). Closeness is the sum over targets of ((model - target) / scale)^2, \
            the scale combining the target's standard error with the model's Monte Carlo error; \
            GSL's Nelder-Mead simplex minimises it. Every candidate runs the same replications \
            with the same seed (common random numbers), so the result is the same for a seed \
            whatever the thread count.

            Writes calibrated.yaml (extends the scenario, sets the free keys, each under a \
            comment with its 95% interval and how well the targets identify it), \
            calibration.csv (the model against each target), calibration.json (everything, \
            with the objective along each key's range) and calibration.html.

            Examples (docs/DATA.md's worked example, after its `run --patients` and `fit`):
              crisis-sim calibrate results/example-fit/fitted.yaml --targets results/example-fit/targets.yaml \\
                --free crht.admissions_avoided_share=0.05...0.6 --free crht.detained_request_share=0.2...0.7
            """
    )

    @Argument(help: "Scenario file (YAML) to calibrate.") var scenario: String

    @Option(help: "Targets file (YAML): kpi, value, standard_error and source of each target.")
    var targets: String

    @Option(name: .customLong("free"), parsing: .singleValue,
            help: ArgumentHelp("A key to calibrate and its bounds, e.g. beds.delayed_discharge_probability=0.02...0.3 (repeatable).",
                               valueName: "key.path=LOW...HIGH"))
    var free: [String]

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var runOptions: RunOptions

    @Option(name: .customLong("max-iterations"), parsing: .unconditional,
            help: "Most simplex iterations in each of its two passes (each runs one or two candidates).",
            transform: NumberArgument.integer)
    var maxIterations = 300

    @Option(name: .shortAndLong, help: "Folder for calibrated.yaml, calibration.csv, calibration.json and calibration.html (default: results/calibrate-<scenario name>).",
            transform: outputPathArgument)
    var output: String?

    func validate() throws {
        if runOptions.replications?.isAuto == true { throw ValidationError("--replications auto is for run only: give a number") }
        if case .fixed(let count)? = runOptions.replications, count < 2 {
            throw ValidationError("--replications must be at least 2: the objective's scale needs the model's spread")
        }
        guard (10...100_000).contains(maxIterations) else { throw ValidationError("--max-iterations must be an integer in [10, 100000]") }
        do { _ = try FreeParameter.parse(free) } catch { throw ValidationError(error.description) }
    }

    /// Below this many replications a calibration is warned about: the objective's scale and
    /// the model's intervals rest on the replications' spread.
    static let fewReplications = 10

    var resultsFolder: URL { URL(fileURLWithPath: output ?? "results/calibrate-\(scenarioName(scenario))") }

    func run() throws {
        let parameters = try FreeParameter.parse(free)
        let base = try loadScenario(scenario, overrides: scenarioOptions.overrides)
        let goals: [CalibrationTarget]
        do {
            goals = try TargetsFile.read(targets)
        } catch let error as ScenarioError {
            printError(error.description)
            printError("\(targets): \(NumberFormat.count(error.problems.count, "problem")); nothing was run")
            throw ExitCode(1)
        }
        var problems = targetProblems(goals, base: base) + freeKeyProblems(parameters, base: base)
        let settings = runOptions.settings(for: base)
        if settings.replications < 2 {
            problems.append("\(scenario): run.replications is \(settings.replications); calibration needs at least 2 "
                + "(the objective's scale needs the model's spread): give --replications")
        }
        guard problems.isEmpty else {
            problems.forEach(printError)
            printError("\(NumberFormat.count(problems.count, "problem")); nothing was run")
            throw ExitCode(1)
        }
        printWarnings(of: [base], for: settings)
        if settings.replications < Self.fewReplications {
            printError("\(scenario): warning: \(settings.replications) replications: the model's intervals, and so the "
                + "calibrated values', are wide; \(Self.fewReplications) or more are advised")
        }
        let problem = CalibrationProblem(
            scenario: scenario, overrides: scenarioOptions.overrides, free: parameters, targets: goals,
            replications: settings.replications, seed: settings.seed, generator: settings.generator,
            length: RunLength(warmupDays: settings.warmupDays, horizonDays: settings.horizonDays))
        let folder = resultsFolder
        try AtomicFile.createFolder(folder)  // a bad --output stops now, not after the search
        let progress = Progress("calibrate-\(scenarioName(scenario))", total: 0, quiet: runOptions.quiet)
        let started = Date()
        let result: CalibrationResult
        do {
            result = try Calibration.run(problem, threads: runOptions.threads, maxIterations: maxIterations) { stage, count, lowest in
                progress.update("\(stage.rawValue): \(NumberFormat.count(count, "candidate")), lowest objective "
                    + NumberFormat.readable(lowest))
            }
        } catch let error as Calibration.Unsettled {
            printError(error.description)
            throw ExitCode(1)
        } catch let error as ScenarioError {
            printError(error.description(loading: scenario))
            throw ExitCode(1)
        }
        Progress.endLine()
        let seconds = Date().timeIntervalSince(started)
        try AtomicFile.write(CalibrationCSV.text(result), to: folder.appendingPathComponent(CalibrationCSV.fileName))
        try AtomicFile.write(CalibrationJSON.text(result, targetsFile: targets), to: folder.appendingPathComponent(CalibrationJSON.fileName))
        try AtomicFile.write(CalibrationPage.html(result, targetsFile: targets),
                             to: folder.appendingPathComponent(CalibrationPage.fileName))
        let calibrated = folder.appendingPathComponent(CalibratedScenarioFile.fileName)
        try AtomicFile.write(CalibratedScenarioFile.text(result, targetsFile: targets, folder: folder), to: calibrated)
        print(CalibrationText.report(result, targetsFile: targets, seconds: seconds))
        // A target far from the model at the start is often in the wrong unit (0.94 for 94%).
        for (k, difference) in result.objective.differences(result.startModel).enumerated() where abs(difference) > 30 {
            let target = goals[k]
            printError("\(target.location.map { "\($0): " } ?? "")warning: \(target.kpi): the target \(NumberFormat.exact(target.value)) "
                + "is \(NumberFormat.readable(abs(difference))) scales from the model at the start "
                + "(\(NumberFormat.readable(result.startModel[k].mean)) \(result.startModel[k].unit)); check its unit"
                + (KPIText.isShare(result.startModel[k].unit) ? " (shares are percentages, 0 to 100)" : ""))
        }
        // The calibrated scenario must load as any other: one that does not is a bug to see now.
        _ = try loadScenario(calibrated.path, overrides: [])
        print("Wrote \(folder.path)/\(CalibratedScenarioFile.fileName), \(CalibrationCSV.fileName), "
            + "\(CalibrationJSON.fileName), \(CalibrationPage.fileName)")
    }

    /// Targets the scenario cannot be judged by: a stratum it does not have, a per-area KPI
    /// asked of a cohort.
    func targetProblems(_ goals: [CalibrationTarget], base: LoadedScenario) -> [String] {
        let strata = StratumChoice.strata(of: base.configuration)
        return goals.compactMap { target in
            let place = target.location.map { "\($0): " } ?? ""
            if !strata.contains(target.stratum) {
                return "\(place)stratum: \(scenario) has no stratum '\(target.stratum)'"
                    + (Suggestion.closest(to: target.stratum, among: strata).map { " (did you mean '\($0)'?)" } ?? "")
                    + "; it has \(strata.joined(separator: ", "))"
            }
            if target.stratum.hasPrefix("cohort:"), target.definition?.byCohort == false {
                return "\(place)stratum: \(target.kpi) is measured per area, not per cohort: give stratum all or area:<name>"
            }
            return nil
        }
    }

    /// Free keys that cannot be searched: unknown to the scenario, whole numbers, set by a
    /// --set as well, or with a bound the scenario refuses.
    func freeKeyProblems(_ parameters: [FreeParameter], base: LoadedScenario) -> [String] {
        var problems: [String] = []
        // `FreeParameter.parse` keeps the --free options' order, one parameter each.
        for (typed, parameter) in zip(free, parameters) {
            let argument = "--free \(typed)"
            let key = ScenarioChanges.keyPath(parameter.key, in: base)
            for set in scenarioOptions.overrides where ScenarioChanges.keyPath(String(set.prefix { $0 != "=" }), in: base) == key {
                problems.append("--set \(set) and \(argument) both set \(key): leave out one of them")
            }
            if ScenarioChanges.isSection(parameter.key, in: base) {
                problems.append("\(argument): \(parameter.key) is a section of \(scenario), not one number: free one of its "
                    + "numbers (`crisis-sim describe \(scenario)` lists them)")
                continue
            }
            if ScenarioSchema.takesWholeNumbers(keyPath: parameter.key) == true {
                problems.append("\(argument): \(parameter.key) takes whole numbers (beds, staff, places), and calibration "
                    + "searches real values: compare whole-number choices with `crisis-sim sweep --vary`")
                continue
            }
            // Each bound must make a scenario that loads: the loader names an unknown key (with
            // the nearest) and a bound outside what the key allows.
            var loads = true
            for bound in [parameter.low, parameter.high] where loads {
                do {
                    _ = try ScenarioLoader.load(scenario, overrides: scenarioOptions.overrides
                        + ["\(parameter.key)=\(NumberFormat.exact(bound))"])
                } catch {
                    loads = false
                    problems += error.problems.map { "\(argument): " + ($0.keyPath.isEmpty ? "" : $0.keyPath + ": ") + $0.message }
                }
            }
            if loads, ScenarioChanges.number(at: parameter.key, in: base) == nil {
                problems.append("\(argument): \(parameter.key) is not a number in \(scenario) (a section, a distribution or "
                    + "a word): free one number, e.g. \(parameter.key).mean")
            }
        }
        return problems
    }
}
