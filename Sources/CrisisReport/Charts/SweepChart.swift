import CrisisExperiment

/// sweep.svg: one panel per charted KPI, its mean against the first varied key with 95%
/// confidence whiskers; with more keys, one line per combination of the others' values.
///
/// Drawn with the report's scales, plot frame, legend, palette and stylesheet (inside the file,
/// so it stands alone), so a sweep reads like a report: panels named by KPI label, thousands
/// grouped on the axes, occupancy's 85% line. No axis goes below zero (every KPI is a count,
/// share, duration or cost) nor, for a share, above 100%. An axis starts at zero unless the
/// values sit in a narrow band far from it (occupancy between 80% and 98%), where a line chart
/// may zoom in (as the ONS style guide allows); the legend then says where the axis starts.
/// Coordinates are written by `NumberFormat`, so the same sweep gives the same bytes on every
/// machine, run whole or merged from shards.
public enum SweepChart {
    static let width = 960.0
    /// The plot area's height in each panel; a panel grows with its legend.
    static let plotHeight = 300.0

    public static func svg(_ result: SweepResult) -> String {
        let identity = result.identity
        let settings = result.settings
        let caption = "Mean and 95% confidence interval of \(identity.replications) replications at each point, "
            + "\(NumberFormat.days(identity.horizonDays)) days after a \(NumberFormat.days(identity.warmupDays))-day "
            + "warm-up, seed \(identity.seed); common random numbers at every point"
            + (settings.stratum == "all" ? "" : "; \(settings.stratum)") + "."
        var body = SVG.text(result.title, x: width / 2, y: 26, anchor: "middle", className: "chart-title")
        var top = 30.0
        for line in SVG.wrapped(caption, width: width - 40, size: 11) {
            top += 15
            body += SVG.text(line, x: width / 2, y: top, anchor: "middle", className: "chart-caption")
        }
        top += 12
        // One left edge for every panel, so their plots line up.
        let left = settings.kpis.map { kpi in
            let range = yRange(result, kpi: kpi)
            return PlotFrame.leftMargin(fitting: range.ticks.map(range.label))
        }.max() ?? 60
        for kpi in settings.kpis {
            let chart = panel(result, kpi: kpi, left: left)
            body += "\n<g class=\"panel\" data-kpi=\"\(MarkupText.escape(kpi))\" transform=\"translate(0 \(SVG.number(top)))\">"
                + chart.body + "</g>"
            top += chart.height
        }
        let labels = settings.kpis.map(KPIText.label).joined(separator: "; ")
        return SVGChart(width: width, height: top + 8, body: body)
            .document(title: result.title, description: "Line charts, one per KPI (\(labels)), of the mean against "
                + "\(settings.keys[0]) with 95% confidence intervals as whiskers. \(caption)")
    }

