import CrisisModel

/// One KPI of a variant against its base, as a summary in words needs it: both means and the
/// paired change with its 95% interval. Paired differences computed here and the rows of a
/// comparison.csv read by the report both give it.
public protocol PairedChange {
    var id: String { get }
    var stratum: String { get }
    var unit: String { get }
    var baseMean: Double { get }
    var variantMean: Double { get }
    var change: Double { get }
    var changeLower: Double { get }
    var changeUpper: Double { get }
    /// Whether the change's 95% interval excludes zero.
    var isClear: Bool { get }
}

extension PairedDifference: PairedChange {
    public var baseMean: Double { base.mean }
    public var variantMean: Double { variant.mean }
    public var change: Double { difference.mean }
    public var changeLower: Double { difference.count > 1 ? difference.lower : .nan }
    public var changeUpper: Double { difference.count > 1 ? difference.upper : .nan }
    public var isClear: Bool { isSignificant }
}

/// A comparison in words, written from its results: the changes whose 95% intervals exclude
/// zero, largest first, each with both levels and the interval of the change; then the
/// headline KPIs that did not change detectably. What a planner would write in a board paper.
public enum ComparisonSummary {
    /// The changes listed before "and N more", unless more headline KPIs changed.
    public static let listed = 6

    /// The clear changes of the whole system: the headline KPIs first, then the rest, each
    /// group largest relative change first (a KPI that was 0 in the base and is not now leads
    /// its group).
    public static func clearChanges<Row: PairedChange>(_ comparison: [Row]) -> [Row] {
        comparison.filter { $0.stratum == "all" && $0.isClear }.sorted { a, b in
            let (headlineA, headlineB) = (KPISection.headlines.contains(a.id), KPISection.headlines.contains(b.id))
            return headlineA != headlineB ? headlineA : relative(a) > relative(b)
        }
    }

    static func relative(_ row: some PairedChange) -> Double {
        row.baseMean != 0 ? abs(row.change / row.baseMean) : .infinity
    }

    /// The headline KPIs whose change is not distinguishable from zero.
    public static func unchangedHeadlines<Row: PairedChange>(_ comparison: [Row]) -> [Row] {
        KPISection.headlines.compactMap { id in comparison.first { $0.id == id && $0.stratum == "all" } }
            .filter { !$0.isClear && $0.changeLower.isFinite }
    }

    /// One sentence for a change: "Out-of-area placements started: up from 79.4 to 220 a year
    /// (+141; 95% CI +120 to +162)."
    public static func sentence(_ row: some PairedChange) -> String {
        let direction = row.change > 0 ? "up" : "down"
        let unit = row.unit
        let per = unit.hasSuffix("per year") ? " a year" : unit == "% of time" ? " of the time"
            : ["hours", "days", "people"].contains(unit) ? " " + unit : ""
        let change = KPIText.change(row.change, unit: unit)
        let interval = KPIText.changeInterval(lower: row.changeLower, upper: row.changeUpper, unit: unit)
        // A change that is the same in every replication (a fixed cost) has no interval to give.
        let uncertainty = interval == change ? " in every replication" : "; 95% CI \(interval)"
        return "\(KPIText.label(row.id)): \(direction) from \(KPIText.value(row.baseMean, unit: unit)) to "
            + "\(KPIText.value(row.variantMean, unit: unit))\(per) (\(change)\(uncertainty))."
    }

    /// The clear changes a summary spells out: every headline KPI's (a board paper quotes
    /// them whatever their size), then the largest others up to `listed` in all.
    public static func spelledOut<Row: PairedChange>(_ clear: [Row]) -> [Row] {
        let headlines = clear.filter { KPISection.headlines.contains($0.id) }
        let others = clear.filter { !KPISection.headlines.contains($0.id) }
        return headlines + others.prefix(max(0, listed - headlines.count))
    }

    /// The summary as lines of text: a heading, the clear changes, and what did not change.
    public static func text(variant: String, base: String, _ comparison: [some PairedChange]) -> [String] {
        let clear = clearChanges(comparison)
        var lines = ["In words, \(variant) against \(base) (whole system; paired 95% intervals):"]
        if clear.isEmpty {
            lines.append("  No KPI changed by more than the replications can detect.")
        } else {
            let shown = spelledOut(clear)
            for row in shown { lines.append("  - " + sentence(row)) }
            let more = clear.count - shown.count
            if more > 0 {
                lines.append("  - and \(more) smaller clear change\(more == 1 ? "" : "s") in the table.")
            }
        }
        let unchanged = unchangedHeadlines(comparison)
        if !unchanged.isEmpty {
            lines.append("  No detectable change: " + unchanged.map { KPIText.label($0.id) }.joined(separator: "; ")
                + " (more replications narrow the intervals).")
        }
        return lines
    }
}
