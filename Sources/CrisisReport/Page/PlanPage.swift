import CrisisExperiment

/// plan.html, the page `crisis-sim plan` writes: the answer, cost against out-of-area bed
/// days for every evaluated point with the recommendation ringed, and a map of what the plan
/// concluded at every point of the grid.
public enum PlanPage {
    public static let fileName = "plan.html"

    public static func html(_ result: PlanResult) -> String {
        let problem = result.problem
        let axes = problem.grid.axes
        func describe(_ point: PlanPoint) -> String {
            zip(axes, point.values).map { "\($0.key) = \($1)" }.joined(separator: ", ")
        }
        func mean(_ point: PlanPoint, _ kpi: String) -> Double { point.mean(kpi) }
        var frontier = ReportSection(id: "frontier", heading: "Cost against out-of-area bed days")
        frontier.body = "<p>Every evaluated point: mean total cost against mean out-of-area bed days a year. Filled points "
            + "meet every target with \(NumberFormat.fixed(100 * problem.confidence, 0))% confidence; hollow ones miss one, or "
            + "were too close to call. The ring marks the recommendation"
            + (problem.targets.contains { $0.kpi == "oap.bed_days" && $0.direction == .atMost } ? "; the dashed line, the out-of-area target" : "")
            + ".</p>\n"
        let groups: [(String, String, Bool, (PlanPoint.Status) -> Bool)] = [
            ("feasible", Palette.colour(0), true, { $0 == .feasible }),
            ("infeasible", Palette.colour(1), false, { if case .infeasible = $0 { true } else { false } }),
            ("undecided", Palette.colour(2), false, { if case .undecided = $0 { true } else { false } }),
        ]
        let chart = ScatterChart(
            groups: groups.map { name, colour, filled, test in
                ScatterChart.Group(name: name, colour: colour, filled: filled, points: result.evaluated.filter { test($0.status) }.map {
                    (mean($0, "oap.bed_days"), mean($0, "costs.total"), describe($0))
                })
            }.filter { !$0.points.isEmpty },
            marked: result.recommended.map { (mean(result.points[$0], "oap.bed_days"), mean(result.points[$0], "costs.total"),
                                              "recommended: " + describe(result.points[$0])) },
            xTitle: "Out-of-area bed days a year", yTitle: "Total cost a year (GBP)",
            xReference: problem.targets.first { $0.kpi == "oap.bed_days" && $0.direction == .atMost }.map {
                ReferenceLevel(value: $0.bound, label: "target: at most \(KPIText.value($0.bound, unit: KPIText.unit($0.kpi)))")
            }, yMoney: true).render()
        frontier.figures = [ChartFigure(
            id: "frontier", title: "Cost against out-of-area bed days",
            panels: [.init(title: "Cost against out-of-area bed days",
                           description: "Each evaluated point's mean total cost against its mean out-of-area bed days.", chart: chart)],
            caption: "\(result.evaluated.count) of \(result.points.count) points evaluated; \(result.replicationsRun) replications.",
            table: DataTable(caption: "Evaluated points", columns: axes.map(\.key) + ["status", "replications",
                                                                                        "out-of-area bed days", "total cost"],
                             rows: result.evaluated.map { point in
                                 point.values + [point.conclusion, String(point.replications),
                                                 KPIText.value(mean(point, "oap.bed_days"), unit: KPIText.unit("oap.bed_days")),
                                                 KPIText.value(mean(point, "costs.total"), unit: KPIText.unit("costs.total"))]
                             }, textColumns: [axes.count]))]
        var map = ReportSection(id: "feasibility", heading: "What the plan concluded at each point")
        map.body = "<p>A row per value of \(MarkupText.escape(axes[0].key))"
            + (axes.count > 1 ? ", a column per value of \(MarkupText.escape(axes[1].key))" : "")
            + (axes.count > 2 ? " (the first value of each further key)" : "")
            + ": feasible, infeasible (the target missed), undecided, or not evaluated (the answer did not need it); "
            + "inferred when called from another point by the directions the first stage showed; the replications spent in "
            + "brackets.</p>\n" + feasibilityTable(result)
        return ReportPage.document(title: "crisis-sim plan: \(problem.scenario)", fileStem: "plan")
            + """
            <header><h1>Plan for \(MarkupText.escape(problem.scenario))</h1>
            <p>\(MarkupText.escape(PlanText.question(problem)))</p>
            <p>\(MarkupText.escape(result.recommended.map { "Recommended: " + describe(result.points[$0]) } ?? "No point meets every target."))</p>
            </header>
            <main>
            \([frontier, map].map { $0.html() }.joined())</main>

            """ + ReportPage.closing
    }

    /// The grid as a table: the first key down, the second across.
    static func feasibilityTable(_ result: PlanResult) -> String {
        let problem = result.problem
        let axes = problem.grid.axes
        let columns = axes.count > 1 ? axes[1].values : [""]
        var rows: [[String]] = []
        for (i, value) in axes[0].values.enumerated() {
            var row = [value]
            for j in columns.indices {
                let point = result.points.first { point in
                    point.values[0] == axes[0].values[i] && (axes.count < 2 || point.values[1] == axes[1].values[j])
                        && zip(point.values.dropFirst(2), axes.dropFirst(2)).allSatisfy { $0 == $1.values[0] }
                }!
                var cell = point.conclusion
                if case .infeasible(let k) = point.status { cell += " (\(problem.targets[k].kpi))" }
                if point.inferredFrom != nil { cell += ", inferred" }
                if point.index == result.recommended { cell = "RECOMMENDED " + cell }
                if point.replications > 0 { cell += " [\(point.replications)]" }
                row.append(cell)
            }
            rows.append(row)
        }
        let heading = axes.count > 1 ? columns.map { "\(axes[1].key) = \($0)" } : ["status"]
        return DataTable(caption: "Feasibility", columns: [axes[0].key] + heading, rows: rows,
                         textColumns: Set(1...heading.count)).html()
    }
}
