import CrisisModel
import SimRandom

/// Says when a headline KPI is estimated too loosely to quote: its 95% half-width is over
/// `threshold` (10%) of its mean. With the default 10 replications out-of-area placements
/// come out around ±27%, which a board paper would repeat as if it were exact.
public enum PrecisionAdvice {
    /// The relative half-width above which a headline KPI is called imprecise.
    public static let threshold = 0.10
    /// Replications beyond which a KPI is called a rare event rather than a target: the
    /// ceiling of `run --replications auto` (`--max-replications`' default).
    public static let rareAbove = 500

    /// One headline KPI estimated too loosely, and the replications that would bring it to
    /// the threshold.
    public struct Loose: Sendable, Equatable {
        public let id: String
        public let label: String
        public let relativeHalfWidth: Double
        public let replicationsNeeded: Int
    }

    /// The headline KPIs (whole system) of `summary` that `selection` takes, wider than the
    /// threshold, widest first.
    public static func loose(_ summary: Summary, selection: KPITable.Selection = .all) -> [Loose] {
        let labels = Dictionary(CrisisSystem.kpiDefinitions.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        return KPISection.headlines.compactMap { id -> Loose? in
            guard selection.includes(id), let kpi = summary.kpi(id), kpi.count > 1, kpi.relativeHalfWidth.isFinite,
                  kpi.relativeHalfWidth > threshold else { return nil }
            return Loose(id: id, label: labels[id] ?? id, relativeHalfWidth: kpi.relativeHalfWidth,
                         replicationsNeeded: replicationsNeeded(kpi))
        }.sorted { $0.relativeHalfWidth > $1.relativeHalfWidth }
    }

    /// The smallest n whose t-interval, with this spread, is within the threshold of the
    /// mean: t(n-1) * sd / sqrt(n) <= threshold * |mean|. An estimate: the spread is itself
    /// estimated from `kpi.count` replications.
    static func replicationsNeeded(_ kpi: KPISummary) -> Int {
        let ratio = kpi.standardDeviation / (threshold * abs(kpi.mean))
        // z-based start, then up while the t quantile still leaves it too wide.
        var n = max(kpi.count, Int((1.96 * ratio) * (1.96 * ratio)))
        while n < 1_000_000, StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: n - 1) * ratio > Double(n).squareRoot() {
            n += 1
        }
        return n
    }

    /// The advice in words for the terminal, empty when every headline KPI is precise enough.
    public static func text(_ summary: Summary, scenario: String? = nil, selection: KPITable.Selection = .all) -> [String] {
        let loose = loose(summary, selection: selection)
        guard !loose.isEmpty else { return [] }
        var lines = ["Precision: \(loose.count == 1 ? "one headline KPI is" : "\(loose.count) headline KPIs are") "
            + "estimated to within more than ±\(Int(threshold * 100))% of \(loose.count == 1 ? "its" : "their") mean"
            + (scenario.map { " in \($0)" } ?? "") + " (95% CI), too loose to quote as a single figure:"]
        for kpi in loose {
            let rare = kpi.replicationsNeeded > rareAbove
            lines.append("  \(kpi.label) (\(kpi.id)): ±\(NumberFormat.fixed(100 * kpi.relativeHalfWidth, 0))%; "
                + "about \(NumberFormat.grouped(Double(kpi.replicationsNeeded))) replications would reach ±10%"
                + (rare ? " (a rare event: quote its interval rather than chase ±10%)" : ""))
        }
        let reachable = loose.filter { $0.replicationsNeeded <= rareAbove }
        if let most = reachable.map(\.replicationsNeeded).max() {
            lines.append("  Run with --replications \(most), or with --replications auto --precision 0.1 "
                + reachable.map { "--precision-kpi \($0.id)" }.joined(separator: " ") + " to add replications until "
                + (reachable.count == 1 ? "it is" : "they are") + " reached.")
        }
        return lines
    }
}
