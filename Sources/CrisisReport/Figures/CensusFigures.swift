import CrisisExperiment

/// Charts of the midnight census (daily.csv): a series over the run, day by day and, for long
/// runs, month by month; and the distribution of bed occupancy levels.
enum CensusFigures {
    /// A daily.csv series the report charts, and the words its charts need.
    struct Measure {
        let column: String
        /// The stem of its figures' ids: `<stem>-over-time` and `<stem>-by-month`.
        let stem: String
        /// What is charted, to head the figures: "Bed occupancy".
        let name: String
        /// The y axis title, with the unit.
        let yTitle: String
        let unit: String
        /// What is charted, mid-sentence: "local bed occupancy".
        let what: String
        var references: [ReferenceLevel] = []
        var yAtLeast: Double = 0
        var yAtMost: Double = .infinity
    }

    /// The 85% line every occupancy chart carries: the Royal College of Psychiatrists'
    /// recommended maximum bed occupancy, the level planners are asked about.
    static let recommendedMaximum = ReferenceLevel(value: 85, label: "85%: RCPsych recommended maximum")

    /// Occupancy is a share of the beds there are: its axis ends at 100%.
    static let occupancy = Measure(column: "occupancy", stem: "occupancy", name: "Bed occupancy",
                                   yTitle: "Local beds occupied (% of beds available)", unit: "%",
                                   what: "local bed occupancy", references: [recommendedMaximum], yAtLeast: 100,
                                   yAtMost: 100)
    static let outOfArea = Measure(column: "oap_active", stem: "oap", name: "Out-of-area placements active",
                                   yTitle: "People placed out of area (people)", unit: "people",
                                   what: "the number of people in out-of-area placements")
    static let caseload = Measure(column: "home_treatment_caseload", stem: "caseload",
                                  name: "Crisis team home treatment caseload",
                                  yTitle: "People on the home treatment caseload (people)", unit: "people",
                                  what: "the crisis resolution and home treatment caseload")

    /// Runs of at least this many months also get the month-by-month chart: enough points for a
    /// trend, where hundreds of daily values read as noise.
    static let monthlyViewFrom = 6

    /// Why a census chart is missing, when no scenario kept the census.
    static func missing(_ title: String) -> String {
        "\(title): not drawn, because the result folder has no daily.csv (run with --daily or --report)."
    }

    static func overTimeTitle(_ measure: Measure) -> String { "\(measure.name) over the run" }

    /// The day-by-day chart and, for a long run, the month-by-month one; none when no scenario
    /// kept the series.
    static func figures(_ content: ReportContent, _ measure: Measure) -> [ChartFigure] {
        [overTime(content, measure), byMonth(content, measure)].compactMap { $0 }
    }

    /// The scenarios that kept `measure`'s series, with their palette index.
    private static func scenarios(_ content: ReportContent, _ measure: Measure) -> [(index: Int, scenario: ScenarioResults)] {
        content.scenarios.enumerated().filter { $0.element.daily?.series[measure.column] != nil }
            .map { (index: $0.offset, scenario: $0.element) }
    }

    /// A data table's mean and 95% CI cells at `row` for each series (a day or a month of
    /// each scenario), "-" where a series has no such row or the value is undefined.
    private static func cells(at row: Int, of series: [[(mean: Double, lower: Double, upper: Double)]], unit: String) -> [String] {
        series.flatMap { estimates -> [String] in
            guard row < estimates.count else { return ["-", "-"] }
            let estimate = estimates[row]
            return [estimate.mean.isFinite ? NumberFormat.fixed(estimate.mean, 2) : "-",
                    KPIText.interval(lower: estimate.lower, upper: estimate.upper, unit: unit)]
        }
    }

