import CrisisExperiment

/// A daily series over the run: per scenario, the across-replication mean as a line and its
/// 95% interval as a band, with the warm-up shaded (it is simulated but not measured) and
/// optional labelled reference levels.
struct TimeSeriesChart {
    struct Series {
        let name: String
        let colour: String
        let points: [DayEstimate]
    }

    let series: [Series]
    /// The y axis title, with the unit.
    let yTitle: String
    let warmupDays: Double
    var references: [ReferenceLevel] = []
    /// The y axis reaches at least this far, e.g. 100 for a percentage of beds.
    var yAtLeast: Double = 0

    static let width = 640.0
    static let height = 380.0

    func render() -> SVGChart {
        let days = series.map { $0.points.last?.day ?? 0 }.max() ?? 0
        var high = yAtLeast
        for point in series.flatMap(\.points) {
            for value in [point.mean, point.upper] where value.isFinite { high = max(high, value) }
        }
        for reference in references { high = max(high, reference.value) }

        var entries = series.map { Legend.Entry(key: .line(colour: $0.colour), label: $0.name) }
        entries.append(Legend.Entry(key: .band(colour: "#555555"), label: "95% confidence interval"))
        if warmupDays > 0 { entries.append(Legend.Entry(key: .swatch(colour: "#e6e6e6"), label: "warm-up (not measured)")) }
        let legend = Legend(entries: entries).render(x: 16, y: 14, width: Self.width - 32)

        let yRange = LinearScale(covering: 0, high, pixels: 0, 1)
        let left = PlotFrame.leftMargin(fitting: yRange.ticks.map(yRange.label))
        let frame = PlotFrame(left: left, right: Self.width - 20, top: 14 + legend.height + 6, bottom: Self.height - 48)
        let x = LinearScale(covering: 0, Double(max(days, 1)), pixels: frame.left, frame.right, ticks: 8, nice: false)
        let y = LinearScale(covering: 0, high, pixels: frame.bottom, frame.top)

        var out = legend.svg
        if warmupDays > 0 {
            let end = min(x(warmupDays), frame.right)
            out += SVG.element("rect", ["x": SVG.number(frame.left), "y": SVG.number(frame.top),
                                        "width": SVG.number(end - frame.left), "height": SVG.number(frame.bottom - frame.top),
                                        "class": "warmup"])
            out += SVG.text("warm-up", x: frame.left + 4, y: frame.top + 14, className: "note")
        }
        out += frame.yAxis(y, title: yTitle)
        out += frame.xAxis(x, title: "Day of the run (days; the census is taken at midnight)")
        for item in series {
            let band = Self.bandPath(item.points, x: x, y: y)
            if !band.isEmpty {
                out += SVG.element("path", ["d": band, "class": "mark band", "fill": item.colour, "data-series": item.name,
                                            "data-points": String(item.points.count)],
                                   SVG.tooltip("\(item.name): 95% confidence interval of the daily mean"))
            }
        }
        for item in series {
            out += SVG.element("path", ["d": Self.linePath(item.points, x: x, y: y), "class": "mark line",
                                        "stroke": item.colour, "data-series": item.name,
                                        "data-points": String(item.points.count)],
                               SVG.tooltip("\(item.name): mean of the replications, day by day"))
        }
        for reference in references {
            let level = SVG.number(y(reference.value))
            out += SVG.element("line", ["x1": SVG.number(frame.left), "x2": SVG.number(frame.right), "y1": level, "y2": level,
                                        "class": "reference", "data-value": NumberFormat.exact(reference.value)])
            // Under the line: occupancy charts have their data above it once the warm-up is over.
            out += SVG.text(reference.label, x: frame.right - 4, y: y(reference.value) + 15, anchor: "end", className: "reference-label")
        }
        out += frame.baseline
        return SVGChart(width: Self.width, height: Self.height, body: out)
    }

    /// The mean as a polyline, broken where it is undefined.
    static func linePath(_ points: [DayEstimate], x: LinearScale, y: LinearScale) -> String {
        var d = "", drawing = false
        for point in points {
            guard point.mean.isFinite else {
                drawing = false
                continue
            }
            d += (drawing ? "L" : "M") + SVG.number(x(Double(point.day))) + "," + SVG.number(y(y.clamped(point.mean)))
            drawing = true
        }
        return d
    }

    /// The interval as closed shapes over each run of days where both bounds are defined
    /// (none with a single replication), cut at the axis: a t interval of a count can reach
    /// below zero, and the band must not spill out of the plot.
    static func bandPath(_ points: [DayEstimate], x: LinearScale, y: LinearScale) -> String {
        var d = "", run: [DayEstimate] = []
        func close() {
            guard run.count > 1 else {
                run.removeAll()
                return
            }
            d += "M" + run.map { SVG.number(x(Double($0.day))) + "," + SVG.number(y(y.clamped($0.upper))) }.joined(separator: "L")
            d += "L" + run.reversed().map { SVG.number(x(Double($0.day))) + "," + SVG.number(y(y.clamped($0.lower))) }.joined(separator: "L")
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
