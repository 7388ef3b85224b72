import CrisisExperiment

/// A census series over the run, day by day or month by month: per scenario, the
/// across-replication mean as a line and its 95% interval as a band, with the warm-up shaded
/// (it is simulated but not measured) and optional labelled reference levels.
struct TimeSeriesChart {
    /// One day's or month's estimate, at its place on the x axis.
    struct Point {
        let x: Double
        let mean: Double
        let lower: Double
        let upper: Double

        init(day: DayEstimate) {
            x = Double(day.day)
            mean = day.mean
            lower = day.lower
            upper = day.upper
        }

        init(month: MonthEstimate) {
            x = Double(month.month)
            mean = month.mean
            lower = month.lower
            upper = month.upper
        }
    }

    struct Series {
        let name: String
        let colour: String
        let points: [Point]
        /// With markers: each point's tooltip, in point order.
        var tooltips: [String] = []
    }

    let series: [Series]
    let xTitle: String
    /// The y axis title, with the unit.
    let yTitle: String
    /// The x axis's extent: days from 0, or months with room for the first and last points.
    let xDomain: ClosedRange<Double>
    /// Where the warm-up ends on the x axis (0: none).
    let warmupEnd: Double
    var references: [ReferenceLevel] = []
    /// The y axis reaches at least this far, e.g. 100 for a percentage of beds.
    var yAtLeast: Double = 0
    /// The y axis stops here whatever the data: a share of beds ends at 100%. A mark beyond it
    /// (a confidence band of a full ward) is drawn at the edge; the table keeps its value.
    var yAtMost: Double = .infinity
    /// A marker with a tooltip at each point: for a few points (months), not hundreds (days).
    var markers = false

    static let width = 960.0
    static let height = 400.0

    func render() -> SVGChart {
        var high = yAtLeast
        for point in series.flatMap(\.points) {
            for value in [point.mean, point.upper] where value.isFinite { high = max(high, value) }
        }
        for reference in references { high = max(high, reference.value) }
        high = min(high, yAtMost)

        // Keys drawn as the marks are: a line across its band where the series has one.
        var entries = series.map { item in
            Legend.Entry(key: item.points.contains { $0.lower.isFinite && $0.upper.isFinite }
                ? .lineOnBand(colour: item.colour) : .line(colour: item.colour), label: item.name)
        }
        if warmupEnd > 0 { entries.append(Legend.Entry(key: .region(className: "warmup"), label: "warm-up (not measured)")) }
        if series.contains(where: { $0.points.contains { $0.lower.isFinite && $0.upper.isFinite } }) {
            entries.append(Legend.Entry(key: .note, label: "line: mean of the replications; band: its 95% confidence interval"))
        }
        let legend = Legend(entries: entries).render(x: 16, y: 14, width: Self.width - 32)

        let yRange = LinearScale(covering: 0, high, pixels: 0, 1)
        let left = PlotFrame.leftMargin(fitting: yRange.ticks.map(yRange.label))
        let frame = PlotFrame(left: left, right: Self.width - 20, top: 14 + legend.height + 6, bottom: Self.height - 48)
        let x = LinearScale(covering: xDomain.lowerBound, xDomain.upperBound, pixels: frame.left, frame.right, ticks: 10,
                            nice: false)
        let y = LinearScale(covering: 0, high, pixels: frame.bottom, frame.top)

        var out = legend.svg
        if warmupEnd > xDomain.lowerBound {
            let end = min(x(warmupEnd), frame.right)
            out += SVG.element("rect", ["x": SVG.number(frame.left), "y": SVG.number(frame.top),
                                        "width": SVG.number(end - frame.left), "height": SVG.number(frame.bottom - frame.top),
                                        "class": "warmup"])
            out += SVG.text("warm-up", x: frame.left + 4, y: frame.top + 14, className: "note")
        }
        out += frame.yAxis(y, title: yTitle)
        out += frame.xAxis(x, title: xTitle)
        for item in series {
            let band = Self.bandPath(item.points, x: x, y: y)
            if !band.isEmpty {
                out += SVG.element("path", ["d": band, "class": "mark band", "fill": item.colour, "data-series": item.name,
                                            "data-points": String(item.points.count)],
                                   SVG.tooltip("\(item.name): 95% confidence interval of the mean"))
            }
        }
        for item in series {
            out += SVG.element("path", ["d": Self.linePath(item.points, x: x, y: y), "class": "mark line",
                                        "stroke": item.colour, "data-series": item.name,
                                        "data-points": String(item.points.count)],
                               SVG.tooltip("\(item.name): mean of the replications"))
            guard markers else { continue }
            for (point, tooltip) in zip(item.points, item.tooltips) where point.mean.isFinite {
                out += SVG.element("circle", ["cx": SVG.number(x(point.x)), "cy": SVG.number(y(y.clamped(point.mean))),
                                              "r": "3", "fill": item.colour, "class": "mark point",
                                              "data-value": NumberFormat.exact(point.mean), "data-series": item.name],
                                   SVG.tooltip(tooltip))
            }
        }
        for reference in references { out += frame.referenceLine(reference, y: y) }
        out += frame.baseline
        return SVGChart(width: Self.width, height: Self.height, body: out)
    }

    /// The mean as a polyline, broken where it is undefined.
    static func linePath(_ points: [Point], x: LinearScale, y: LinearScale) -> String {
        var d = "", drawing = false
        for point in points {
            guard point.mean.isFinite else {
                drawing = false
                continue
            }
            d += (drawing ? "L" : "M") + SVG.number(x(point.x)) + "," + SVG.number(y(y.clamped(point.mean)))
            drawing = true
        }
        return d
    }

    /// The interval as closed shapes over each run of points where both bounds are defined
    /// (none with a single replication), cut at the axis: a t interval of a count can reach
    /// below zero, that of a full ward above 100%, and the band must not spill out of the plot.
    static func bandPath(_ points: [Point], x: LinearScale, y: LinearScale) -> String {
        var d = "", run: [Point] = []
        func close() {
            guard run.count > 1 else {
                run.removeAll()
                return
            }
            d += "M" + run.map { SVG.number(x($0.x)) + "," + SVG.number(y(y.clamped($0.upper))) }.joined(separator: "L")
            d += "L" + run.reversed().map { SVG.number(x($0.x)) + "," + SVG.number(y(y.clamped($0.lower))) }.joined(separator: "L")
            d += "Z"
            run.removeAll()
        }
        for point in points {
            if point.lower.isFinite && point.upper.isFinite { run.append(point) } else { close() }
        }
        close()
        return d
    }
}
