import CrisisModel

/// plan.csv: every point of the grid, a row each: its decision values, what the plan
/// concluded, the replications spent there, and each KPI kept with its mean and 95% interval.
public enum PlanCSV: CSVFormat {
    public static let fileName = "plan.csv"

    /// The columns every plan.csv has; the decision keys come first, then these, then three
    /// columns (mean, low, high) per KPI, then `inferred_from`: the decisions of the point a
    /// status was inferred from (`PlanStructure`), empty when the point's own replications
    /// made the call.
    public enum Column: String, CaseIterable, Sendable {
        case status, rank, replications
    }

    public static func text(_ result: PlanResult) -> String {
        let problem = result.problem
        let kpis = problem.kpis
        var header = problem.grid.axes.map { CSV.field($0.key) } + Column.allCases.map(\.rawValue)
        for kpi in kpis { header += ["\(kpi).mean", "\(kpi).ci95_low", "\(kpi).ci95_high"].map(CSV.field) }
        header.append("inferred_from")
        var lines = [header.joined(separator: ",")]
        let ranks = Dictionary(uniqueKeysWithValues: ([result.recommended].compactMap { $0 } + result.runnersUp).enumerated()
            .map { ($1, $0 + 1) })
        for point in result.points {
            var row = point.values.map(CSV.field) + [point.conclusion, ranks[point.index].map(String.init) ?? "",
                                                      String(point.replications)]
            for kpi in kpis {
                let estimate = point.estimate(kpi, oneSided: 0.975)
                row += [NumberFormat.cell(estimate.mean), NumberFormat.cell(estimate.lower), NumberFormat.cell(estimate.upper)]
            }
            row.append(CSV.field(point.inferredFrom.map { result.decisionsText($0) } ?? ""))
            lines.append(row.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// plan.json: the recommendation and runners-up, the method and its settings, and every
/// evaluated point with its status, replications and KPIs.
public enum PlanJSON {
    public static let fileName = "plan.json"

    public static func text(_ result: PlanResult) -> String {
        let problem = result.problem
        func number(_ value: Double) -> String { JSONText.number(value) }
        func string(_ text: String) -> String { JSONText.string(text) }
        func decisions(_ index: Int) -> String {
            "{" + zip(problem.grid.axes, result.points[index].values).map { "\(string($0.key)): \($1)" }.joined(separator: ", ") + "}"
        }
        var fields = [
            "\"tool\": \"crisis-sim\"",
            "\"version\": \(string(RunProvenance.toolVersion))",
            "\"scenario\": \(string(problem.scenario))",
            "\"set\": [" + problem.overrides.map(string).joined(separator: ", ") + "]",
            "\"decide\": [" + problem.grid.axes.map { axis in
                "{\"key\": \(string(axis.key)), \"values\": [\(axis.values.joined(separator: ", "))]}"
            }.joined(separator: ", ") + "]",
            "\"targets\": [" + problem.targets.map { string($0.description) }.joined(separator: ", ") + "]",
            "\"minimise\": \(string(objectiveName(problem)))",
            "\"confidence\": \(number(problem.confidence))",
            "\"one_sided_level_per_look\": \(number(result.oneSidedLevel))",
            "\"initial_replications\": \(problem.initialReplications)",
            "\"maximum_replications\": \(problem.maximumReplications)",
            "\"seed\": \(problem.seed)",
            "\"generator\": \(string(problem.generator.rawValue))",
            "\"warmup_days\": \(number(problem.length.warmupDays))",
            "\"horizon_days\": \(number(problem.length.horizonDays))",
            "\"recommended\": " + (result.recommended.map(decisions) ?? "null"),
            "\"runners_up\": [" + result.runnersUp.map(decisions).joined(separator: ", ") + "]",
            "\"replications_run\": \(result.replicationsRun)",
            "\"points\": {\"in_grid\": \(result.points.count), \"evaluated\": \(result.evaluated.count)}",
        ]
        if let selection = result.selection {
            fields.append("\"selection\": {\"procedure\": \"KN (Kim and Nelson 2001)\", \"indifference\": \(number(selection.indifference)), "
                + "\"separated\": \(selection.separated)}")
        }
        fields.append("\"monotonicity\": [" + result.monotonicity.map {
            "{\"key\": \(string($0.key)), \"kpi\": \(string($0.kpi)), \"rising\": \($0.rising), \"falling\": \($0.falling), "
                + "\"flat\": \($0.flat), \"monotone\": \($0.isMonotone)}"
        }.joined(separator: ", ") + "]")
        fields.append("\"evaluated\": [" + result.evaluated.map { point in
            var status = "\"status\": \(string(point.conclusion))"
            switch point.status {
            case .infeasible(let k), .undecided(let k): status += ", \"target\": \(string(problem.targets[k].description))"
            default: break
            }
            let kpis = problem.kpis.map { kpi in
                let estimate = point.estimate(kpi, oneSided: 0.975)
                return "\(string(kpi)): {\"mean\": \(number(estimate.mean)), \"ci95\": [\(number(estimate.lower)), \(number(estimate.upper))]}"
            }.joined(separator: ", ")
            let inferred = point.inferredFrom.map { ", \"inferred_from\": \(decisions($0))" } ?? ""
            return "\n    {\"decisions\": \(decisions(point.index)), \(status)\(inferred), \"replications\": \(point.replications), "
                + "\"kpis\": {\(kpis)}}"
        }.joined(separator: ",") + "\n  ]")
        return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
    }

    /// The objective as the command line names it: a KPI, or the decision key.
    public static func objectiveName(_ problem: PlanProblem) -> String {
        switch problem.objective {
        case .kpi(let id): id
        case .decision(let axis): problem.grid.axes[axis].key
        }
    }
}
