import CrisisFit
import CrisisModel
import CrisisScenario
import Foundation

/// fitted.yaml: a scenario that `extends` the base and sets only what the extract supports,
/// each value under a comment saying where it came from (files, period, rows, method, fit
/// quality), so the file is its own provenance and a planner can see what is theirs and what
/// is still the base's.
public enum FittedScenarioFile {
    public static let fileName = "fitted.yaml"

    /// The file's text; `base` is the base scenario's path, written relative to `folder`
    /// (where fitted.yaml goes) so the pair can move together.
    public static func text(_ fit: ExtractFit, base: String, folder: URL, files: [String], rowsUsed: Int,
                            singleArea: String?) -> String {
        let period = "\(ExtractCalendar.dateTime(fit.start).prefix(10)) to \(ExtractCalendar.dateTime(fit.end).prefix(10))"
        var lines = [
            "# Fitted by `crisis-sim fit` to \(files.joined(separator: ", ")): replication \(fit.replication),",
            "# period \(period) (end exclusive), \(rowsUsed) usable rows. Every value under `set` was",
            "# estimated from the extract; everything else is the base scenario's. fit.json has the",
            "# intervals, the families compared and the rows that could not be used.",
            // Double-quoted YAML scalars take JSON's escapes.
            "extends: \(QuotedString.quoted(relativePath(from: folder, to: base)))",
            "description: \(QuotedString.quoted("Fitted to \(files.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")), \(period)."))",
            "",
            "set:",
        ]
        for arrival in fit.arrivals {
            let area = arrival.area.isEmpty ? (singleArea ?? arrival.area) : arrival.area
            let key = "areas.\(area).sources.\(arrival.source.scenarioKey)"
            let estimate = arrival.estimate
            let volume = estimate.volume
            let days = NumberFormat.days(((fit.end - fit.start) / 24).rounded())
            lines.append("  # \(volume.count) presentations in \(days) days, a rate of \(NumberFormat.readable(volume.perYear)) a year; "
                + "exact Poisson 95% CI "
                + "\(NumberFormat.readable(volume.lower)) to \(NumberFormat.readable(volume.upper)) a year"
                + (estimate.growth.map { "; trend \(percent($0.annualGrowth)) a year (95% CI \(percent($0.lower)) to "
                    + "\(percent($0.upper))), not set: per_year is the period's average" } ?? ""))
            lines.append("  \(key).per_year: \(NumberFormat.significant(volume.perYear, 4))")
            // A weight of 0 would forbid arrivals at that hour for ever: too few presentations to profile by it.
            for (name, weights) in [("hour_of_day_weights", estimate.hourOfDay), ("day_of_week_weights", estimate.dayOfWeek)]
            where !weights.isEmpty {
                if let empty = weights.first(where: { $0.count == 0 }) {
                    lines.append("  # \(key).\(name) not set: no presentation at all in \(name.hasPrefix("hour") ? "hour" : "day") "
                        + "\(empty.index) of the period, too few to profile by")
                } else {
                    lines.append("  # by maximum likelihood on each hour of the week's exposure; mean 1 (intervals in fit.json)")
                    lines.append("  \(key).\(name): \(list(weights.map(\.weight)))")
                }
            }
        }
        for stays in fit.stays {
            let key = "beds.\(stays.legalStatus)_stay_days"
            guard let selection = stays.selection else {
                lines.append("  # \(key) not set: \(stays.observations) stays, fewer than the \(ExtractFit.minimumStays) a fit needs")
                continue
            }
            switch selection.recommendation {
            case .parametric(let chosen, let test):
                let others = selection.comparison.ranked.dropFirst().map { "\($0.family) +\(NumberFormat.fixed($0.deltaAIC, 1))" }
                lines.append("  # \(chosen.family) by maximum likelihood: \(stays.observations) stays (\(stays.censored) still in "
                    + "hospital at the end, \(stays.leftTruncated) admitted before the period); mean "
                    + "\(NumberFormat.readable(chosen.mean.value)) days (95% CI \(NumberFormat.readable(chosen.mean.lower)) to "
                    + "\(NumberFormat.readable(chosen.mean.upper)))")
                lines.append("  # AIC below the others (" + (others.isEmpty ? "none fitted" : others.joined(separator: ", "))
                    + "); Kolmogorov-Smirnov p \(NumberFormat.fixed(test.ksP, 2)), Anderson-Darling p "
                    + "\(NumberFormat.fixed(test.adP, 2)) (\(test.bootstrapReplications) parametric bootstrap fits)")
                let parameters = zip(chosen.family.parameterNames, chosen.parameters.map(\.value))
                    .map { "\($0): \(NumberFormat.significant($1, 5))" }.joined(separator: ", ")
                lines.append("  \(key): {type: \(chosen.family), \(parameters)}")
            case .empirical(let empirical):
                lines.append("  # \(key) not set: every family was rejected by the goodness-of-fit tests; "
                    + "\(empirical.summary) (fit.json has the percentiles)")
            }
        }
        if let share = fit.delayedDischarge {
            lines.append("  # \(share.successes) of \(share.trials) clinical stays ending in a local bed had a delayed "
                + "discharge; Clopper-Pearson 95% CI \(percent(share.lower)) to \(percent(share.upper))")
            lines.append("  beds.delayed_discharge_probability: \(NumberFormat.significant(share.share, 4))")
        }
        if let delay = fit.delayDays {
            lines.append("  # \(delay.count) delays that ended in the period, exponential by maximum likelihood: mean "
                + "\(NumberFormat.readable(delay.mean)) days (95% CI \(NumberFormat.readable(delay.lower)) to "
                + "\(NumberFormat.readable(delay.upper))); delays still running at the end are left out")
            lines.append("  beds.delay_days: {type: exponential, mean: \(NumberFormat.significant(delay.mean, 4))}")
        }
        switch fit.representation {
        case .success(let returns):
            lines.append("  # \(returns.returned) of \(returns.episodes) episodes ending in the period were followed by a "
                + "re-presentation before its end; probability and exponential delay fitted together so that short "
                + "follow-up is not read as a low probability (cure model): 95% CI \(percent(returns.probability.lower)) "
                + "to \(percent(returns.probability.upper)), mean delay \(NumberFormat.readable(returns.meanDelay.lower)) to "
                + "\(NumberFormat.readable(returns.meanDelay.upper)) days")
            lines.append("  representation.probability: \(NumberFormat.significant(returns.probability.value, 4))")
            lines.append("  representation.after_days: {type: exponential, mean: \(NumberFormat.significant(returns.meanDelay.value, 4))}")
        case .failure(let failure):
            lines.append("  # representation not set: \(failure)")
        case nil:
            break
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func percent(_ fraction: Double) -> String { NumberFormat.fixed(100 * fraction, 1) + "%" }

    static func list(_ values: [Double]) -> String {
        "[" + values.map { NumberFormat.significant($0, 3) }.joined(separator: ", ") + "]"
    }

    /// `target` as seen from `folder`: `../../Scenarios/baseline.yaml`.
    static func relativePath(from folder: URL, to target: String) -> String {
        let from = folder.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let to = URL(fileURLWithPath: target).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }
}

extension Source {
    /// The source's key under `areas[].sources` in a scenario file.
    public var scenarioKey: String {
        switch self {
        case .community: return "community"
        case .emergencyDepartment: return "emergency_department"
        case .police: return "police"
        case .representation: return "representation"
        }
    }
}
