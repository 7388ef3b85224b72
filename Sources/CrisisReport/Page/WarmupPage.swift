import CrisisExperiment

/// The page `crisis-sim warmup` writes: the midnight bed census of replications started empty,
/// its Welch moving average, and the MSER-5 recommendation shaded as the warm-up.
public enum WarmupPage {
    /// What the analysis found, for the page.
    public struct Analysis: Sendable {
        public let scenario: String
        public let scenarioHash: String
        public let replications: Int
        /// Per day: the across-replication mean with its 95% interval.
        public let census: [DayEstimate]
        /// Welch's moving average of the means, and its window (days each side).
        public let welch: [Double]
        public let window: Int
        /// The MSER-5 truncation point, days.
        public let recommendedDays: Int

        public init(scenario: String, scenarioHash: String, replications: Int, census: [DayEstimate], welch: [Double],
                    window: Int, recommendedDays: Int) {
            self.scenario = scenario
            self.scenarioHash = scenarioHash
            self.replications = replications
            self.census = census
            self.welch = welch
            self.window = window
            self.recommendedDays = recommendedDays
        }
    }

    public static func html(_ analysis: Analysis) -> String {
        let welch = analysis.welch.enumerated().map {
            TimeSeriesChart.Point(day: DayEstimate(day: $0.offset + 1, mean: $0.element, lower: .nan, upper: .nan))
        }
        let chart = TimeSeriesChart(
            series: [.init(name: "mean of \(analysis.replications) replications", colour: Palette.colour(0),
                           points: analysis.census.map(TimeSeriesChart.Point.init(day:))),
                     .init(name: "Welch moving average (window ±\(analysis.window) days)", colour: Palette.colour(1),
                           points: welch)],
            xTitle: "Day of the run (days; the census is taken at midnight)", yTitle: "Beds occupied at midnight (beds)",
            xDomain: 0...Double(max(analysis.census.count, 1)), warmupEnd: Double(analysis.recommendedDays))
        let rows = analysis.census.enumerated().map { d, point in
            [String(point.day), NumberFormat.fixed(point.mean, 2), KPIText.interval(lower: point.lower, upper: point.upper, unit: "beds"),
             d < analysis.welch.count ? NumberFormat.fixed(analysis.welch[d], 2) : "-"]
        }
        let figure = ChartFigure(
            id: "warmup", title: "Beds occupied from an empty start",
            panels: [.init(title: "Beds occupied from an empty start",
                           description: "Line chart of beds occupied at each midnight, averaged over \(analysis.replications) "
                               + "replications started empty, with its 95% interval and Welch's moving average; the first "
                               + "\(analysis.recommendedDays) days, the recommended warm-up, are shaded.",
                           chart: chart.render())],
            caption: "The system starts empty, so early days under-count occupancy. MSER-5 (White 1997) picks the "
                + "truncation point that minimises the variance of the mean of what remains: \(analysis.recommendedDays) days, "
                + "shaded. Welch's moving average (Law & Kelton §9.5.1) is drawn for judging by eye; choose a warm-up at "
                + "least as long as the point where it flattens.",
            table: DataTable(caption: "Beds occupied at midnight, by day",
                             columns: ["day", "mean (beds)", "95% CI", "Welch average (beds)"], rows: rows))
        var section = ReportSection(id: "warmup", heading: "Choosing the warm-up")
        section.body = "<p>Recommended warm-up: <strong>\(analysis.recommendedDays) days</strong> (MSER-5). "
            + "Set it in the scenario as <code>run.warmup_days</code> or on the command line as "
            + "<code>--warmup-days \(analysis.recommendedDays)</code>.</p>\n"
        section.figures = [figure]
        return ReportPage.document(title: "crisis-sim warm-up: \(analysis.scenario)", fileStem: "warmup-\(analysis.scenario)")
            + """
            <header><h1>Warm-up for \(MarkupText.escape(analysis.scenario))</h1>
            <p>Scenario \(MarkupText.escape(analysis.scenarioHash)); \(analysis.replications) replications started empty.</p>
            </header>
            <main>
            \(section.html())</main>

            """ + ReportPage.closing
    }
}
