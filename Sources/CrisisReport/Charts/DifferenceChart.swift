import CrisisExperiment

/// The paired differences of every variant from the base, KPI by KPI, as a forest plot:
/// a point at the difference and a whisker over its 95% interval, on one axis of percentage
/// change from the base mean so KPIs in different units line up. A filled point marks an
/// interval that excludes zero.
///
/// Whiskers are cut where they leave the plausible range, so one imprecise KPI cannot squash
/// the rest: at −100% (every KPI is a count, rate, share, time or cost, which cannot fall by
/// more than all of it) and at twice the largest change. The table keeps the full intervals.
struct DifferenceChart {
    struct Row {
        let label: String
        /// One per variant; nil where the relative change is undefined (base mean zero).
        let estimates: [DifferenceEstimate?]
    }

    let variants: [(name: String, colour: String)]
    let rows: [Row]

    static let width = 960.0

    func render() -> SVGChart {
        let relatives = rows.flatMap(\.estimates).compactMap { $0?.relative }
        let largest = relatives.map { abs($0.difference) }.filter(\.isFinite).max() ?? 0
        let cut = (low: -100.0, high: max(100, 2 * largest))
        func inRange(_ value: Double) -> Double { min(max(value, cut.low), cut.high) }
        let values = relatives.flatMap { [$0.difference, $0.lower, $0.upper] }.filter(\.isFinite).map(inRange)
        var entries: [Legend.Entry] = []
        for variant in variants {
            entries.append(Legend.Entry(key: .point(colour: variant.colour, filled: true), label: "\(variant.name): interval excludes 0"))
            entries.append(Legend.Entry(key: .point(colour: variant.colour, filled: false), label: "includes 0"))
        }
        let legend = Legend(entries: entries).render(x: 16, y: 14, width: Self.width - 32)
        let rowHeight = Double(variants.count) * 12 + 8
        let left = min(Self.width * 0.45, 16 + (rows.map { SVG.textWidth($0.label) }.max() ?? 0))
        let top = 14 + legend.height + 8
        let frame = PlotFrame(left: left, right: Self.width - 20, top: top, bottom: top + Double(rows.count) * rowHeight)
        let x = LinearScale(covering: min(0, values.min() ?? 0), max(0, values.max() ?? 0), pixels: frame.left, frame.right,
                            ticks: 6)

        var out = legend.svg + frame.xAxis(x, title: "Difference from the base (% of the base mean)")
        for (r, row) in rows.enumerated() {
            let rowTop = frame.top + Double(r) * rowHeight + 4
            if r % 2 == 1 {
                out += SVG.element("rect", ["x": SVG.number(frame.left), "y": SVG.number(rowTop - 4),
                                            "width": SVG.number(frame.right - frame.left), "height": SVG.number(rowHeight),
                                            "class": "stripe"])
            }
            out += SVG.text(row.label, x: frame.left - 8, y: rowTop + rowHeight / 2, anchor: "end")
            for (v, estimate) in row.estimates.enumerated() {
                guard let estimate, let relative = estimate.relative else { continue }
                let y = SVG.number(rowTop + Double(v) * 12 + 4)
                let colour = variants[v].colour
                if relative.lower.isFinite && relative.upper.isFinite {
                    out += SVG.element("line", ["x1": SVG.number(x(inRange(relative.lower))), "x2": SVG.number(x(inRange(relative.upper))),
                                                "y1": y, "y2": y, "stroke": colour, "class": "mark interval",
                                                "data-low": NumberFormat.exact(relative.lower),
                                                "data-high": NumberFormat.exact(relative.upper)])
                }
                let interval = KPIText.changeInterval(lower: estimate.lower, upper: estimate.upper, unit: estimate.unit)
                let remaining = KPIText.remainingUnit(estimate.unit)
                out += SVG.element("circle", ["cx": SVG.number(x(inRange(relative.difference))), "cy": y, "r": "4", "stroke": colour,
                                              "fill": estimate.significant ? colour : "#ffffff", "class": "mark point",
                                              "data-value": NumberFormat.exact(relative.difference),
                                              "data-series": estimate.variant],
                                   SVG.tooltip("\(row.label), \(estimate.variant): \(NumberFormat.fixed(relative.difference, 1))% "
                                       + "of the base (\(KPIText.change(estimate.difference, unit: estimate.unit))"
                                       + (interval == "-" ? "" : ", 95% CI \(interval)") + (remaining.isEmpty ? "" : " \(remaining)") + ")"))
            }
        }
        let zero = SVG.number(x(0))
        out += SVG.element("line", ["x1": zero, "x2": zero, "y1": SVG.number(frame.top), "y2": SVG.number(frame.bottom),
                                    "class": "zero-line"])
        out += frame.baseline
        return SVGChart(width: Self.width, height: frame.bottom + 48, body: out)
    }
}
