import CrisisExperiment

/// Horizontal bars of KPI means with 95% confidence-interval whiskers: one group of bars per
/// row (a KPI or a category), one bar per scenario.
///
/// The axis starts at zero: these are counts, rates and shares, which cannot be negative, so
/// a t interval reaching below zero is drawn cut at zero; an axis of shares ends at 100%, and
/// an interval reaching past it is cut there (the table keeps the full interval).
struct IntervalBarChart {
    struct Row {
        let label: String
        /// One per series; nil where the scenario lacks the KPI.
        let estimates: [KPIEstimate?]
        /// The bars' colour when each row is a scenario (small multiples) rather than each series.
        var colour: String?
    }

    let series: [(name: String, colour: String)]
    let rows: [Row]
    /// The x axis title, with the unit.
    let xTitle: String
    var width = 960.0

    func render() -> SVGChart {
        let estimates = rows.flatMap(\.estimates).compactMap { $0 }
        // Shares end at 100%, as counts start at zero: an interval past either is cut there.
        let ceiling = !estimates.isEmpty && estimates.allSatisfy { KPIText.isShare($0.unit) } ? 100.0 : .infinity
        let high = min(ceiling, estimates.flatMap { [$0.mean, $0.upper] }.filter(\.isFinite).max() ?? 0)
        let legend = series.count > 1
            ? Legend(entries: series.map { Legend.Entry(key: .swatch(colour: $0.colour), label: $0.name) })
                .render(x: 16, y: 14, width: width - 32)
            : (svg: "", height: 0.0)
        let barHeight = 14.0, rowGap = 12.0
        let rowHeight = Double(series.count) * (barHeight + 2) + rowGap
        let left = min(width * 0.45, 16 + (rows.map { SVG.textWidth($0.label) }.max() ?? 0))
        let top = 14 + legend.height + 8
        let frame = PlotFrame(left: left, right: width - 76, top: top, bottom: top + Double(rows.count) * rowHeight)
        let height = frame.bottom + 48
        var x = LinearScale(covering: 0, high, pixels: frame.left, frame.right, ticks: 4)
        x.money = !estimates.isEmpty && estimates.allSatisfy { KPIText.isMoney($0.unit) }

        var out = legend.svg + frame.xAxis(x, title: xTitle)
        for (r, row) in rows.enumerated() {
            let rowTop = frame.top + Double(r) * rowHeight + rowGap / 2
            out += SVG.text(row.label, x: frame.left - 8, y: rowTop + rowHeight / 2 - 2, anchor: "end")
            for (s, estimate) in row.estimates.enumerated() {
                guard let estimate, estimate.mean.isFinite else { continue }
                let barTop = rowTop + Double(s) * (barHeight + 2)
                let middle = SVG.number(barTop + barHeight / 2)
                let end = x(max(0, estimate.mean))
                let interval = KPIText.interval(lower: estimate.lower, upper: estimate.upper, unit: estimate.unit)
                let remaining = KPIText.remainingUnit(estimate.unit)
                out += SVG.element("rect", ["x": SVG.number(frame.left), "y": SVG.number(barTop),
                                            "width": SVG.number(end - frame.left), "height": SVG.number(barHeight),
                                            "fill": row.colour ?? series[s].colour, "class": "mark bar",
                                            "data-value": NumberFormat.exact(estimate.mean), "data-series": series[s].name],
                                   SVG.tooltip("\(row.label), \(series[s].name): \(KPIText.value(estimate.mean, unit: estimate.unit))"
                                       + (interval == "-" ? "" : " (95% CI \(interval))") + (remaining.isEmpty ? "" : " \(remaining)")))
                var labelAt = end
                if estimate.lower.isFinite && estimate.upper.isFinite {
                    let low = SVG.number(x(max(0, estimate.lower))), high = SVG.number(x(min(ceiling, estimate.upper)))
                    let capTop = SVG.number(barTop + 2), capBottom = SVG.number(barTop + barHeight - 2)
                    out += SVG.element("path", ["d": "M\(low),\(middle)H\(high)M\(low),\(capTop)V\(capBottom)M\(high),\(capTop)V\(capBottom)",
                                                "class": "mark whisker", "data-low": NumberFormat.exact(estimate.lower),
                                                "data-high": NumberFormat.exact(estimate.upper)])
                    labelAt = max(labelAt, x(min(ceiling, estimate.upper)))
                }
                out += SVG.text(KPIText.value(estimate.mean, unit: estimate.unit), x: labelAt + 4, y: barTop + barHeight - 3, className: "value")
            }
        }
        out += frame.baseline
        return SVGChart(width: width, height: height, body: out)
    }
}
