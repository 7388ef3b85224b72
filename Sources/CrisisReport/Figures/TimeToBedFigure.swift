import CrisisExperiment

/// The distribution of the time from an admission request to a bed (distributions.csv).
enum TimeToBedFigure {
    static let title = "Time to a bed: distribution of waits"

    static let missing = "\(title): not drawn, because the result folder has no distributions.csv (run with --report)."

    static func figure(_ content: ReportContent) -> ChartFigure? {
        let scenarios = content.scenarios.enumerated().compactMap { index, scenario -> (Int, String, BinnedCounts)? in
            guard let counts = scenario.timeToBed, counts.total > 0 else { return nil }
            return (index, scenario.name, counts)
        }
        guard !scenarios.isEmpty else { return nil }
        // The axis covers 99% of every scenario's waits; the rest share one last bar. Bins
        // are the model's quarter hours for short waits, whole hours or more for long ones.
        let covering = scenarios.map { $0.2.upperEdge(covering: 0.99) }.map { $0.isFinite ? $0 : 168 }.max() ?? 1
        let width = covering <= 6 ? 0.25 : covering <= 24 ? 1 : covering <= 72 ? 4 : 12
        let limit = max(1, (covering / width - 1e-9).rounded(.up) * width)
        var groups = scenarios.map { $0.2.regrouped(width: width, limit: limit) }
        if groups.allSatisfy({ $0.last!.count == 0 }) { groups = groups.map { Array($0.dropLast()) } }
        let edges = groups[0].map(\.low) + [groups[0].last!.high]
        let series = zip(scenarios, groups).map { scenario, bins in
            HistogramChart.Series(name: scenario.1, colour: Palette.colour(scenario.0),
                                  shares: bins.map { 100 * $0.count / scenario.2.total })
        }
        let chart = HistogramChart(edges: edges, series: series, xTitle: "Time from admission request to a bed (hours)",
                                   yTitle: "Share of admissions (%)", edgeLabel: hours, binDescription: describe)
        var columns = ["wait"]
        for item in series { columns.append("\(item.name): % of admissions") }
        let rows = (0..<(edges.count - 1)).map { bin in
            [describe(edges[bin], edges[bin + 1])] + series.map { NumberFormat.fixed($0.shares[bin], 1) }
        }
        let counted = scenarios.map {
            "\(NumberFormat.grouped($0.2.total)) admissions in \($0.2.replications) replications for \($0.1)"
        }.joined(separator: "; ")
        return ChartFigure(
            id: "time-to-bed", title: title,
            panels: [.init(title: title,
                           description: "Bar chart of the share of admissions by the time they waited from the request "
                               + "to a local, network or out-of-area bed, in bins of \(hours(width)) hours.",
                           chart: chart.render())],
            caption: "Every admission after the warm-up (\(counted)), from distributions.csv: the model's quarter-hour "
                + "bins, added up over replications\(width == 0.25 ? "" : " and grouped into \(hours(width))-hour bars"). "
                + "Each bar counts waits from its left edge up to, not including, its right edge"
                + (edges.last!.isFinite ? "." : "; the last bar holds every wait of \(hours(limit)) hours or more.")
                + " Those who find every bed full wait until a local bed frees or the bed search finds one out of "
                + "area, whichever comes first. The KPI table gives the mean, the 95th percentile and the shares "
                + "waiting over 4 and 12 hours.",
            table: DataTable(caption: "Share of admissions by time to a bed", columns: columns, rows: rows))
    }

    /// Hours without trailing zeros: 0.25, 0.5, 4.
    static func hours(_ value: Double) -> String {
        var text = NumberFormat.fixed(value, 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func describe(_ low: Double, _ high: Double) -> String {
        high.isFinite ? "\(hours(low)) to under \(hours(high)) hours" : "\(hours(low)) hours or more"
    }
}
