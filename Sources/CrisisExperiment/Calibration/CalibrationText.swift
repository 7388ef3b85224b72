import CrisisModel

/// A calibration in words and tables for the terminal: what was searched, where it ended,
/// how well each key is identified, and the model against each target.
public enum CalibrationText {
    public static func report(_ result: CalibrationResult, targetsFile: String, seconds: Double) -> String {
        let problem = result.problem
        var lines = [
            "Calibrated \(problem.scenario) to \(NumberFormat.count(problem.targets.count, "target")) in \(targetsFile) over "
                + "\(NumberFormat.count(problem.free.count, "free key")): \(result.searchEvaluations) candidates searched, "
                + "\(result.evaluations) run in all, x \(NumberFormat.count(problem.replications, "replication")) of "
                + "\(NumberFormat.days(problem.length.horizonDays)) days after a \(NumberFormat.days(problem.length.warmupDays))-day "
                + "warm-up; seed \(problem.seed); common random numbers; \(NumberFormat.fixed(seconds, 1)) s",
            "Objective (sum of squared standardised differences): \(NumberFormat.readable(result.startObjective)) at the "
                + "start, \(NumberFormat.readable(result.objectiveValue)) calibrated",
            "",
        ]
        let keyWidth = max(8, problem.free.map(\.key.count).max() ?? 0) + 2
        lines.append(NumberFormat.pad("Free key", keyWidth) + NumberFormat.pad("start", 10, right: true)
            + NumberFormat.pad("calibrated", 12, right: true) + "  " + NumberFormat.pad("95% interval", 22) + "identification")
        for (k, identification) in result.identification.enumerated() {
            let interval = identification.lower.map {
                NumberFormat.significant($0, 3) + " to " + NumberFormat.significant(identification.upper!, 3)
            } ?? "-"
            lines.append(NumberFormat.pad(identification.key, keyWidth)
                + NumberFormat.pad(NumberFormat.significant(result.start[k], 4), 10, right: true)
                + NumberFormat.pad(NumberFormat.significant(identification.value, 4), 12, right: true) + "  "
                + NumberFormat.pad(interval, 22) + identification.explanation)
        }
        lines.append("")
        let labels = problem.targets.map { target in
            KPIText.label(target.kpi) + (target.stratum == "all" ? "" : " (\(target.stratum))")
        }
        let labelWidth = max(6, labels.map(\.count).max() ?? 0) + 2
        lines.append(NumberFormat.pad("Target", labelWidth) + NumberFormat.pad("observed ± 1.96 se", 24)
            + NumberFormat.pad("model (95% CI)", 34) + NumberFormat.pad("difference", 11, right: true) + "  start")
        let differences = result.differences
        for (k, target) in problem.targets.enumerated() {
            let model = result.model[k], unit = model.unit
            let observed = KPIText.value(target.value, unit: unit) + " ± "
                + (KPIText.isShare(unit) ? NumberFormat.readable(1.96 * target.standardError) + " points"
                    : KPIText.isMoney(unit) ? KPIText.money(1.96 * target.standardError)
                    : NumberFormat.readable(1.96 * target.standardError))
            let modelText = KPIText.value(model.mean, unit: unit) + (model.count > 1 ? " (\(KPIText.interval(model)))" : "")
            let difference = differences[k].isFinite ? (differences[k] >= 0 ? "+" : "") + NumberFormat.fixed(differences[k], 2) : "-"
            lines.append(NumberFormat.pad(labels[k], labelWidth) + NumberFormat.pad(observed, 24)
                + NumberFormat.pad(modelText, 34) + NumberFormat.pad(difference, 11, right: true) + "  "
                + KPIText.value(result.startModel[k].mean, unit: unit))
        }
        let disagreeing = problem.targets.indices.filter { !result.agrees($0) }
        lines.append("")
        lines.append("Difference: (model - observed) / scale, the scale combining the target's standard error with the "
            + "model's Monte Carlo error.")
        if disagreeing.isEmpty {
            lines.append("Every target's 95% interval overlaps the model's at the calibrated values.")
        } else {
            lines.append("Not matched (the 95% intervals do not overlap): "
                + disagreeing.map { labels[$0] }.joined(separator: "; ")
                + ". The free keys cannot bring these into line within their bounds: widen the bounds, free another key "
                + "that drives them, or check the target.")
        }
        return lines.joined(separator: "\n")
    }
}
