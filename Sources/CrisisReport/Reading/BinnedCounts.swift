import CrisisExperiment

/// A distribution as counts in bins [low, high), summed over replications: how
/// distributions.csv records the time from admission request to bed.
public struct BinnedCounts: Sendable, Equatable {
    public struct Bin: Sendable, Equatable {
        public let low: Double
        public let high: Double
        public let count: Double

        public init(low: Double, high: Double, count: Double) {
            self.low = low
            self.high = high
            self.count = count
        }
    }

    /// Non-empty bins in increasing order; the last may run to infinity (values beyond the
    /// model's histogram).
    public let bins: [Bin]
    /// Replications whose counts were added.
    public let replications: Int

    public init(bins: [Bin], replications: Int) {
        self.bins = bins.sorted { $0.low < $1.low }
        self.replications = replications
    }

    /// The rows of `distribution` in a distributions.csv, added up bin by bin.
    init(_ table: CSVTable<DistributionsCSV>, distribution: String) throws {
        let name = try table.column(.distribution), replication = try table.column(.replication)
        let low = try table.column(.binLow), high = try table.column(.binHigh), count = try table.column(.count)
        var totals: [Double: Bin] = [:]
        var seen: Set<String> = []
        for r in table.rows.indices where table.rows[r][name] == distribution {
            seen.insert(table.rows[r][replication])
            let bin = Bin(low: try table.number(r, low), high: try table.number(r, high), count: try table.number(r, count))
            let total = (totals[bin.low]?.count ?? 0) + bin.count
            totals[bin.low] = Bin(low: bin.low, high: bin.high, count: total)
        }
        self.init(bins: Array(totals.values), replications: seen.count)
    }

    public var total: Double { bins.reduce(0) { $0 + $1.count } }

    /// The smallest bin upper edge below which at least fraction `p` of the counts lie.
    func upperEdge(covering p: Double) -> Double {
        let target = p * total
        var cumulative = 0.0
        for bin in bins {
            cumulative += bin.count
            if cumulative >= target { return bin.high }
        }
        return bins.last?.high ?? 0
    }

    /// The counts in bins of `width` from 0 up to `limit`, then everything from `limit` up as
    /// one last bin (high = infinity), so a long tail stays visible without stretching the axis.
    /// - Precondition: the original bins nest in the new ones (true for the model's quarter hours
    ///   and any whole number of hours).
    func regrouped(width: Double, limit: Double) -> [Bin] {
        let count = Int((limit / width).rounded())
        var counts = [Double](repeating: 0, count: count + 1)
        for bin in bins {
            let slot = bin.low >= limit ? count : bin.low <= 0 ? 0 : Int((bin.low / width + 1e-9).rounded(.down))
            counts[min(slot, count)] += bin.count
        }
        return (0...count).map { k in
            Bin(low: Double(k) * width, high: k == count ? .infinity : Double(k + 1) * width, count: counts[k])
        }
    }
}
