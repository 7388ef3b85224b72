import CrisisModel

/// KPI values in words and figures for people: money as GBP 19.4m, shares with a % sign,
/// intervals of levels cut at what the KPI can be (no count below 0, no share above 100%),
/// changes with their sign. Files keep exact values; this is for tables, summaries and charts.
public enum KPIText {
    /// The definitions by identifier.
    static let definitions = Dictionary(CrisisSystem.kpiDefinitions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// The label of `id` ("Out-of-area placements started"), or the identifier itself for a
    /// KPI outside the catalogue.
    public static func label(_ id: String) -> String { definitions[id]?.label ?? id }

    /// The unit of `id` ("per year", "%"), or "" for a KPI outside the catalogue.
    public static func unit(_ id: String) -> String { definitions[id]?.unit ?? "" }

    public static func isMoney(_ unit: String) -> Bool { unit.hasPrefix("GBP") }
    public static func isShare(_ unit: String) -> Bool { unit.hasPrefix("%") }

    /// The unit left to print beside a value once `value(_:unit:)` has said GBP or %.
    public static func remainingUnit(_ unit: String) -> String {
        if isMoney(unit) { return String(unit.dropFirst(3)).trimmingCharacters(in: [" "]) }
        if isShare(unit) { return String(unit.dropFirst(1)).trimmingCharacters(in: [" "]) }
        return unit
    }

    /// A level: `GBP 19.4m`, `93.7%`, `1,830`, `6.46`.
    public static func value(_ value: Double, unit: String) -> String {
        guard value.isFinite else { return "-" }
        if isMoney(unit) { return "GBP " + money(value) }
        if isShare(unit) { return NumberFormat.readable(value) + "%" }
        return NumberFormat.readable(value)
    }

    /// A change, always signed: `+141`, `-2.5 points`, `+GBP 0.4m`.
    public static func change(_ value: Double, unit: String) -> String {
        guard value.isFinite else { return "-" }
        let magnitude = isMoney(unit) ? money(abs(value)) : NumberFormat.readable(abs(value))
        // A change that rounds to nothing has no direction: ±0.00, never -0.00.
        let rounded = magnitude.allSatisfy { "0.,".contains($0) }
        let sign = rounded ? "±" : value > 0 ? "+" : "-"
        if isMoney(unit) { return sign + "GBP " + magnitude }
        if isShare(unit) { return sign + magnitude + (magnitude == "1.00" ? " point" : " points") }
        return sign + magnitude
    }

    /// A 95% interval of a level, cut to the KPI's range: every KPI in the catalogue is a
    /// count, share, duration or cost, so none is below 0, and no share is above 100%.
    public static func interval(_ kpi: KPISummary) -> String {
        guard kpi.count > 1 else { return "-" }
        return interval(lower: kpi.lower, upper: kpi.upper, unit: kpi.unit)
    }

    /// A 95% interval of a level from its bounds, as read back from result files ("-" when a
    /// bound is undefined: a single replication).
    public static func interval(lower: Double, upper: Double, unit: String) -> String {
        guard lower.isFinite, upper.isFinite else { return "-" }
        return value(max(0, lower), unit: unit) + " to " + value(isShare(unit) ? min(100, upper) : upper, unit: unit)
    }

    /// A 95% interval of a change, each end signed.
    public static func changeInterval(_ difference: KPISummary) -> String {
        guard difference.count > 1 else { return "-" }
        return changeInterval(lower: difference.lower, upper: difference.upper, unit: difference.unit)
    }

    /// A 95% interval of a change from its bounds ("-" when a bound is undefined).
    public static func changeInterval(lower: Double, upper: Double, unit: String) -> String {
        guard lower.isFinite, upper.isFinite else { return "-" }
        let (low, high) = (change(lower, unit: unit), change(upper, unit: unit))
        // The same change in every replication (a fixed cost, an unchanged count).
        return low == high ? low : low + " to " + high
    }

    /// Pounds to three significant figures with a k or m suffix: 19.4m, 412k, 8.50k, 640; one
    /// form from a thousand up, so a column never mixes 1,024 with 31.0k.
    public static func money(_ value: Double) -> String {
        let magnitude = abs(value)
        let sign = value < 0 ? "-" : ""
        if magnitude >= 999_500 { return sign + NumberFormat.readable(magnitude / 1_000_000) + "m" }
        if magnitude >= 999.5 { return sign + NumberFormat.readable(magnitude / 1000) + "k" }
        return sign + NumberFormat.grouped(magnitude)
    }
}
