import ArgumentParser
import CrisisExperiment
import CrisisFit
import CrisisModel
import CrisisReport
import CrisisScenario
import Foundation

struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a scenario to a patient extract: arrivals, lengths of stay and delays, with uncertainty.",
        discussion: """
            Reads extracts in the layout of docs/DATA.md (a trust's own, or `run --patients`), \
            and writes into the output folder fitted.yaml, a scenario that extends the base and \
            sets only what the data support, each value under a comment saying how it was \
            estimated; fit.json, with every estimate's interval, every family compared and \
            every row that could not be used; and fit.html, the stays' distribution against each \
            family fitted and the arrival profiles with their intervals; and targets.yaml, the \
            figures the model computes rather than takes (admissions a year, the detained, gatekept \
            and out-of-area shares) as targets for `crisis-sim calibrate`.

            Lengths of stay per legal status: maximum likelihood over lognormal, gamma, Weibull \
            and exponential, with stays still running at the period's end censored and stays \
            begun before it truncated; the lowest AIC whose Kolmogorov-Smirnov and \
            Anderson-Darling tests (parametric bootstrap p-values) do not reject it. Arrivals per \
            area and source: volume, hour-of-day and day-of-week weights (exact intervals), and \
            the trend (reported, not set). Delayed discharges: their share and mean length.

            Only pseudonymous data: an extract with NHS numbers, names or identifying columns is \
            refused.

            Example:
              crisis-sim run Scenarios/baseline.yaml --patients --replications 1 --output results/extract
              crisis-sim fit results/extract/patients.csv --base Scenarios/baseline.yaml \\
                --from 2025-04-01 --to 2026-04-01 --output results/fit
            """
    )

    @Argument(help: "Patient extracts (CSV, docs/DATA.md).") var extracts: [String]
    @Option(help: "The scenario the fit extends: what the extract cannot say stays as it has it.") var base: String
    @Option(help: ArgumentHelp("First day of the period the extract covers (YYYY-MM-DD).", valueName: "date"))
    var from: String
    @Option(help: ArgumentHelp("The day after the period's last (YYYY-MM-DD): the period is [from, to).", valueName: "date"))
    var to: String
    @Option(help: "The replication to fit, for a model extract that holds several (default: the first).")
    var replication: Int?
    @Option(help: "Parametric bootstrap fits behind each goodness-of-fit p-value (at least 19, so p can reach 0.05).")
    var bootstrap: Int = StayFit.defaultBootstrapReplications
    @Option(help: "Seed of the bootstrap's random numbers.") var seed: UInt64 = 1
    @Option(name: .shortAndLong, help: "Folder to write fitted.yaml and fit.json into.", transform: outputPathArgument)
    var output: String = "results/fit"

    func validate() throws {
        guard !extracts.isEmpty else { throw ValidationError("give at least one extract") }
        guard (19...10_000).contains(bootstrap) else { throw ValidationError("--bootstrap must be an integer in [19, 10000]") }
        for (name, value) in [("--from", from), ("--to", to)] where ExtractCalendar.hours(ofDate: Substring(value)) == nil {
            throw ValidationError("\(name) '\(value)' is not a date (expected YYYY-MM-DD)")
        }
        let (start, end) = period
        guard end > start else { throw ValidationError("--from \(from) is not before --to \(to): the period is [from, to)") }
        guard end - start >= 7 * 24 else {
            throw ValidationError("--from \(from) --to \(to): the period must be at least a week (hour-of-week profiles need one)")
        }
    }

    /// The longest stretch with no presentation at either end of the period an extract may
    /// have: weeks without one in a crisis service mean the extract does not cover the period.
    static let coverageSlackHours = 28.0 * 24

    /// The period, model hours [from 00:00, to 00:00).
    private var period: (Double, Double) {
        (ExtractCalendar.hours(ofDate: Substring(from)) ?? 0, ExtractCalendar.hours(ofDate: Substring(to)) ?? 0)
    }

    func run() throws {
        let loaded = try loadScenario(base, overrides: [])
        var contents: PatientExtractReader.Contents
        do {
            contents = try PatientExtractReader.read(extracts)
        } catch let refused as ExtractRefused {
            printError(refused.description)
            throw ExitCode(1)
        }
        let areaNames = loaded.configuration.areas.map(\.name)
        let singleArea = areaNames.count == 1 ? areaNames[0] : nil
        // Rows of areas the base does not have cannot set anything: said, not dropped.
        contents.episodes = contents.episodes.filter { episode in
            if let area = episode.area, !areaNames.contains(area) {
                contents.problems.append(ExtractProblem(file: episode.file, line: episode.line, column: "area",
                    problem: "'\(area)' is not an area of \(base) (\(areaNames.joined(separator: ", ")))"))
                return false
            }
            if episode.area == nil, singleArea == nil {
                contents.problems.append(ExtractProblem(file: episode.file, line: episode.line, column: "area",
                    problem: "is missing, and \(base) has \(areaNames.count) areas: add an area column"))
                return false
            }
            return true
        }
        guard let chosen = replication ?? contents.episodes.map(\.replication).min() else {
            printError("\(extracts.joined(separator: ", ")): no usable rows (\(contents.problems.count) unusable); nothing was fitted")
            for problem in contents.problems.prefix(10) { printError("  \(problem)") }
            throw ExitCode(1)
        }
        let (start, end) = period
        // A period longer than the extract would read as a low rate and short stays: refuse it.
        let presented = contents.episodes.filter { $0.replication == chosen }.compactMap(\.presentedAt)
            .filter { $0 >= start && $0 < end }
        if let first = presented.min(), let last = presented.max(),
           first - start > Self.coverageSlackHours || end - last > Self.coverageSlackHours {
            printError("\(extracts.joined(separator: ", ")): presentations in the period run from "
                + "\(ExtractCalendar.dateTime(first)) to \(ExtractCalendar.dateTime(last)), but --from \(from) --to \(to) "
                + "says the extract covers the whole of it; give the period the extract was taken for (a gap of more than "
                + "\(Int(Self.coverageSlackHours / 24)) days at either end is refused)")
            throw ExitCode(1)
        }
        let fit: ExtractFit
        do {
            fit = try ExtractFit.fit(contents.episodes, replication: chosen, start: start, end: end, bootstrap: bootstrap,
                                     seed: seed)
        } catch {
            printError("\(extracts.joined(separator: ", ")): the fit failed: \(error)")
            throw ExitCode(1)
        }
        let folder = URL(fileURLWithPath: output)
        try AtomicFile.createFolder(folder)
        let used = contents.episodes.filter { $0.replication == chosen }.count
        let yaml = FittedScenarioFile.text(fit, base: base, folder: folder, files: extracts, rowsUsed: used,
                                           singleArea: singleArea)
        try AtomicFile.write(FitJSON.text(fit, files: extracts, rows: contents.rows, problems: contents.problems),
                             to: folder.appendingPathComponent(FitJSON.fileName))
        try AtomicFile.write(FitPage.html(fit, files: extracts), to: folder.appendingPathComponent(FitPage.fileName))
        try AtomicFile.write(TargetsFile.text(fit.calibrationTargets(files: extracts), header: [
            "Targets from `crisis-sim fit`: figures of the extract the model computes rather than takes.",
            "For `crisis-sim calibrate \(FittedScenarioFile.fileName) --targets \(ExtractFit.targetsFileName) --free KEY=LOW...HIGH`.",
        ]), to: folder.appendingPathComponent(ExtractFit.targetsFileName))
        let fittedPath = folder.appendingPathComponent(FittedScenarioFile.fileName)
        try AtomicFile.write(yaml, to: fittedPath)
        report(fit, contents: contents, used: used)
        // The fitted scenario must load as any other: a fit that wrote one that does not is a bug to see now.
        _ = try loadScenario(fittedPath.path, overrides: [])
        print("Wrote \(folder.path)/\(FittedScenarioFile.fileName), \(FitJSON.fileName), \(FitPage.fileName), \(ExtractFit.targetsFileName)")
    }

    private func report(_ fit: ExtractFit, contents: PatientExtractReader.Contents, used: Int) {
        print("\(extracts.joined(separator: ", ")): \(NumberFormat.grouped(Double(contents.rows))) rows, "
            + "\(NumberFormat.grouped(Double(used))) used (replication \(fit.replication)), "
            + "\(contents.problems.count) unusable; period \(from) to \(to)")
        for problem in contents.problems.prefix(5) { print("  unusable: \(problem)") }
        if contents.problems.count > 5 { print("  ... and \(contents.problems.count - 5) more in fit.json") }
        print("")
        for arrival in fit.arrivals {
            let volume = arrival.estimate.volume
            let name = arrival.area.isEmpty ? arrival.source.scenarioKey : "\(arrival.area) \(arrival.source.scenarioKey)"
            var line = "\(name): \(NumberFormat.readable(volume.perYear)) a year (95% CI \(NumberFormat.readable(volume.lower)) to "
            line += "\(NumberFormat.readable(volume.upper)))"
            if let growth = arrival.estimate.growth {
                line += "; trend \(FittedScenarioFile.percent(growth.annualGrowth)) a year"
                line += growth.excludesZero ? "" : ", not distinguishable from none"
            }
            print(line)
        }
        for stays in fit.stays {
            guard let selection = stays.selection else {
                print("\(stays.legalStatus) stays: \(stays.observations), too few to fit")
                continue
            }
            switch selection.recommendation {
            case .parametric(let chosen, let test):
                let parameters = zip(chosen.family.parameterNames, chosen.parameters)
                    .map { "\($0) \(NumberFormat.significant($1.value, 4)) (\(NumberFormat.significant($1.lower, 3)) to "
                        + "\(NumberFormat.significant($1.upper, 3)))" }.joined(separator: ", ")
                print("\(stays.legalStatus) stays: \(chosen.family), \(parameters); mean "
                    + "\(NumberFormat.readable(chosen.mean.value)) days; KS p \(NumberFormat.fixed(test.ksP, 2)), "
                    + "AD p \(NumberFormat.fixed(test.adP, 2)) (\(stays.observations) stays, \(stays.censored) censored)")
            case .empirical(let empirical):
                print("\(stays.legalStatus) stays: every family rejected; \(empirical.summary)")
            }
        }
        if case .success(let returns) = fit.representation {
            print("re-presentations: probability \(FittedScenarioFile.percent(returns.probability.value)) (95% CI "
                + "\(FittedScenarioFile.percent(returns.probability.lower)) to \(FittedScenarioFile.percent(returns.probability.upper))), "
                + "mean delay \(NumberFormat.readable(returns.meanDelay.value)) days (\(returns.returned) returns seen)")
        }
        if let share = fit.delayedDischarge {
            print("delayed discharges: \(FittedScenarioFile.percent(share.share)) of \(share.trials) local stays "
                + "(95% CI \(FittedScenarioFile.percent(share.lower)) to \(FittedScenarioFile.percent(share.upper)))"
                + (fit.delayDays.map { ", mean \(NumberFormat.readable($0.mean)) days" } ?? ""))
        }
        print("")
    }
}
