import CrisisModel

/// A comparison in words, written from its results: the changes whose 95% intervals exclude
/// zero, largest first, each with both levels and the interval of the change; then the
/// headline KPIs that did not change detectably. What a planner would write in a board paper.
public enum ComparisonSummary {
    /// The changes listed before "and N more".
    public static let listed = 6

    /// The clear changes of the whole system, largest relative change first (a KPI that was 0
    /// in the base and is not now comes first).
    public static func clearChanges(_ comparison: [PairedDifference]) -> [PairedDifference] {
        comparison.filter { $0.stratum == "all" && $0.isSignificant }.sorted { relative($0) > relative($1) }
    }

    static func relative(_ row: PairedDifference) -> Double {
        row.base.mean != 0 ? abs(row.difference.mean / row.base.mean) : .infinity
    }

    /// The headline KPIs whose change is not distinguishable from zero.
    public static func unchangedHeadlines(_ comparison: [PairedDifference]) -> [PairedDifference] {
        KPISection.headlines.compactMap { id in comparison.first { $0.id == id && $0.stratum == "all" } }
            .filter { !$0.isSignificant && $0.difference.count > 1 }
    }

    /// One sentence for a change: "Out-of-area placements started: up from 79.4 to 220 a year
    /// (+141; 95% CI +120 to +162)."
    public static func sentence(_ row: PairedDifference) -> String {
        let direction = row.difference.mean > 0 ? "up" : "down"
        let unit = row.unit
        let per = unit.hasSuffix("per year") ? " a year" : unit == "% of time" ? " of the time"
            : ["hours", "days", "people"].contains(unit) ? " " + unit : ""
        return "\(KPIText.label(row.id)): \(direction) from \(KPIText.value(row.base.mean, unit: unit)) to "
            + "\(KPIText.value(row.variant.mean, unit: unit))\(per) (\(KPIText.change(row.difference.mean, unit: unit)); "
            + "95% CI \(KPIText.changeInterval(row.difference)))."
    }

    /// The summary as lines of text: a heading, the clear changes, and what did not change.
    public static func text(variant: String, base: String, _ comparison: [PairedDifference]) -> [String] {
        let clear = clearChanges(comparison)
        var lines = ["In words, \(variant) against \(base) (whole system; paired 95% intervals):"]
        if clear.isEmpty {
            lines.append("  No KPI changed by more than the replications can detect.")
        } else {
            for row in clear.prefix(listed) { lines.append("  - " + sentence(row)) }
            if clear.count > listed {
                lines.append("  - and \(clear.count - listed) smaller clear change\(clear.count - listed == 1 ? "" : "s") "
                    + "in the table.")
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