    /// `measure` at each midnight of the run, one line and band per scenario.
    static func overTime(_ content: ReportContent, _ measure: Measure) -> ChartFigure? {
        let scenarios = scenarios(content, measure)
        guard !scenarios.isEmpty else { return nil }
        let bands = scenarios.map { $0.scenario.daily!.band(measure.column) }
        let series = zip(scenarios, bands).map { item, band in
            TimeSeriesChart.Series(name: item.scenario.name, colour: Palette.colour(item.index),
                                   points: band.map(TimeSeriesChart.Point.init(day:)))
        }
        let warmup = content.scenarios[0].provenance.warmupDays
        let days = bands.map(\.count).max() ?? 0
        var chart = TimeSeriesChart(series: series, xTitle: "Day of the run (days; the census is taken at midnight)",
                                    yTitle: measure.yTitle, xDomain: 0...Double(max(days, 1)), warmupEnd: warmup)
        chart.references = measure.references
        chart.yAtLeast = measure.yAtLeast
        chart.yAtMost = measure.yAtMost
        let replications = scenarios.map { $0.scenario.daily!.replications(measure.column) }.max() ?? 0
        var columns = ["day"]
        for item in series { columns += ["\(item.name): mean (\(measure.unit))", "\(item.name): 95% CI"] }
        let estimates = bands.map { $0.map { (mean: $0.mean, lower: $0.lower, upper: $0.upper) } }
        let rows = (0..<days).map { d in [String(d + 1)] + cells(at: d, of: estimates, unit: measure.unit) }
        let names = series.map(\.name).joined(separator: ", ")
        let title = overTimeTitle(measure)
        let referenceText = measure.references.map { " The dashed line marks \($0.label)." }.joined()
        return ChartFigure(
            id: "\(measure.stem)-over-time", title: title,
            panels: [.init(title: title,
                           description: "Line chart of \(measure.what) at each midnight of the run for \(names): the mean over "
                               + "\(replications) replications with its 95% confidence interval as a shaded band; the first "
                               + "\(NumberFormat.readable(warmup)) days are the warm-up.\(referenceText)",
                           chart: chart.render())],
            caption: "\(sentenceCase(measure.what)) at midnight, day by day from the start of the run: "
                + "the line is the mean of \(replications) replications, the band its 95% confidence interval (Student t). "
                + "The shaded warm-up (\(NumberFormat.readable(warmup)) days) is simulated but left out of every KPI."
                + referenceText + overTopNote(measure, bands.joined().map(\.mean)),
            table: DataTable(caption: "\(title), by day", columns: columns, rows: rows))
    }

    /// The monthly means of `measure`, one line and band per scenario with a point a month; for
    /// runs of at least `monthlyViewFrom` months.
    static func byMonth(_ content: ReportContent, _ measure: Measure) -> ChartFigure? {
        let scenarios = scenarios(content, measure)
        let months = scenarios.map { $0.scenario.daily!.monthly(measure.column) }
        guard let count = months.map(\.count).max(), count >= monthlyViewFrom else { return nil }
        let remaining = KPIText.remainingUnit(measure.unit)
        func value(_ number: Double) -> String {
            KPIText.value(number, unit: measure.unit) + (remaining.isEmpty || !number.isFinite ? "" : " \(remaining)")
        }
        func interval(_ month: MonthEstimate) -> String {
            let text = KPIText.interval(lower: month.lower, upper: month.upper, unit: measure.unit)
            return text == "-" ? "" : " (95% CI \(text)\(remaining.isEmpty ? "" : " \(remaining)"))"
        }
        let series = zip(scenarios, months).map { item, estimates in
            TimeSeriesChart.Series(
                name: item.scenario.name, colour: Palette.colour(item.index),
                points: estimates.map(TimeSeriesChart.Point.init(month:)),
                tooltips: estimates.map { month in
                    "\(item.scenario.name), month \(month.month) (days \(month.firstDay) to \(month.lastDay)): "
                        + value(month.mean) + interval(month)
                })
        }
        let warmup = content.scenarios[0].provenance.warmupDays
        // Month m spans m - 0.5 to m + 0.5 on the axis, so the warm-up ends between months.
        var chart = TimeSeriesChart(series: series, xTitle: "Month of the run (months of 365.25 / 12 days)",
                                    yTitle: measure.yTitle, xDomain: 0.5...(Double(count) + 0.5),
                                    warmupEnd: 0.5 + warmup / MonthEstimate.days)
        chart.references = measure.references
        chart.yAtLeast = measure.yAtLeast
        chart.yAtMost = measure.yAtMost
        chart.markers = true
        var columns = ["month", "days"]
        for item in series { columns += ["\(item.name): mean (\(measure.unit))", "\(item.name): 95% CI"] }
        let longest = months.max { $0.count < $1.count }!
        let estimates = months.map { $0.map { (mean: $0.mean, lower: $0.lower, upper: $0.upper) } }
        let rows = longest.indices.map { m in
            [String(m + 1), "\(longest[m].firstDay) to \(longest[m].lastDay)"] + cells(at: m, of: estimates, unit: measure.unit)
        }
        let replications = scenarios.map { $0.scenario.daily!.replications(measure.column) }.max() ?? 0
        let title = "\(measure.name), month by month"
        let referenceText = measure.references.map { " The dashed line marks \($0.label)." }.joined()
        let short = longest.last.map { $0.lastDay - $0.firstDay + 1 < Int(MonthEstimate.days) } ?? false
        return ChartFigure(
            id: "\(measure.stem)-by-month", title: title,
            panels: [.init(title: title,
                           description: "Line chart with a point a month of the monthly mean of \(measure.what) for "
                               + series.map(\.name).joined(separator: ", ") + ", over \(count) months, with 95% "
                               + "confidence intervals as a shaded band.\(referenceText)",
                           chart: chart.render())],
            caption: "The same census averaged month by month (a month is a twelfth of 365.25 days): each point is the "
                + "mean over \(replications) replications of each replication's average of its midnight counts that "
                + "month, the band its 95% confidence interval; hover over a point, or open the table, for its value. The shaded months are "
                + "the warm-up." + referenceText
                + (short ? " The last month is short: the run ends on day \(longest.last!.lastDay)." : "")
                + overTopNote(measure, months.joined().map(\.mean)),
            table: DataTable(caption: "\(title)", columns: columns, rows: rows))
    }

