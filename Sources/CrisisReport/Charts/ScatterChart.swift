import CrisisExperiment

/// Points on two measures, one colour per group, with one point ringed: plan.html's cost
/// against out-of-area bed days for every evaluated point, the recommendation marked, so a
/// planner sees what the targets trade away. The x axis starts at 0; the y axis spans the
/// values.
struct ScatterChart {
    struct Group {
        let name: String
        let colour: String
        /// Filled (a feasible point) or hollow.
        let filled: Bool
        let points: [(x: Double, y: Double, label: String)]
    }

    let groups: [Group]
    /// The point to ring, and what to call it in the legend.
    let marked: (x: Double, y: Double, label: String)?
    let xTitle: String
    let yTitle: String
    /// A bound on the x measure (a plan's target), drawn as a dashed line.
    var xReference: ReferenceLevel?
    var xMoney = false
    var yMoney = false
    var width = 760.0

    func render() -> SVGChart {
        var entries = groups.map { Legend.Entry(key: .point(colour: $0.colour, filled: $0.filled), label: $0.name) }
        if let marked { entries.append(Legend.Entry(key: .point(colour: "#1a1a1a", filled: false), label: marked.label)) }
        let legend = Legend(entries: entries).render(x: 16, y: 14, width: width - 32)
        let top = 14 + legend.height + 8
        let all = groups.flatMap(\.points)
        // The y axis spans the values, not 0 up: costs of a few options differ by a few percent of
        // their size, and a scatter (unlike a bar) is read by position, not length.
        let ys = all.map(\.y).filter(\.isFinite)
        var y = LinearScale(covering: ys.min() ?? 0, ys.max() ?? 1, pixels: top + 280, top, ticks: 5)
        y.money = yMoney
        let frame = PlotFrame(left: PlotFrame.leftMargin(fitting: stride(from: y.lower, through: y.upper, by: y.step).map(y.label)),
                              right: width - 16, top: top, bottom: top + 280)
        y = y.spanning(pixels: frame.bottom, frame.top)
        let xs = all.map(\.x).filter(\.isFinite) + [xReference?.value].compactMap { $0 }
        var x = LinearScale(covering: 0, xs.max() ?? 1, pixels: frame.left, frame.right, ticks: 6)
        x.money = xMoney
        var out = legend.svg + frame.yAxis(y, title: yTitle) + frame.xAxis(x, title: xTitle)
        if let xReference { out += frame.verticalReferenceLine(xReference, x: x) }
        for group in groups {
            for point in group.points where point.x.isFinite && point.y.isFinite {
                out += SVG.element("circle", ["cx": SVG.number(x(x.clamped(point.x))), "cy": SVG.number(y(y.clamped(point.y))),
                                              "r": "4", "stroke": group.colour, "fill": group.filled ? group.colour : "#ffffff",
                                              "stroke-width": "1.5", "class": "mark point", "data-series": group.name],
                                   SVG.tooltip(point.label))
            }
        }
        if let marked, marked.x.isFinite, marked.y.isFinite {
            out += SVG.element("circle", ["cx": SVG.number(x(x.clamped(marked.x))), "cy": SVG.number(y(y.clamped(marked.y))),
                                          "r": "9", "stroke": "#1a1a1a", "fill": "none", "stroke-width": "2",
                                          "class": "mark point", "data-series": marked.label], SVG.tooltip(marked.label))
        }
        return SVGChart(width: width, height: frame.bottom + 56, body: out)
    }
}
