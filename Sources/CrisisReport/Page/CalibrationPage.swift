import CrisisExperiment
import CrisisScenario

/// calibration.html, the page `crisis-sim calibrate` writes: the model against each target
/// before and after, each free key's value with its interval and verdict, and the objective
/// along each key's range with the others at their calibrated values, where a flat stretch
/// shows a key the targets cannot pin down.
public enum CalibrationPage {
    public static let fileName = "calibration.html"

    public static func html(_ result: CalibrationResult, targetsFile: String) -> String {
        let problem = result.problem
        var targets = ReportSection(id: "targets", heading: "The model against the targets")
        let differences = result.differences
        let rows = problem.targets.enumerated().map { k, target -> [String] in
            let model = result.model[k], unit = model.unit
            return [KPIText.label(target.kpi) + (target.stratum == "all" ? "" : " (\(target.stratum))"),
                    KPIText.value(target.value, unit: unit),
                    KPIText.interval(lower: target.value - 1.96 * target.standardError,
                                     upper: target.value + 1.96 * target.standardError, unit: unit),
                    KPIText.value(result.startModel[k].mean, unit: unit),
                    KPIText.value(model.mean, unit: unit), KPIText.interval(model),
                    differences[k].isFinite ? NumberFormat.fixed(differences[k], 2) : "-",
                    result.agrees(k) ? "yes" : "no"]
        }
        targets.body = "<p>Each target's observed value with its 95% interval (±1.96 standard errors), the model at the "
            + "start and at the calibrated values (mean and 95% confidence interval of \(problem.replications) replications), "
            + "and the standardised difference, (model − observed) / scale, the scale combining the target's standard error "
            + "with the model's Monte Carlo error. The objective is the sum of their squares.</p>\n"
            + DataTable(caption: "Targets", columns: ["target", "observed", "observed 95% interval", "model at start",
                                                     "model calibrated", "model 95% CI", "difference", "intervals overlap"],
                        rows: rows, textColumns: [7], rowNotes: problem.targets.map(\.kpi)).html()
            // Sources run long (months, measures, methods): a table of their own, so the figures stay readable.
            + DataTable(caption: "Where each target comes from", columns: ["target", "source"],
                        rows: problem.targets.map { [KPIText.label($0.kpi) + ($0.stratum == "all" ? "" : " (\($0.stratum))"), $0.source] },
                        textColumns: [1]).html()
        var keys = ReportSection(id: "free-keys", heading: "The free keys")
        keys.body = "<p>Each key's approximate 95% interval comes from the objective's curvature at the minimum (the "
            + "objective is −2 log likelihood up to a constant, so the covariance is twice the inverse of its Hessian). "
            + "The charts show the objective across each key's range with the other keys at their calibrated values: a "
            + "deep, narrow valley is a key the targets pin down; a flat floor is one they cannot.</p>\n"
            + DataTable(caption: "Free keys", columns: ["key", "searched", "start", "calibrated", "95% interval", "identification"],
                        rows: zip(problem.free, result.identification).enumerated().map { k, pair in
                            let (parameter, identification) = pair
                            return [parameter.key,
                                    NumberFormat.exact(parameter.low) + " to " + NumberFormat.exact(parameter.high),
                                    NumberFormat.significant(result.start[k], 4), NumberFormat.significant(identification.value, 4),
                                    identification.lower.map { NumberFormat.significant($0, 3) + " to "
                                        + NumberFormat.significant(identification.upper!, 3) } ?? "-",
                                    identification.explanation]
                        }, textColumns: [1, 5]).html()
        keys.figures = problem.free.indices.map { k in
            let parameter = problem.free[k], slice = result.slices[k]
            let chart = LineChart(curves: [.init(name: "objective, other keys at their calibrated values",
                                                 colour: Palette.colour(0), points: slice.map { ($0.value, $0.objective) })],
                                  xTitle: parameter.key, yTitle: "Objective", yHigh: nil).render()
            return ChartFigure(
                id: "slice-\(k + 1)", title: parameter.key,
                panels: [.init(title: parameter.key, description: "The objective across \(parameter.key)'s range.", chart: chart)],
                caption: "\(slice.count) points from \(NumberFormat.exact(parameter.low)) to \(NumberFormat.exact(parameter.high)); "
                    + "calibrated value \(NumberFormat.significant(result.values[k], 4)).",
                table: DataTable(caption: "\(parameter.key): objective", columns: [parameter.key, "objective"],
                                 rows: slice.map { [NumberFormat.significant($0.value, 4), NumberFormat.readable($0.objective)] }))
        }
        return ReportPage.document(title: "crisis-sim calibrate: \(problem.scenario)", fileStem: "calibration")
            + """
            <header><h1>Calibration of \(MarkupText.escape(problem.scenario))</h1>
            <p>\(problem.targets.count) targets from \(MarkupText.escape(targetsFile)); \(result.searchEvaluations) candidates \
            searched, \(result.evaluations) run in all, each \(problem.replications) replications of \
            \(NumberFormat.days(problem.length.horizonDays)) days after a \(NumberFormat.days(problem.length.warmupDays))-day \
            warm-up (seed \(problem.seed), common random numbers). Objective \(NumberFormat.readable(result.startObjective)) \
            at the start, \(NumberFormat.readable(result.objectiveValue)) calibrated. calibrated.yaml holds the values.</p>
            </header>
            <main>
            \([targets, keys].map { $0.html() }.joined())</main>

            """ + ReportPage.closing
    }
}