    /// Why a point sits on the top edge, when a mean passes the axis's end: after a cut in beds,
    /// people in beds above the new number stay.
    private static func overTopNote(_ measure: Measure, _ means: [Double]) -> String {
        guard measure.yAtMost.isFinite, means.contains(where: { $0 > measure.yAtMost }) else { return "" }
        return " The axis stops at \(NumberFormat.readable(measure.yAtMost))\(measure.unit): when beds are cut, people "
            + "already in them stay, so occupancy can pass it for a while; such days are drawn on the top edge and "
            + "the table gives their values."
    }

    private static func sentenceCase(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

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
        let span = min(max(highest, reference), 100) - min(lowest, reference)
        let width = (whole ? [1.0, 2, 5, 10] : [5.0, 10]).first { span / $0 <= 40 } ?? 10
        let first = Int((min(lowest, reference) / width + 1e-9).rounded(.down))
        // The axis ends at 100%: a full ward (or one over-full after a cut in beds) is one last
        // bar of its own, so the days every bed was taken stand apart.
        let full = highest >= 100 - 1e-9
        let last = full ? Int((100 / width).rounded()) : Int((max(highest, reference) / width + 1e-9).rounded(.down)) + 1
        var edges = (first...max(last, first + 1)).map { Double($0) * width }
        if full { edges.append(.infinity) }
        let series = scenarios.map { index, name, values -> HistogramChart.Series in
            var counts = [Double](repeating: 0, count: edges.count - 1)
            for value in values {
                counts[value >= 100 - 1e-9 ? counts.count - 1 : Int((value / width + 1e-9).rounded(.down)) - first] += 1
            }
            return HistogramChart.Series(name: name, colour: Palette.colour(index),
                                         shares: counts.map { values.isEmpty ? 0 : 100 * $0 / Double(values.count) })
        }
        let points = width == 1 ? "1 percentage point" : "\(NumberFormat.fixed(width, 0)) percentage points"
        func describe(_ low: Double, _ high: Double) -> String {
            high.isFinite ? "\(NumberFormat.fixed(low, 0))% to under \(NumberFormat.fixed(high, 0))%" : "every bed full (100%)"
        }
        var chart = HistogramChart(edges: edges, series: series, xTitle: "Local beds occupied at midnight (% of beds available)",
                                   yTitle: "Share of days (%)", edgeLabel: { NumberFormat.fixed($0, 0) },
                                   binDescription: describe)
        chart.openEndLabel = "full"
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
                + "including, \(NumberFormat.fixed(85 + width, 0))%. Bars right of the dashed line are days at or above the 85% recommended maximum."
                + (full ? " The last bar, 'full', counts the days every local bed was taken (with a cut in beds, a few may "
                    + "have had more people than beds)." : ""),
            table: DataTable(caption: "Share of days at each occupancy level, after the warm-up", columns: columns, rows: rows))
    }
}
