import CrisisExperiment

/// The rectangle a chart plots in, and the gridlines, ticks and axis titles around it.
///
/// Axis titles carry the unit, e.g. "Beds occupied (%)": a chart read out of context (or by a
/// screen reader) must say what its numbers measure.
struct PlotFrame {
    let left: Double
    let right: Double
    let top: Double
    let bottom: Double

    /// Horizontal gridlines with tick labels on the left, and the y title turned on its side.
    func yAxis(_ scale: LinearScale, title: String) -> String {
        var out = "<g class=\"axis y-axis\">"
        for tick in scale.ticks {
            let y = scale(tick)
            out += SVG.element("line", ["x1": SVG.number(left), "x2": SVG.number(right), "y1": SVG.number(y),
                                        "y2": SVG.number(y), "class": tick == 0 ? "zero" : "grid"])
            out += SVG.text(scale.label(tick), x: left - 6, y: y + 4, anchor: "end", className: "tick")
        }
        let middle = (top + bottom) / 2
        out += SVG.element("text", ["x": "0", "y": "0", "text-anchor": "middle", "class": "axis-title",
                                    "transform": "translate(14 \(SVG.number(middle))) rotate(-90)"],
                           MarkupText.escape(title))
        return out + "</g>"
    }

    /// Vertical gridlines with tick labels below, and the x title under them.
    func xAxis(_ scale: LinearScale, title: String) -> String {
        xAxis(scale, ticks: scale.ticks.map { (value: $0, label: scale.label($0)) }, title: title)
    }

    /// The x axis with `ticks` labelled as given (a sweep's values as they were written). Labels
    /// too wide for the gap between ticks (large money amounts) go on every second or third
    /// tick only.
    func xAxis(_ scale: LinearScale, ticks: [(value: Double, label: String)], title: String) -> String {
        var out = "<g class=\"axis x-axis\">"
        let widest = ticks.map { SVG.textWidth($0.label, size: 11) }.max() ?? 0
        let gap = ticks.count > 1 ? abs(scale(ticks[1].value) - scale(ticks[0].value)) : .infinity
        let every = max(1, Int(((widest + 8) / gap).rounded(.up)))
        for (i, tick) in ticks.enumerated() {
            let x = scale(tick.value)
            out += SVG.element("line", ["x1": SVG.number(x), "x2": SVG.number(x), "y1": SVG.number(top),
                                        "y2": SVG.number(bottom), "class": tick.value == 0 ? "zero" : "grid"])
            if i % every == 0 { out += SVG.text(tick.label, x: x, y: bottom + 16, anchor: "middle", className: "tick") }
        }
        out += xTitle(title)
        return out + "</g>"
    }

    /// The x axis title, centred under the tick labels.
    func xTitle(_ title: String) -> String {
        SVG.text(title, x: (left + right) / 2, y: bottom + 36, anchor: "middle", className: "axis-title")
    }

    /// `reference` as a dashed line across the plot, labelled under its right end (or its left):
    /// the charts that carry one (occupancy's 85%) have most of their data above it.
    func referenceLine(_ reference: ReferenceLevel, y: LinearScale, labelAtStart: Bool = false) -> String {
        let level = SVG.number(y(reference.value))
        return SVG.element("line", ["x1": SVG.number(left), "x2": SVG.number(right), "y1": level, "y2": level,
                                    "class": "reference", "data-value": NumberFormat.exact(reference.value)])
            + SVG.text(reference.label, x: labelAtStart ? left + 4 : right - 4, y: y(reference.value) + 15,
                       anchor: labelAtStart ? "start" : "end", className: "reference-label")
    }

    /// `reference` as a dashed line up the plot at an x value, labelled at its top: a plan's
    /// target on the measure along the x axis. The label stays inside the plot: left of the
    /// line when it fits there, otherwise right of it (a target near 0 would push a label
    /// ending at the line past the y axis and out of the picture).
    func verticalReferenceLine(_ reference: ReferenceLevel, x: LinearScale) -> String {
        let at = x(reference.value)
        // Bold 12px text reads wider than the 12px estimate: measure it as 13px.
        let width = SVG.textWidth(reference.label, size: 13)
        let start = at - 4 - width >= left + 4 ? at - 4 - width : min(at + 4, right - 4 - width)
        return SVG.element("line", ["x1": SVG.number(at), "x2": SVG.number(at), "y1": SVG.number(top), "y2": SVG.number(bottom),
                                    "class": "reference", "data-value": NumberFormat.exact(reference.value)])
            + SVG.text(reference.label, x: max(left + 4, start), y: top + 12, anchor: "start", className: "reference-label")
    }

    /// The plot's outline along the bottom and left, drawn over the marks' ends.
    var baseline: String {
        SVG.element("path", ["d": "M\(SVG.number(left)),\(SVG.number(top))V\(SVG.number(bottom))H\(SVG.number(right))",
                             "class": "frame"])
    }

    /// Left margin that fits the widest of `labels` plus a rotated axis title.
    static func leftMargin(fitting labels: [String]) -> Double {
        34 + (labels.map { SVG.textWidth($0) }.max() ?? 0)
    }
}