    /// The lines of the chart: one per combination of the values of the second and later keys.
    static func lines(_ result: SweepResult) -> [(label: String, points: [Int])] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (index, point) in result.points.enumerated() {
            let label = zip(result.settings.keys.dropFirst(), point.dropFirst()).map { "\($0) = \($1)" }.joined(separator: ", ")
            if members[label] == nil { order.append(label) }
            members[label, default: []].append(index)
        }
        return order.map { ($0, members[$0]!) }
    }

    /// The points where `kpi` has a value: defined in some replication, at a numeric value of
    /// the first key.
    static func defined(_ result: SweepResult, kpi: String) -> Set<Int> {
        let series = result.series(kpi)
        return Set(series.indices.filter { index in
            Double(result.points[index][0])?.isFinite == true && (series[index].map { $0.count > 0 && $0.mean.isFinite } ?? false)
        })
    }

    /// The y axis of `kpi`'s panel, on a unit pixel range: from zero (or, zoomed, from just
    /// under the lowest value) to the highest value or interval end, with occupancy's 85% in
    /// view, cut at 100% for a share.
    static func yRange(_ result: SweepResult, kpi: String) -> LinearScale {
        let series = result.series(kpi)
        var values: [Double] = []
        for index in defined(result, kpi: kpi).sorted() {
            let summary = series[index]!
            values += [summary.mean, summary.lower, summary.upper].filter(\.isFinite)
        }
        if let reference = reference(kpi) { values.append(reference.value) }
        let ceiling = KPIText.isShare(KPIText.unit(kpi)) ? 100.0 : .infinity
        let high = min(ceiling, values.max() ?? 1), lowest = max(0, values.min() ?? 0)
        var scale = LinearScale(covering: lowest > high / 2 ? lowest : 0, high, pixels: 0, 1)
        scale.money = KPIText.isMoney(KPIText.unit(kpi))
        return scale
    }

    /// The level drawn across `kpi`'s panel, if any.
    static func reference(_ kpi: String) -> ReferenceLevel? {
        kpi == "beds.occupancy" ? CensusFigures.recommendedMaximum : nil
    }

    /// One KPI's panel: its label as the title, a legend, the plot and its axes, the plot from
    /// `left`.
    static func panel(_ result: SweepResult, kpi: String, left: Double) -> SVGChart {
        let settings = result.settings
        let unit = KPIText.unit(kpi)
        let label = KPIText.label(kpi)
        let remaining = KPIText.remainingUnit(unit)
        let series = result.series(kpi)
        let lines = lines(result)
        let xs = result.points.map { Double($0[0]) ?? .nan }
        let defined = defined(result, kpi: kpi)
        let range = yRange(result, kpi: kpi)

        var out = SVG.text(label + (settings.stratum == "all" ? "" : ", \(settings.stratum)"), x: 16, y: 22,
                           className: "panel-heading")
        var entries = lines.count > 1
            ? lines.enumerated().map { Legend.Entry(key: .pointWithInterval(colour: Palette.colour($0.offset)), label: $0.element.label) }
                + [Legend.Entry(key: .note, label: "whiskers: 95% confidence intervals")]
            : [Legend.Entry(key: .pointWithInterval(colour: Palette.colour(0)),
                            label: "mean of \(result.identity.replications) replications with its 95% confidence interval")]
        if range.lower > 0 {
            entries.append(Legend.Entry(key: .note, label: "the axis starts at \(range.label(range.lower)), not at zero"))
        }
        let legend = Legend(entries: entries).render(x: 16, y: 44, width: width - 32)

        let frameTop = 44 + legend.height + 8
        let frame = PlotFrame(left: left, right: width - 24, top: frameTop, bottom: frameTop + plotHeight)
        let y = range.spanning(pixels: frame.bottom, frame.top)
        let x = xScale(xs.filter(\.isFinite), pixels: frame.left, frame.right)
        // The grid's own values, as written, when there are few enough to label each.
        var ticks: [(value: Double, label: String)] = []
        for (value, point) in zip(xs, result.points) where value.isFinite && !ticks.contains(where: { $0.value == value }) {
            ticks.append((value, point[0]))
        }
        if ticks.count > 12 { ticks = x.ticks.map { ($0, x.label($0)) } }

        out += legend.svg
        // The label names the axis when it fits along it; the panel's heading names it anyway.
        let yTitle = SVG.textWidth("\(label) (\(unit))") <= plotHeight ? "\(label) (\(unit))" : "Mean (\(unit))"
        out += frame.yAxis(y, title: yTitle)
        let xUnit = settings.units.first ?? ""
        out += frame.xAxis(x, ticks: ticks, title: settings.keys[0] + (xUnit.isEmpty ? "" : " (\(xUnit))"))
        if let reference = reference(kpi) {
            // Labelled at the end where the line is further below the data, which the label sits under.
            let first = defined.min().map { series[$0]!.mean } ?? 0, last = defined.max().map { series[$0]!.mean } ?? 0
            out += frame.referenceLine(reference, y: y, labelAtStart: first > last)
        }
        if defined.isEmpty {
            out += SVG.text("no values: undefined in every replication at every point", x: (frame.left + frame.right) / 2,
                            y: (frame.top + frame.bottom) / 2, anchor: "middle", className: "note")
        }
        // Lines side by side are nudged apart so their whiskers do not hide each other.
        for (s, line) in lines.enumerated() {
            let colour = Palette.colour(s)
            let nudge = lines.count > 1 ? (Double(s) - Double(lines.count - 1) / 2) * min(4, 24 / Double(lines.count)) : 0
            // Consecutive defined points are joined; an undefined point breaks the line.
            var path = "", drawing = false
            for index in line.points {
                guard defined.contains(index) else {
                    drawing = false
                    continue
                }
                path += (drawing ? "L" : "M") + SVG.number(x(xs[index]) + nudge) + "," + SVG.number(y(y.clamped(series[index]!.mean)))
                drawing = true
            }
            out += "<g class=\"series\" data-series=\"\(MarkupText.escape(line.label))\">"
            out += SVG.element("path", ["d": path, "class": "mark line", "stroke": colour])
            for index in line.points where defined.contains(index) {
                let summary = series[index]!
                let px = SVG.number(x(xs[index]) + nudge), py = SVG.number(y(y.clamped(summary.mean)))
                let interval = KPIText.interval(summary)
                if summary.lower.isFinite && summary.upper.isFinite {
                    let low = SVG.number(y(y.clamped(summary.lower))), upper = SVG.number(y(y.clamped(summary.upper)))
                    let capLeft = SVG.number(x(xs[index]) + nudge - 4), capRight = SVG.number(x(xs[index]) + nudge + 4)
                    out += SVG.element("path", ["d": "M\(px),\(low)V\(upper)M\(capLeft),\(low)H\(capRight)M\(capLeft),\(upper)H\(capRight)",
                                                "stroke": colour, "class": "mark interval",
                                                "data-low": NumberFormat.exact(summary.lower),
                                                "data-high": NumberFormat.exact(summary.upper)])
                }
                let point = zip(settings.keys, result.points[index]).map { "\($0) = \($1)" }.joined(separator: ", ")
                out += SVG.element("circle", ["cx": px, "cy": py, "r": "3.5", "fill": colour, "class": "mark point",
                                              "data-value": NumberFormat.exact(summary.mean)],
                                   SVG.tooltip("\(point): \(KPIText.value(summary.mean, unit: unit))"
                                       + (interval == "-" ? "" : " (95% CI \(interval))") + (remaining.isEmpty ? "" : " \(remaining)")))
            }
            out += "</g>"
        }
        out += frame.baseline
        return SVGChart(width: width, height: frame.bottom + 56, body: out)
    }

    /// The first key's values with room either side for a point's whiskers: half the smallest
    /// gap between values (a tenth of the value, or 1, for a single one).
    static func xScale(_ values: [Double], pixels start: Double, _ end: Double) -> LinearScale {
        let distinct = Set(values).sorted()
        guard let low = distinct.first, let high = distinct.last else {
            return LinearScale(covering: 0, 1, pixels: start, end, nice: false)
        }
        let gaps = zip(distinct.dropFirst(), distinct).map { $0 - $1 }
        let pad = gaps.min().map { $0 / 2 } ?? (low == 0 ? 1 : abs(low) / 10)
        return LinearScale(covering: low - pad, high + pad, pixels: start, end, ticks: 8, nice: false)
    }
}
