import CrisisExperiment

/// Lines on one plot, both axes from 0: fit.html's cumulative distributions (a data set's
/// product-limit (Kaplan-Meier) estimate as a step line, the distributions fitted to it as
/// smooth lines, so a reader sees where a fit follows the data and where it departs, the tail
/// usually), and calibration.html's objective along each free key.
struct LineChart {
    struct Curve {
        let name: String
        let colour: String
        /// (x, y) points in increasing x.
        let points: [(x: Double, p: Double)]
        /// Drawn as steps (the data) rather than a smooth line (a fit).
        var steps = false
    }

    let curves: [Curve]
    let xTitle: String
    var yTitle = "Share of stays at most this long"
    /// The y axis's top (a probability's 1); nil for the highest point.
    var yHigh: Double? = 1
    var width = 640.0

    func render() -> SVGChart {
        let legend = Legend(entries: curves.map { Legend.Entry(key: .line(colour: $0.colour), label: $0.name) })
            .render(x: 16, y: 14, width: width - 32)
        let top = 14 + legend.height + 8
        let frame = PlotFrame(left: 56, right: width - 16, top: top, bottom: top + 260)
        let high = curves.flatMap { $0.points.map(\.x) }.filter(\.isFinite).max() ?? 1
        let x = LinearScale(covering: 0, high, pixels: frame.left, frame.right, ticks: 6)
        let yTop = yHigh ?? (curves.flatMap { $0.points.map(\.p) }.filter(\.isFinite).max() ?? 1)
        let y = LinearScale(covering: 0, yTop, pixels: frame.bottom, frame.top, ticks: 5)
        var out = legend.svg + frame.yAxis(y, title: yTitle) + frame.xAxis(x, title: xTitle)
        for curve in curves {
            var d = ""
            for point in curve.points where point.x.isFinite && point.p.isFinite {
                let (px, py) = (SVG.number(x(x.clamped(point.x))), SVG.number(y(point.p)))
                // A step line holds its level until the next time, then jumps: the estimate's shape.
                d += d.isEmpty ? "M\(px),\(py)" : curve.steps ? "H\(px)V\(py)" : "L\(px),\(py)"
            }
            out += SVG.element("path", ["d": d, "class": "mark line", "stroke": curve.colour, "data-series": curve.name,
                                        "data-points": String(curve.points.count)],
                               SVG.tooltip(curve.name))
        }
        return SVGChart(width: width, height: frame.bottom + 56, body: out)
    }
}
