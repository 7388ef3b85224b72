import CrisisExperiment

/// Charts of the midnight census (daily.csv): a series over the run, and the distribution of
/// bed occupancy levels.
enum CensusFigures {
    /// The 85% line every occupancy chart carries: the Royal College of Psychiatrists'
    /// recommended maximum bed occupancy, the level planners are asked about.
    static let recommendedMaximum = ReferenceLevel(value: 85, label: "85%: RCPsych recommended maximum")

    /// Why a census chart is missing, when no scenario kept the census.
    static func missing(_ title: String) -> String {
        "\(title): not drawn, because the result folder has no daily.csv (run with --daily or --report)."
    }

    /// Series `column` of daily.csv over the run, one line and band per scenario; nil when no
    /// scenario has it.
    static func overTime(_ content: ReportContent, column: String, id: String, title: String, yTitle: String,
                         unit: String, what: String, references: [ReferenceLevel] = [],
                         yAtLeast: Double = 0) -> ChartFigure? {
        let scenarios = content.scenarios.enumerated().filter { $0.element.daily?.series[column] != nil }
        guard !scenarios.isEmpty else { return nil }
        let series = scenarios.map { index, scenario in
            TimeSeriesChart.Series(name: scenario.name, colour: Palette.colour(index), points: scenario.daily!.band(column))
        }
        let warmup = content.scenarios[0].provenance.warmupDays
        var chart = TimeSeriesChart(series: series, yTitle: yTitle, warmupDays: warmup)
        chart.references = references
        chart.yAtLeast = yAtLeast
        let replications = scenarios.map { $0.element.daily!.replications(column) }.max() ?? 0
        var columns = ["day"]
        for item in series { columns += ["\(item.name): mean (\(unit))", "\(item.name): 95% CI"] }
        let days = series.map(\.points.count).max() ?? 0
        let rows = (0..<days).map { d -> [String] in
            var row = [String(d + 1)]
            for item in series {
                guard d < item.points.count else {
                    row += ["-", "-"]
                    continue
                }
                let point = item.points[d]
                row += [point.mean.isFinite ? NumberFormat.fixed(point.mean, 2) : "-",
                        KPITableSection.interval(point.lower, point.upper)]
            }
            return row
        }
        let names = series.map(\.name).joined(separator: ", ")
        let referenceText = references.map { " The dashed line marks \($0.label)." }.joined()
        return ChartFigure(
            id: id, title: title,
            panels: [.init(title: title,
                           description: "Line chart of \(what) at each midnight of the run for \(names): the mean over "
                               + "\(replications) replications with its 95% confidence interval as a shaded band; the first "
                               + "\(NumberFormat.readable(warmup)) days are the warm-up.\(referenceText)",
                           chart: chart.render())],
            caption: "\(what.prefix(1).uppercased() + what.dropFirst()) at midnight, day by day from the start of the run: "
                + "the line is the mean of \(replications) replications, the band its 95% confidence interval (Student t). "
                + "The shaded warm-up (\(NumberFormat.readable(warmup)) days) is simulated but left out of every KPI."
                + referenceText,
            table: DataTable(caption: "\(title), by day", columns: columns, rows: rows))
    }

    /// How often midnight occupancy sat at each level during the measured period.
    static func occupancyDistribution(_ content: ReportContent) -> ChartFigure? {
        let scenarios = content.scenarios.enumerated().compactMap { index, scenario -> (Int, String, [Double])? in
            guard let daily = scenario.daily, daily.series["occupancy"] != nil else { return nil }
            return (index, scenario.name, daily.values("occupancy", afterDay: scenario.provenance.warmupDays))
        }
        let all = scenarios.flatMap(\.2)
        guard let lowest = all.min(), let highest = all.max() else { return nil }
        let reference = recommendedMaximum.value
        // The narrowest of 1, 2, 5 or 10 points that keeps the bars few enough to read. With
        // bed numbers other than 100 the census is not a whole percentage: 1-point bins would
        // hold one level or two (110 beds: 90.0% and 90.9% share a bin) and draw false spikes,
        // so bins start at 5 points. 85 stays a bin edge either way.
        let whole = all.allSatisfy { abs($0 - $0.rounded()) < 1e-9 }
        let span = max(highest, reference) - min(lowest, reference)
        let width = (whole ? [1.0, 2, 5, 10] : [5.0, 10]).first { span / $0 <= 40 } ?? 10
        let first = Int((min(lowest, reference) / width + 1e-9).rounded(.down))
        let last = Int((max(highest, reference) / width + 1e-9).rounded(.down))
        let edges = (first...(last + 1)).map { Double($0) * width }
        let series = scenarios.map { index, name, values -> HistogramChart.Series in
            var counts = [Double](repeating: 0, count: edges.count - 1)
            for value in values { counts[Int((value / width + 1e-9).rounded(.down)) - first] += 1 }
            return HistogramChart.Series(name: name, colour: Palette.colour(index),
                                         shares: counts.map { values.isEmpty ? 0 : 100 * $0 / Double(values.count) })
        }
        let points = width == 1 ? "1 percentage point" : "\(NumberFormat.fixed(width, 0)) percentage points"
        func describe(_ low: Double, _ high: Double) -> String {
            "\(NumberFormat.fixed(low, 0))% to under \(NumberFormat.fixed(high, 0))%"
        }
        var chart = HistogramChart(edges: edges, series: series, xTitle: "Local beds occupied at midnight (% of beds available)",
                                   yTitle: "Share of days (%)", edgeLabel: { NumberFormat.fixed($0, 0) },
                                   binDescription: describe)
        chart.reference = recommendedMaximum
        var columns = ["occupancy"]
        for item in series { columns.append("\(item.name): % of days") }
        let rows = (0..<(edges.count - 1)).map { bin in
            [describe(edges[bin], edges[bin + 1])] + series.map { NumberFormat.fixed($0.shares[bin], 1) }
        }
        let days = scenarios.map { "\($0.2.count) for \($0.1)" }.joined(separator: ", ")
        let title = "How full the beds were: distribution of occupancy levels"
        return ChartFigure(
            id: "occupancy-distribution", title: title,
            panels: [.init(title: title,
                           description: "Bar chart of the share of days at each level of midnight bed occupancy, in bins of "
                               + "\(points), after the warm-up, with the 85% recommended maximum marked.",
                           chart: chart.render())],
            caption: "Computed from daily.csv: the midnight census of every replication after the warm-up, pooled "
                + "(\(days) days). Bars are \(points) wide\(whole ? "" : " (the census is not a whole percentage of beds)")"
                + ": the bar from 85 counts days from 85% up to, not "
                + "including, \(NumberFormat.fixed(85 + width, 0))%. Bars right of the dashed line are days at or above the 85% recommended maximum.",
            table: DataTable(caption: "Share of days at each occupancy level, after the warm-up", columns: columns, rows: rows))
    }
}
