import CrisisExperiment
@testable import CrisisReport
import Foundation
import XCTest

/// The renderer on small synthetic results: escaping, determinism, marks bound to the data,
/// and what makes the charts readable without seeing them.
final class ReportPageTests: XCTestCase {
    func testUserTextIsEscaped() {
        var scenario = SyntheticResults.scenario(name: "<script>alert('x')</script> & \"co\"")
        scenario.provenance.scenario = "Scenarios/<b>.yaml"
        let page = ReportPage.html(ReportContent(scenarios: [scenario]))
        XCTAssertEqual(page.components(separatedBy: "<script").count - 1, 1, "the page's own script; user text cannot make one")
        XCTAssertFalse(page.contains("<b>"))
        XCTAssertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"))
        XCTAssertTrue(page.contains("KPIs for area:North &amp; South"))
        XCTAssertEqual(MarkupText.escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;")
    }

    func testSameResultsGiveTheSameBytes() {
        let first = ReportPage.html(SyntheticResults.comparison())
        let second = ReportPage.html(SyntheticResults.comparison())
        XCTAssertEqual(first, second)
        XCTAssertEqual(Array(first.utf8), Array(second.utf8))
    }

    /// The page is self-contained: nothing is fetched, and a policy forbids fetching. Its one
    /// script (chart downloads) is inline, allowed by its hash alone, and uses no network.
    func testPageLoadsNothingFromOutside() throws {
        let page = ReportPage.html(SyntheticResults.comparison())
        XCTAssertTrue(page.contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            + "script-src 'sha256-\(SHA256.base64(ChartDownloadScript.source))'; img-src blob:\""))
        for pattern in ["https://", "src=", "<link", "@import", "url(", "'unsafe-eval'"] {
            XCTAssertFalse(page.contains(pattern), pattern)
        }
        let scripts = page.components(separatedBy: "<script").dropFirst()
        XCTAssertEqual(scripts.count, 1)
        let script = try XCTUnwrap(scripts.first?.components(separatedBy: "</script>").first)
        XCTAssertEqual(script, ">" + ChartDownloadScript.source, "inline, with no attributes")
        for network in ["://", "fetch(", "XMLHttpRequest", "WebSocket", "EventSource", "sendBeacon", "import(", ".open(",
                        "eval(", "Function("] {
            XCTAssertFalse(script.contains(network), "the download script reaches out: \(network)")
        }
        // The only http:// is the SVG namespace name, which is never fetched.
        XCTAssertEqual(page.components(separatedBy: "http://").count - 1,
                       page.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
    }

    /// The occupancy line has one point per day, at the day's mean over replications, and
    /// its band spans the t interval.
    func testOccupancyLineIsBoundToTheDailyMeans() throws {
        let scenario = SyntheticResults.scenario()
        let band = scenario.daily!.band("occupancy")
        XCTAssertEqual(band.count, 20)
        XCTAssertEqual(band[0].mean, 81)  // (80 + 81 + 82) / 3
        XCTAssertEqual(band[19].mean, 100)
        // Replications 80, 81, 82: s = 1, t(0.975, 2) = 4.303, half-width 4.303 / sqrt 3.
        XCTAssertEqual(band[0].upper - band[0].mean, 4.302653 / 3.0.squareRoot(), accuracy: 1e-5)

        let figure = try XCTUnwrap(CensusFigures.overTime(ReportContent(scenarios: [scenario]), CensusFigures.occupancy))
        let svg = figure.html()
        XCTAssertTrue(svg.contains("class=\"mark line\" stroke=\"#0072B2\" data-series=\"base\" data-points=\"20\""))
        XCTAssertTrue(svg.contains("class=\"mark band\""))
        let line = try XCTUnwrap(attribute("d", ofElementWith: "class=\"mark line\"", in: svg))
        XCTAssertEqual(line.filter { $0 == "L" }.count + 1, 20, "one vertex a day")
        XCTAssertTrue(svg.contains("85%: RCPsych recommended maximum"))
        XCTAssertTrue(svg.contains("data-value=\"85.0\""), "the reference line carries its value")
        XCTAssertEqual(figure.table.rows.count, 20)
        XCTAssertEqual(figure.table.rows[0][1], "81.00")
    }

    /// Occupancy levels come from the census after the warm-up only, and the bars add up to
    /// every such day.
    func testOccupancyDistributionCountsMeasuredDaysOnly() throws {
        let figure = try XCTUnwrap(CensusFigures.occupancyDistribution(ReportContent(scenarios: [SyntheticResults.scenario()])))
        let svg = figure.html()
        let shares = values("data-value", ofElementsWith: "class=\"mark bar\"", in: svg)
        XCTAssertEqual(shares.reduce(0, +), 100, accuracy: 1e-9)
        // Days 11...20 of replications 0, 1, 2: 90...99, 91...100, 92...101; 30 days.
        let bins = figure.table.rows.map(\.[0])
        XCTAssertEqual(bins.first, "85% to under 86%", "the axis reaches the 85% line")
        XCTAssertEqual(Array(bins.suffix(2)), ["99% to under 100%", "every bed full (100%)"], "the axis stops at 100%")
        let ninety = try XCTUnwrap(figure.table.rows.first { $0[0] == "90% to under 91%" })
        XCTAssertEqual(ninety[1], NumberFormat.fixed(100.0 / 30, 1))
        // 100 in replication 1 and 100, 101 in replication 2 (more people than beds, after a cut).
        XCTAssertEqual(figure.table.rows.last?[1], NumberFormat.fixed(300.0 / 30, 1))
        XCTAssertTrue(svg.contains(">full</text>"), "the last bar is labelled as full, not by a number past 100")
        XCTAssertFalse(tickLabels(in: svg).contains("101"))
        XCTAssertTrue(figure.caption.contains("after the warm-up"), figure.caption)
    }

    func testTimeToBedBarsAreSharesOfAdmissions() throws {
        let figure = try XCTUnwrap(TimeToBedFigure.figure(ReportContent(scenarios: [SyntheticResults.scenario()])))
        let shares = values("data-value", ofElementsWith: "class=\"mark bar\"", in: figure.html())
        XCTAssertEqual(shares.count, 17, "quarter hours up to 4.25 hours, which cover 99% of waits")
        XCTAssertEqual(shares[0], 75)
        XCTAssertEqual(shares[4], 15)
        XCTAssertEqual(shares[16], 10)
        XCTAssertEqual(figure.table.rows[16][0], "4 to under 4.25 hours")
    }

    /// Long waits regroup into wider bins with the tail in one open-ended bar.
    func testLongWaitsAreRegroupedWithAnOpenEndedLastBar() {
        let counts = BinnedCounts(bins: [.init(low: 0, high: 0.25, count: 50), .init(low: 30.5, high: 30.75, count: 45),
                                         .init(low: 168, high: .infinity, count: 5)], replications: 1)
        let bins = counts.regrouped(width: 4, limit: 32)
        XCTAssertEqual(bins.count, 9)
        XCTAssertEqual(bins[0].count, 50)
        XCTAssertEqual(bins[7].count, 45)
        XCTAssertEqual(bins[8].low, 32)
        XCTAssertEqual(bins[8].high, .infinity)
        XCTAssertEqual(bins[8].count, 5)
        XCTAssertEqual(counts.upperEdge(covering: 0.9), 30.75)
    }

    func testIntervalBarsCarryTheMeanAndTheInterval() {
        let figures = Section136Figures.figures(ReportContent(scenarios: [SyntheticResults.scenario()]))
        XCTAssertEqual(figures.map(\.id), ["s136-places", "s136-breaches"])
        let places = figures[0].html()
        XCTAssertEqual(values("data-value", ofElementsWith: "class=\"mark bar\"", in: places), [250, 180, 65, 0.5])
        XCTAssertTrue(places.contains("data-low=\"-0.1\" data-high=\"1.1\""), "the whisker keeps the true interval")
        XCTAssertTrue(places.contains("Detentions (per year)"))
    }

    func testComparisonHasBarsPerScenarioAndADifferenceChart() throws {
        let content = SyntheticResults.comparison()
        let figures = ComparisonFigures.figures(content)
        XCTAssertEqual(figures.map(\.id), ["headline-kpis", "differences"])
        let bars = figures[0].html()
        XCTAssertTrue(bars.contains("data-value=\"93.5\""))
        XCTAssertTrue(bars.contains("data-value=\"88.5\""))
        let differences = figures[1].html()
        let points = values("data-value", ofElementsWith: "class=\"mark point\"", in: differences)
        XCTAssertEqual(points.count, 2, "s136.detentions did not change, so it is in the table only")
        XCTAssertEqual(points[0], -500.0 / 93.5, accuracy: 1e-9)
        XCTAssertTrue(differences.contains("Difference from the base (% of the base mean)"))
        XCTAssertEqual(figures[1].table.rows.count, 3)
        // One colour per scenario, the same in every chart.
        XCTAssertTrue(ReportPage.html(content).contains("stroke=\"#D55E00\" data-series=\"more-beds\""))
    }

    /// Every chart is an image with a title and description it names, axis titles with
    /// units, and a table of its data.
    func testEveryChartHasATitleUnitsAndATable() throws {
        let page = ReportPage.html(SyntheticResults.comparison())
        let svgs = page.components(separatedBy: "<svg ").dropFirst()
        XCTAssertEqual(svgs.count, 4 + 8, "4 headline panels, differences, 2 occupancy, oap, waits, 2 s136, caseload")
        for svg in svgs {
            let labelled = try XCTUnwrap(attribute("aria-labelledby", ofElementWith: "role=\"img\"", in: "<svg " + svg))
            let ids = labelled.split(separator: " ").map(String.init)
            XCTAssertEqual(ids.count, 2)
            XCTAssertTrue(svg.contains("<title id=\"\(ids[0])\">"), ids[0])
            XCTAssertTrue(svg.contains("<desc id=\"\(ids[1])\">"), ids[1])
            XCTAssertTrue(svg.contains("class=\"mark "), "every chart draws marks from data")
            let axisTitles = svg.components(separatedBy: "class=\"axis-title\"").dropFirst()
            XCTAssertFalse(axisTitles.isEmpty)
            for title in axisTitles {
                let text = String(title.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })
                XCTAssertTrue(text.contains("(") && text.contains(")"), "axis title without a unit: \(text)")
            }
        }
        let figures = page.components(separatedBy: "<figure ").dropFirst()
        XCTAssertEqual(figures.count, 9)
        for figure in figures {
            XCTAssertTrue(figure.contains("<table"), "each figure has a table alternative")
            XCTAssertTrue(figure.contains("<figcaption>"))
        }
        XCTAssertEqual(Set(page.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }).count,
                       page.components(separatedBy: " id=\"").count - 1, "ids are unique")
    }

    func testMissingDataIsExplainedNotHidden() {
        var scenario = SyntheticResults.scenario()
        scenario.daily = nil
        scenario.timeToBed = nil
        let content = ReportContent(scenarios: [scenario])
        let page = ReportPage.html(content)
        XCTAssertFalse(page.contains("id=\"occupancy-over-time\""))
        XCTAssertTrue(page.contains("no daily.csv (run with --daily or --report)"))
        XCTAssertTrue(page.contains("no distributions.csv (run with --report)"))
        XCTAssertTrue(page.contains("id=\"s136-places\""), "charts from the KPI summaries still appear")
        XCTAssertEqual(ReportPage.sections(content).flatMap(\.missing).count, 5)
    }

    func testScaleTicksAreRoundNumbers() {
        let scale = LinearScale(covering: 0, 93.7, pixels: 0, 100)
        XCTAssertEqual(scale.ticks, [0, 20, 40, 60, 80, 100])
        XCTAssertEqual(scale(50), 50)
        let small = LinearScale(covering: 0, 1.7, pixels: 0, 1)
        XCTAssertEqual(small.ticks.map(small.label), ["0.0", "0.5", "1.0", "1.5", "2.0"])
        let costs = LinearScale(covering: 0, 19_888_947, pixels: 0, 1, ticks: 4)
        XCTAssertEqual(costs.label(costs.ticks.last!), "20,000,000")
    }

    /// Occupancy is a share of the beds there are: its axis ends at 100% though the data (after
    /// a cut in beds) and the bands pass it, and the marks stay inside the plot.
    func testOccupancyAxisStopsAt100() throws {
        let figure = try XCTUnwrap(CensusFigures.overTime(ReportContent(scenarios: [SyntheticResults.scenario()]),
                                                          CensusFigures.occupancy))
        let svg = figure.html()
        XCTAssertEqual(yTickLabels(in: svg).last, "100")
        let top = try XCTUnwrap(values("y1", ofElementsWith: "class=\"grid\"", in: svg).min())
        let band = try XCTUnwrap(attribute("d", ofElementWith: "class=\"mark band\"", in: svg))
        let ys = band.split(whereSeparator: { "MLZ".contains($0) }).compactMap { Double($0.split(separator: ",").last ?? "") }
        XCTAssertEqual(ys.min(), top, "the band is cut at the top of the axis")
    }

    /// A legend key is drawn as its mark is: the same class and the same colour, so a band's key
    /// looks like the band and a line's like the line.
    func testLegendKeysLookLikeTheirMarks() throws {
        let page = ReportPage.html(SyntheticResults.comparison())
        let figure = try XCTUnwrap(page.components(separatedBy: "<figure ").first { $0.contains("id=\"occupancy-over-time\"") })
        for (kind, colourAttribute) in [("band", "fill"), ("line", "stroke")] {
            let keys = attributes(colourAttribute, ofElementsWith: "class=\"key \(kind)\"", in: figure)
            let marks = attributes(colourAttribute, ofElementsWith: "class=\"mark \(kind)\"", in: figure)
            XCTAssertEqual(keys, ["#0072B2", "#D55E00"], "a \(kind) key per scenario, in its colour")
            XCTAssertEqual(keys, marks, "each \(kind) key has the colour of its scenario's \(kind)")
        }
        XCTAssertEqual(attributes("class", ofElementsWith: "class=\"key warmup\"", in: figure).count, 1,
                       "the warm-up key is drawn with the warm-up's own class")
        XCTAssertTrue(ReportPage.style.contains(".band{fill-opacity:.22"), "which the stylesheet gives keys and marks alike")
    }

    /// A long run also gets each census series month by month: a point a month at the mean of
    /// each replication's monthly mean, with its interval, the warm-up in months.
    func testLongRunsGetAMonthlyView() throws {
        let days = 400
        // Replication r is 80 + r on every day of month 1, 90 + r after; three replications.
        let occupancy = (0..<3).map { r in (1...days).map { d in Double(d <= 30 ? 80 + r : 90 + r) } }
        var scenario = SyntheticResults.scenario()
        scenario.daily = DailyCensus(series: ["occupancy": occupancy])
        scenario.provenance.warmupDays = 365
        let content = ReportContent(scenarios: [scenario])
        let figure = try XCTUnwrap(CensusFigures.byMonth(content, CensusFigures.occupancy))
        XCTAssertEqual(figure.id, "occupancy-by-month")
        // 400 days are 13 months of 30.4375 days and part of a 14th.
        XCTAssertEqual(figure.table.rows.count, 14)
        XCTAssertEqual(figure.table.rows[0].prefix(3), ["1", "1 to 30", "81.00"])
        XCTAssertEqual(figure.table.rows[1].prefix(3), ["2", "31 to 60", "91.00"])
        XCTAssertEqual(figure.table.rows[13].prefix(2), ["14", "396 to 400"])
        let svg = figure.html()
        XCTAssertEqual(values("data-value", ofElementsWith: "class=\"mark point\"", in: svg).prefix(2), [81, 91])
        XCTAssertTrue(svg.contains("<title>base, month 1 (days 1 to 30): 81.0%"), "each point says its month and value")
        XCTAssertTrue(svg.contains(">Month of the run (months of 365.25 / 12 days)</text>"))
        XCTAssertTrue(figure.caption.contains("The last month is short"))
        XCTAssertEqual(ReportPage.sections(content).flatMap(\.figures).map(\.id).filter { $0.hasSuffix("-by-month") },
                       ["occupancy-by-month"], "next to the daily chart of each series the run kept")
        // A short run has no monthly view: five points do not make a trend.
        scenario.daily = DailyCensus(series: ["occupancy": occupancy.map { Array($0.prefix(150)) }])
        XCTAssertNil(CensusFigures.byMonth(ReportContent(scenarios: [scenario]), CensusFigures.occupancy))
    }

    /// Tables and charts name KPIs by label; the identifier is kept small beside the label in
    /// tables, for finding the KPI in the result files; values read as people write them.
    func testKPIsAreNamedByLabel() throws {
        let content = SyntheticResults.comparison()
        let page = ReportPage.html(content)
        XCTAssertTrue(page.contains("<th scope=\"row\">Bed occupancy<span class=\"row-note\">beds.occupancy</span></th>"))
        XCTAssertTrue(page.contains("<th scope=\"rowgroup\" colspan=\"6\">Local beds</th>"), "grouped by the part of the pathway")
        let table = KPITableSection.table(content, stratum: "all", caption: "")
        let occupancy = try XCTUnwrap(table.rows.first { $0[0] == "Bed occupancy" })
        XCTAssertEqual(occupancy, ["Bed occupancy", "93.5%", "92.0% to 95.0%", "88.5%", "92.0% to 95.0%", ""])
        let custody = try XCTUnwrap(table.rows.first { $0[0] == "Section 136: police custody" })
        XCTAssertEqual(custody[2], "0.00 to 1.10", "a count's interval is cut at zero")
        // No chart labels a mark, axis or panel with an identifier.
        for svg in page.components(separatedBy: "<svg ").dropFirst().map({ $0.components(separatedBy: "</svg>")[0] }) {
            for text in svg.components(separatedBy: "</text>").map({ String($0.reversed().prefix { $0 != ">" }.reversed()) }) {
                for id in ["beds.occupancy", "oap.placements", "s136.detentions"] {
                    XCTAssertFalse(text.contains(id), "\(text) in a chart")
                }
            }
        }
        let headline = try XCTUnwrap(ComparisonFigures.headlineBars(content))
        XCTAssertEqual(headline.panels.map(\.title), ["Bed occupancy", "Out-of-area placements started", "Section 136: police custody",
                                                      "Section 136 detentions over 24 hours"])
        let differences = try XCTUnwrap(ComparisonFigures.differences(content))
        XCTAssertTrue(differences.html().contains(">Out-of-area placements started</text>"))
        XCTAssertEqual(differences.table.rows[0].prefix(3), ["Bed occupancy", "-5.00 points", "-6.00 points to -4.00 points"])
    }

    /// Every chart can be downloaded, as SVG and as PNG, by buttons the script shows: hidden in
    /// the page as written, so without scripts there are no dead buttons.
    func testEveryChartHasDownloadControls() throws {
        let page = ReportPage.html(SyntheticResults.comparison())
        let figures = page.components(separatedBy: "<figure ").dropFirst()
        XCTAssertEqual(figures.count, 9)
        for figure in figures {
            let id = String(figure.components(separatedBy: "id=\"")[1].prefix { $0 != "\"" })
            XCTAssertTrue(figure.contains("<div class=\"chart-tools\" hidden>"), id)
            for format in ["SVG", "PNG"] {
                XCTAssertEqual(figure.components(separatedBy: "data-download=\"\(format.lowercased())\"").count - 1, 1, "\(id) \(format)")
                XCTAssertTrue(figure.contains(">Download \(format)</button>"), "\(id) \(format)")
            }
        }
        XCTAssertTrue(page.contains("<body data-file-stem=\"base\">"), "downloads are named after the scenario")
        XCTAssertTrue(ChartDownloadScript.source.contains("tools.hidden = false"))
    }

    /// Printed, the report is a paper: no buttons or contents links, each section from a new
    /// page, no figure or table row cut across two.
    func testPrintStylesheet() throws {
        let style = ReportPage.style
        let print = try XCTUnwrap(style.components(separatedBy: "@media print{").dropFirst().first)
        XCTAssertTrue(print.contains("nav,.chart-tools,details:not([open]){display:none}"))
        XCTAssertTrue(print.contains("main>section+section{break-before:page}"))
        XCTAssertTrue(print.contains("figure,dl.provenance,tbody,tr,.missing{break-inside:avoid}"))
        XCTAssertTrue(print.contains("h2,h3,.figure-head,caption{break-after:avoid}"))
        XCTAssertTrue(ReportPage.html(SyntheticResults.comparison()).contains(style), "in the page")
    }

    // MARK: - Reading the SVG text

    /// The y axis's tick labels, bottom to top.
    func yTickLabels(in svg: String) -> [String] {
        guard let axis = svg.components(separatedBy: "class=\"axis y-axis\"").dropFirst().first?.components(separatedBy: "</g>").first
        else { return [] }
        return tickLabels(in: axis)
    }

    /// Every tick label's text, in document order.
    func tickLabels(in svg: String) -> [String] {
        svg.components(separatedBy: "class=\"tick\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    /// `name` of every element whose tag contains `marker`, in document order.
    func attributes(_ name: String, ofElementsWith marker: String, in html: String) -> [String] {
        html.components(separatedBy: "<").compactMap { tag -> String? in
            let head = tag.prefix { $0 != ">" }
            guard head.contains(marker), let value = head.range(of: " \(name)=\"") else { return nil }
            return String(head[value.upperBound...].prefix { $0 != "\"" })
        }
    }

    /// The value of `name` on the first element whose tag contains `marker`.
    func attribute(_ name: String, ofElementWith marker: String, in html: String) -> String? {
        guard let range = html.range(of: marker) else { return nil }
        let start = html[..<range.lowerBound].lastIndex(of: "<")!
        let tag = html[start...].prefix { $0 != ">" }
        guard let value = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[value.upperBound...].prefix { $0 != "\"" })
    }

    /// Numeric `name` of every element whose tag contains `marker`, in document order.
    func values(_ name: String, ofElementsWith marker: String, in html: String) -> [Double] {
        html.components(separatedBy: "<").compactMap { tag -> Double? in
            let head = tag.prefix { $0 != ">" }
            guard head.contains(marker), let value = head.range(of: " \(name)=\"") else { return nil }
            return Double(head[value.upperBound...].prefix { $0 != "\"" })
        }
    }
}
