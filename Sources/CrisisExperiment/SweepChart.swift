import Foundation

/// sweep.svg: one panel per charted KPI, its mean against the first varied key with 95%
/// confidence whiskers; with more keys, one line per combination of the others' values.
///
/// Self-contained SVG (no scripts, fonts or links), coordinates written to two decimals with
/// `NumberFormat`, so the same sweep gives the same bytes on every machine.
public enum SweepChart {
    /// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999"]

    static let width = 760.0
    static let headerHeight = 56.0
    static let panelHeight = 380.0
    static let margin = (left: 84.0, right: 24.0, top: 44.0, bottom: 64.0)
    static let legendWidth = 180.0

    public static func svg(_ result: SweepResult, title: String) -> String {
        let settings = result.settings
        let kpis = settings.kpis
        let height = headerHeight + Double(max(kpis.count, 1)) * panelHeight
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
            + "viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
        out += "<title>\(escape(title))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>\n"
        out += text(x: width / 2, y: 24, escape(title), anchor: "middle", extra: " font-size=\"16\" font-weight=\"bold\"")
        let identity = result.identity
        let caption = "Mean and 95% CI of \(identity.replications) replications, \(NumberFormat.readable(identity.horizonDays)) "
            + "days after a \(NumberFormat.readable(identity.warmupDays))-day warm-up, seed \(identity.seed); "
            + "common random numbers at every point"
            + (settings.stratum == "all" ? "" : "; \(settings.stratum)")
        out += text(x: width / 2, y: 44, escape(caption), anchor: "middle", extra: " font-size=\"11\" fill=\"#444444\"")
        for (index, kpi) in kpis.enumerated() {
            out += panel(result, kpi: kpi, top: headerHeight + Double(index) * panelHeight)
        }
        return out + "</svg>\n"
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

    private static func panel(_ result: SweepResult, kpi: String, top: Double) -> String {
        let settings = result.settings
        let unit = SweepResult.unit(of: kpi)
        let series = result.series(kpi)
        let lines = lines(result)
        let legend = lines.count > 1
        let left = margin.left
        let right = width - margin.right - (legend ? legendWidth : 0)
        let plotTop = top + margin.top
        let bottom = top + panelHeight - margin.bottom
        var out = "<g>\n"
        out += text(x: (left + right) / 2, y: top + 26, escape("\(kpi) against \(settings.keys[0])"), anchor: "middle",
                    extra: " font-size=\"14\" font-weight=\"bold\"")

        let xs = result.points.map { Double($0[0]) ?? .nan }
        var ys: [Double] = []
        for case let summary? in series where summary.count > 0 {
            ys.append(summary.mean)
            if summary.halfWidth.isFinite { ys += [summary.lower, summary.upper] }
        }
        let xDomain = domain(xs.filter(\.isFinite))
        let yDomain = domain(ys.filter(\.isFinite))
        // The x axis is labelled at the grid's own values when there are few, as written.
        var xTickLabels: [(value: Double, label: String)] = []
        for (x, point) in zip(xs, result.points) where x.isFinite && !xTickLabels.contains(where: { $0.value == x }) {
            xTickLabels.append((x, point[0]))
        }
        if xTickLabels.count > 12 {
            let nice = ticks(xDomain)
            xTickLabels = nice.values.filter { $0 >= xDomain.low && $0 <= xDomain.high }
                .map { ($0, tickLabel($0, step: nice.step)) }
        }
        let yTicks = ticks(yDomain)
        let (xLow, xHigh) = xDomain
        let yLow = min(yDomain.low, yTicks.values.first ?? yDomain.low)
        let yHigh = max(yDomain.high, yTicks.values.last ?? yDomain.high)
        func px(_ x: Double) -> Double { left + (x - xLow) / (xHigh - xLow) * (right - left) }
        func py(_ y: Double) -> Double { bottom - (y - yLow) / (yHigh - yLow) * (bottom - plotTop) }

        // Grid, axes, ticks.
        for tick in yTicks.values {
            out += "<line x1=\"\(n(left))\" y1=\"\(n(py(tick)))\" x2=\"\(n(right))\" y2=\"\(n(py(tick)))\" stroke=\"#e5e5e5\"/>\n"
            out += text(x: left - 8, y: py(tick) + 4, tickLabel(tick, step: yTicks.step), anchor: "end")
        }
        for tick in xTickLabels {
            out += "<line x1=\"\(n(px(tick.value)))\" y1=\"\(n(bottom))\" x2=\"\(n(px(tick.value)))\" y2=\"\(n(bottom + 5))\" stroke=\"#333333\"/>\n"
            out += text(x: px(tick.value), y: bottom + 19, escape(tick.label), anchor: "middle")
        }
        out += "<rect x=\"\(n(left))\" y=\"\(n(plotTop))\" width=\"\(n(right - left))\" height=\"\(n(bottom - plotTop))\" "
            + "fill=\"none\" stroke=\"#333333\"/>\n"
        let xUnit = settings.units.first ?? ""
        out += text(x: (left + right) / 2, y: bottom + 44, escape(settings.keys[0] + (xUnit.isEmpty ? "" : " (\(xUnit))")),
                    anchor: "middle", extra: " font-size=\"13\"")
        let yLabel = kpi + (unit.isEmpty ? "" : " (\(unit))")
        let yMiddle = (plotTop + bottom) / 2
        out += "<text x=\"\(n(left - 60))\" y=\"\(n(yMiddle))\" text-anchor=\"middle\" font-size=\"13\" "
            + "transform=\"rotate(-90 \(n(left - 60)) \(n(yMiddle)))\">\(escape(yLabel))</text>\n"

        if ys.isEmpty {
            out += text(x: (left + right) / 2, y: yMiddle, "no values: undefined in every replication at every point",
                        anchor: "middle", extra: " fill=\"#888888\"")
        }
        // Lines, whiskers and points; lines side by side are nudged apart so whiskers do not hide each other.
        for (s, line) in lines.enumerated() {
            let colour = palette[s % palette.count]
            let nudge = lines.count > 1 ? (Double(s) - Double(lines.count - 1) / 2) * min(4, 24 / Double(lines.count)) : 0
            // Connect consecutive defined points; an undefined point breaks the line.
            var segments: [[String]] = [[]]
            for index in line.points {
                guard let summary = series[index], summary.count > 0, summary.mean.isFinite, xs[index].isFinite else {
                    if !segments[segments.count - 1].isEmpty { segments.append([]) }
                    continue
                }
                segments[segments.count - 1].append("\(n(px(xs[index]) + nudge)) \(n(py(summary.mean)))")
            }
            for segment in segments where segment.count > 1 {
                out += "<path d=\"M" + segment.joined(separator: "L") + "\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
            }
            for index in line.points {
                guard let summary = series[index], summary.count > 0, summary.mean.isFinite, xs[index].isFinite else { continue }
                let x = px(xs[index]) + nudge
                let point = zip(settings.keys, result.points[index]).map { "\($0) = \($1)" }.joined(separator: ", ")
                var tip = "\(point): \(NumberFormat.readable(summary.mean))"
                if summary.halfWidth.isFinite {
                    tip += " [\(NumberFormat.readable(summary.lower)), \(NumberFormat.readable(summary.upper))]"
                    out += "<path d=\"M\(n(x)) \(n(py(summary.lower)))L\(n(x)) \(n(py(summary.upper)))"
                        + "M\(n(x - 4)) \(n(py(summary.lower)))L\(n(x + 4)) \(n(py(summary.lower)))"
                        + "M\(n(x - 4)) \(n(py(summary.upper)))L\(n(x + 4)) \(n(py(summary.upper)))\" "
                        + "stroke=\"\(colour)\" stroke-width=\"1.2\" fill=\"none\"/>\n"
                }
                tip += unit.isEmpty ? "" : " \(unit)"
                out += "<circle cx=\"\(n(x))\" cy=\"\(n(py(summary.mean)))\" r=\"3\" fill=\"\(colour)\">"
                    + "<title>\(escape(tip))</title></circle>\n"
            }
            if legend {
                let y = plotTop + 8 + Double(s) * 18
                out += "<line x1=\"\(n(right + 14))\" y1=\"\(n(y))\" x2=\"\(n(right + 34))\" y2=\"\(n(y))\" "
                    + "stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
                out += text(x: right + 40, y: y + 4, escape(line.label), anchor: "start")
            }
        }
        return out + "</g>\n"
    }

    /// The range to show: the data's, widened a little, or around a single value.
    static func domain(_ values: [Double]) -> (low: Double, high: Double) {
        guard let low = values.min(), let high = values.max() else { return (0, 1) }
        if high > low {
            let pad = (high - low) * 0.05
            return (low - pad, high + pad)
        }
        let pad = low == 0 ? 1 : abs(low) * 0.1
        return (low - pad, high + pad)
    }

    /// Ticks at a round step (1, 2 or 5 times a power of ten), about five of them, covering
    /// the domain.
    static func ticks(_ domain: (low: Double, high: Double)) -> (values: [Double], step: Double) {
        let raw = (domain.high - domain.low) / 5
        let power = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
        let first = (domain.low / step).rounded(.down)
        let last = (domain.high / step).rounded(.up)
        return ((0...Int(last - first)).map { (first + Double($0)) * step }, step)
    }

    private static func tickLabel(_ value: Double, step: Double) -> String {
        let decimals = max(0, Int(-(log10(step)).rounded(.down)))
        let text = NumberFormat.fixed(value, decimals)
        return text.hasPrefix("-") && (Double(text) ?? 1) == 0 ? String(text.dropFirst()) : text
    }

    private static func n(_ value: Double) -> String { NumberFormat.fixed(value, 2) }

    private static func text(x: Double, y: Double, _ content: String, anchor: String, extra: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\"\(extra)>\(content)</text>\n"
    }

    static func escape(_ text: String) -> String { MarkupText.escape(text) }
}

