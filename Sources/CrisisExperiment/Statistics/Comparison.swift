import CrisisModel

/// A variant against the base, KPI by KPI, with common random numbers.
///
/// Replication r of every scenario uses substream r of the same named streams, so the two
/// runs see the same people arriving with the same needs until policy makes them differ.
/// The paired difference (variant − base) per replication then has a much smaller variance
/// than the difference of two independent runs; `varianceReduction` reports by how much.
public struct PairedDifference: Sendable, Equatable {
    public let id: String
    public let stratum: String
    public let unit: String
    public let base: KPISummary
    public let variant: KPISummary
    /// The summary of (variant − base) over paired replications.
    public let difference: KPISummary
    /// Var(base) + Var(variant) divided by Var(variant − base): how many times smaller the
    /// paired variance is than that of independent runs (NaN when undefined).
    public let varianceReduction: Double

    /// Whether the 95% interval of the difference excludes zero.
    public var isSignificant: Bool {
        difference.count > 1 && difference.halfWidth.isFinite && (difference.lower > 0 || difference.upper < 0)
    }
}

public enum Comparison {
    /// Pairs replication results by replication index and compares every KPI present in both.
    public static func paired(base: [ReplicationResult], variant: [ReplicationResult]) -> [PairedDifference] {
        precondition(base.count == variant.count, "paired comparison needs the same replications")
        let units = Dictionary(CrisisSystem.kpiDefinitions.map { ($0.id, $0.unit) }, uniquingKeysWith: { a, _ in a })
        guard let first = base.first, let firstVariant = variant.first else { return [] }
        var variantIndex: [String: Int] = [:]
        for (k, kpi) in firstVariant.kpis.enumerated() { variantIndex[kpi.id + "\u{0}" + kpi.stratum] = k }
        var differences: [PairedDifference] = []
        for (k, key) in first.kpis.enumerated() {
            guard let v = variantIndex[key.id + "\u{0}" + key.stratum] else { continue }
            let unit = units[key.id] ?? ""
            let baseValues = base.map { $0.kpis[k].value }
            let variantValues = variant.map { $0.kpis[v].value }
            let paired = zip(baseValues, variantValues).map { b, x in b.isNaN || x.isNaN ? Double.nan : x - b }
            let b = KPISummary(id: key.id, stratum: key.stratum, unit: unit, values: baseValues)
            let x = KPISummary(id: key.id, stratum: key.stratum, unit: unit, values: variantValues)
            let d = KPISummary(id: key.id, stratum: key.stratum, unit: unit, values: paired)
            let independent = b.standardDeviation * b.standardDeviation + x.standardDeviation * x.standardDeviation
            let pairedVariance = d.standardDeviation * d.standardDeviation
            let reduction = pairedVariance > 0 ? independent / pairedVariance : .nan
            differences.append(PairedDifference(id: key.id, stratum: key.stratum, unit: unit, base: b, variant: x,
                                                difference: d, varianceReduction: reduction))
        }
        return differences
    }
}
