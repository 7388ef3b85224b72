import CrisisExperiment

/// Section 136 detentions: where people were taken (places of safety) and how many were held
/// beyond the legal limit, from the KPI summaries.
enum Section136Figures {
    static let places: [(id: String, label: String)] = [
        ("s136.detentions", "All detentions"),
        ("s136.place.hbpos", "Health-based place of safety"),
        ("s136.place.emergency_department", "Emergency department"),
        ("s136.place.police_custody", "Police custody"),
    ]

    static let breaches: [(id: String, label: String)] = [
        ("s136.breaches_of_limit", "Beyond the legal limit"),
        ("s136.breaches_of_extended_limit", "Beyond the limit plus extension"),
    ]

    static func figures(_ content: ReportContent) -> [ChartFigure] {
        [figure(content, kpis: places, id: "s136-places", title: "Section 136: where detained people were taken",
                what: "section 136 detentions by place of safety",
                caption: "Detentions per year of the measured period by the place of safety used: mean over replications "
                    + "with its 95% confidence interval (whiskers; cut at zero, as a count cannot be negative)."),
         figure(content, kpis: breaches, id: "s136-breaches", title: "Section 136: detentions held beyond the time limit",
                what: "section 136 detentions longer than the legal limit, and than the limit plus its extension",
                caption: "Detentions per year held at a place of safety longer than the scenario's legal limit (24 hours "
                    + "since 2017), and longer than the limit plus the extension (36 hours): mean with 95% confidence "
                    + "interval.")]
            .compactMap { $0 }
    }

    static func figure(_ content: ReportContent, kpis: [(id: String, label: String)], id: String, title: String,
                       what: String, caption: String) -> ChartFigure? {
        let present = kpis.filter { kpi in content.scenarios.contains { $0.kpi(kpi.id) != nil } }
        guard !present.isEmpty else { return nil }
        let series = content.scenarios.enumerated().map { (name: $0.element.name, colour: Palette.colour($0.offset)) }
        let rows = present.map { kpi in
            IntervalBarChart.Row(label: kpi.label, estimates: content.scenarios.map { $0.kpi(kpi.id) })
        }
        let chart = IntervalBarChart(series: series, rows: rows, xTitle: "Detentions (per year)")
        var columns = ["measure"]
        for scenario in content.scenarios { columns += ["\(scenario.name): per year", "\(scenario.name): 95% CI"] }
        let tableRows = present.map { kpi in
            [kpi.label] + content.scenarios.flatMap { scenario -> [String] in
                guard let value = scenario.kpi(kpi.id) else { return ["-", "-"] }
                return [KPIText.value(value.mean, unit: value.unit), KPIText.interval(lower: value.lower, upper: value.upper, unit: value.unit)]
            }
        }
        return ChartFigure(
            id: id, title: title,
            panels: [.init(title: title,
                           description: "Horizontal bar chart of \(what), per year, with 95% confidence intervals, for "
                               + content.scenarios.map(\.name).joined(separator: ", ") + ".",
                           chart: chart.render())],
            caption: caption,
            table: DataTable(caption: title, columns: columns, rows: tableRows))
    }
}
