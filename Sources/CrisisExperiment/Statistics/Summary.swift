import CrisisModel
import SimKernel
import SimRandom

/// One KPI across replications: mean, spread and a 95% Student t confidence interval.
public struct KPISummary: Sendable, Equatable {
    public let id: String
    public let stratum: String
    public let unit: String
    /// Replications where the KPI was defined (e.g. a share needs a denominator).
    public let count: Int
    public let mean: Double
    public let standardDeviation: Double
    /// Half-width of the 95% confidence interval (NaN with fewer than 2 values).
    public let halfWidth: Double

    public var lower: Double { mean - halfWidth }
    public var upper: Double { mean + halfWidth }
    /// Half-width relative to the mean's magnitude (NaN when the mean is 0).
    public var relativeHalfWidth: Double { mean != 0 ? halfWidth / abs(mean) : .nan }

    /// Summarises `values`, skipping NaN (undefined in that replication).
    public init(id: String, stratum: String, unit: String, values: [Double], confidence: Double = 0.95) {
        self.id = id
        self.stratum = stratum
        self.unit = unit
        var tally = Tally()
        for value in values where !value.isNaN { tally.add(value) }
        count = tally.count
        mean = tally.mean
        standardDeviation = tally.count > 1 ? tally.standardDeviation : .nan
        let t = StudentT.criticalValue(confidence: confidence, degreesOfFreedom: tally.count - 1)
        halfWidth = tally.count > 1 ? t * standardDeviation / Double(tally.count).squareRoot() : .nan
    }

    /// A summary read back from a result file (summary.csv keeps the interval, not the
    /// spread): the standard deviation is the one that interval implies.
    public init(id: String, stratum: String, unit: String, count: Int, mean: Double, lower: Double, upper: Double) {
        self.id = id
        self.stratum = stratum
        self.unit = unit
        self.count = count
        self.mean = mean
        halfWidth = count > 1 ? (upper - lower) / 2 : .nan
        let t = StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: count - 1)
        standardDeviation = count > 1 ? halfWidth * Double(count).squareRoot() / t : .nan
    }
}

/// Every KPI of a scenario, summarised over its replications.
public struct Summary: Sendable {
    public let kpis: [KPISummary]
    public let replications: Int

    /// Summaries in the replication results' KPI order (catalogue order, then stratum).
    public init(_ results: [ReplicationResult]) {
        replications = results.count
        let units = Dictionary(CrisisSystem.kpiDefinitions.map { ($0.id, $0.unit) }, uniquingKeysWith: { a, _ in a })
        guard let first = results.first else {
            kpis = []
            return
        }
        kpis = first.kpis.indices.map { k in
            let key = first.kpis[k]
            return KPISummary(id: key.id, stratum: key.stratum, unit: units[key.id] ?? "",
                              values: results.map { $0.kpis[k].value })
        }
    }

    /// Summaries as read back from a result file, of `replications` replications.
    public init(kpis: [KPISummary], replications: Int) {
        self.kpis = kpis
        self.replications = replications
    }

    public func kpi(_ id: String, stratum: String = "all") -> KPISummary? {
        kpis.first { $0.id == id && $0.stratum == stratum }
    }
}
