import CrisisExperiment
import Foundation

/// Maps data values to pixels along one axis, with ticks at round values (steps of 1, 2 or 5
/// times a power of ten) so gridlines fall on numbers people read easily.
struct LinearScale {
    let lower: Double
    let upper: Double
    let step: Double
    /// Pixel positions of `lower` and `upper` (end may be less than start, as on a y axis).
    private(set) var start: Double
    private(set) var end: Double
    /// Labels in pounds as the tables write them (18.5m, 412k): the axis title carries GBP.
    var money = false

    /// A scale over `low...high` with about `ticks` steps. With `nice`, the domain widens to
    /// the enclosing ticks, so the axis ends on a labelled value; without, it stays as given
    /// (a time axis that should end on the last day).
    init(covering low: Double, _ high: Double, pixels start: Double, _ end: Double, ticks: Int = 5, nice: Bool = true) {
        var low = low.isFinite ? low : 0, high = high.isFinite ? high : 1
        if !(high > low) { high = low + (low == 0 ? 1 : abs(low) / 2) }
        // The step nearest the raw one on a log scale (the rule d3's ticks use), so 0...103
        // gets steps of 20 rather than 50.
        let raw = (high - low) / Double(max(1, ticks))
        let power = pow(10, log10(raw).rounded(.down))
        let error = raw / power
        step = power * (error >= 50.0.squareRoot() ? 10 : error >= 10.0.squareRoot() ? 5 : error >= 2.0.squareRoot() ? 2 : 1)
        if nice {
            low = (low / step + 1e-9).rounded(.down) * step
            high = (high / step - 1e-9).rounded(.up) * step
        }
        lower = low
        upper = high
        self.start = start
        self.end = end
    }

    /// The same domain and ticks over other pixels: a scale chosen before the plot is placed
    /// (to size the margin for its labels) keeps its ticks when drawn.
    func spanning(pixels start: Double, _ end: Double) -> LinearScale {
        var scale = self
        scale.start = start
        scale.end = end
        return scale
    }

    func callAsFunction(_ value: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }

    /// `value` moved into the domain, for marks that must stay inside the plot.
    func clamped(_ value: Double) -> Double { min(max(value, lower), upper) }

    /// The multiples of the step within the domain, computed by index so rounding cannot drift.
    var ticks: [Double] {
        let first = (lower / step - 1e-9).rounded(.up), last = (upper / step + 1e-9).rounded(.down)
        guard last >= first else { return [] }
        return (0...Int(last - first)).map { i in
            let value = (first + Double(i)) * step
            return abs(value) < step * 1e-9 ? 0 : value
        }
    }

    /// Round ticks without the zeros three significant figures add: 1.50m -> 1.5m, 2.00m -> 2m.
    static func trimmed(_ money: String) -> String {
        guard money.contains("."), let suffix = money.last, suffix.isLetter else { return money }
        var number = String(money[..<money.index(before: money.endIndex)])
        while number.hasSuffix("0") && number.contains(".") { number.removeLast() }
        if number.hasSuffix(".") { number.removeLast() }
        return number + String(suffix)
    }

    /// A tick value with as many decimals as the step needs, thousands grouped; money as
    /// 18.5m or 412k, the tables' form, rather than 18,500,000.
    func label(_ value: Double) -> String {
        if money && abs(value) >= 1000 { return Self.trimmed(KPIText.money(value)) }
        let decimals = step >= 1 ? 0 : Int((-log10(step) - 1e-9).rounded(.up))
        return decimals == 0 && abs(value) >= 1000 ? NumberFormat.grouped(value) : NumberFormat.fixed(value, decimals)
    }
}
