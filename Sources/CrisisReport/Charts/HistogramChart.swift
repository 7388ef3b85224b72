import CrisisExperiment

/// A distribution as bars over contiguous bins, one bar per scenario in each bin, as a
/// percentage of that scenario's total so scenarios with different counts compare.
///
/// Bins sit in equal slots whatever their width, so a last open-ended bin ("24 hours or
/// more", "every bed full") fits; edge labels mark the bin boundaries.
struct HistogramChart {
    struct Series {
        let name: String
        let colour: String
        /// Percentage of the total in each bin.
        let shares: [Double]
    }

    /// Bin edges: `edges[i]` to `edges[i + 1]` is bin i; the last edge may be infinite.
    let edges: [Double]
    let series: [Series]
    let xTitle: String
    let yTitle: String
    /// How an edge is labelled (without the unit, which the axis title gives).
    let edgeLabel: (Double) -> String
    /// How a bin is described in tooltips, e.g. "85% to under 86%".
    let binDescription: (Double, Double) -> String
    /// A vertical level drawn dashed and labelled, at a value on the binned axis.
    var reference: ReferenceLevel?
    /// The label under an open-ended last bin.
    var openEndLabel = "more"

    static let width = 960.0
    static let height = 380.0

    func render() -> SVGChart {
        let bins = edges.count - 1
        let high = series.flatMap(\.shares).filter(\.isFinite).max() ?? 0
        let legend = series.count > 1
            ? Legend(entries: series.map { Legend.Entry(key: .swatch(colour: $0.colour), label: $0.name) })
                .render(x: 16, y: 14, width: Self.width - 32)
            : (svg: "", height: 0.0)
        let yRange = LinearScale(covering: 0, high, pixels: 0, 1)
        let left = PlotFrame.leftMargin(fitting: yRange.ticks.map(yRange.label))
        let frame = PlotFrame(left: left, right: Self.width - 20, top: 14 + legend.height + 12, bottom: Self.height - 48)
        let y = LinearScale(covering: 0, high, pixels: frame.bottom, frame.top)
        let slot = (frame.right - frame.left) / Double(max(bins, 1))

        var out = legend.svg + frame.yAxis(y, title: yTitle)
        // Edge labels, thinned so they do not collide.
        let widest = edges.filter(\.isFinite).map { SVG.textWidth(edgeLabel($0)) }.max() ?? 0
        let every = max(1, Int(((widest + 10) / slot).rounded(.up)))
        out += "<g class=\"axis x-axis\">"
        for (i, edge) in edges.enumerated() where edge.isFinite && i % every == 0 {
            let x = frame.left + Double(i) * slot
            out += SVG.element("line", ["x1": SVG.number(x), "x2": SVG.number(x), "y1": SVG.number(frame.bottom),
                                        "y2": SVG.number(frame.bottom + 4), "class": "tick-mark"])
            out += SVG.text(edgeLabel(edge), x: x, y: frame.bottom + 16, anchor: "middle", className: "tick")
        }
        if let last = edges.last, !last.isFinite, bins > 0 {
            out += SVG.text(openEndLabel, x: frame.left + (Double(bins) - 0.5) * slot, y: frame.bottom + 16, anchor: "middle",
                            className: "tick")
        }
        out += frame.xTitle(xTitle) + "</g>"

        let barWidth = slot * 0.84 / Double(max(series.count, 1))
        for (s, item) in series.enumerated() {
            out += "<g class=\"series\" data-series=\"\(MarkupText.escape(item.name))\">"
            for bin in 0..<bins {
                let share = bin < item.shares.count && item.shares[bin].isFinite ? item.shares[bin] : 0
                let top = y(share)
                let description = binDescription(edges[bin], edges[bin + 1])
                out += SVG.element("rect", ["x": SVG.number(frame.left + Double(bin) * slot + slot * 0.08 + Double(s) * barWidth),
                                            "y": SVG.number(top), "width": SVG.number(barWidth),
                                            "height": SVG.number(frame.bottom - top), "fill": item.colour, "class": "mark bar",
                                            "data-value": NumberFormat.exact(share), "data-bin": description],
                                   SVG.tooltip("\(item.name), \(description): \(NumberFormat.fixed(share, 1))%"))
            }
            out += "</g>"
        }
        if let reference, let position = position(of: reference.value) {
            let x = SVG.number(frame.left + position * slot)
            out += SVG.element("line", ["x1": x, "x2": x, "y1": SVG.number(frame.top), "y2": SVG.number(frame.bottom),
                                        "class": "reference", "data-value": NumberFormat.exact(reference.value)])
            // Beside the line on the side with room for the words.
            let roomOnLeft = position * slot > SVG.textWidth(reference.label) + 10
            out += SVG.text(reference.label, x: frame.left + position * slot + (roomOnLeft ? -5 : 5), y: frame.top + 12,
                            anchor: roomOnLeft ? "end" : "start", className: "reference-label")
        }
        out += frame.baseline
        return SVGChart(width: Self.width, height: Self.height, body: out)
    }

    /// Where `value` falls, in slots from the left edge (nil when outside every bin).
    func position(of value: Double) -> Double? {
        for i in 0..<(edges.count - 1) where value >= edges[i] && value < edges[i + 1] {
            return edges[i + 1].isFinite ? Double(i) + (value - edges[i]) / (edges[i + 1] - edges[i]) : Double(i)
        }
        return nil
    }
}
