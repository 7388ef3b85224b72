import SimRandom

/// One point of a plan's decision grid: its values, the replications run there so far, and
/// what the plan concluded about it.
public struct PlanPoint: Sendable {
    public enum Status: Sendable, Equatable {
        /// Not run: the plan decided without it.
        case notEvaluated
        /// Every target met, each with the plan's confidence.
        case feasible
        /// The target at this index missed, with the plan's confidence.
        case infeasible(target: Int)
        /// Still too close to call on some target at the most replications allowed.
        case undecided(target: Int)

        public var word: String {
            switch self {
            case .notEvaluated: "not evaluated"
            case .feasible: "feasible"
            case .infeasible: "infeasible"
            case .undecided: "undecided"
            }
        }
    }

    /// Position in the grid (SweepGrid order).
    public let index: Int
    /// The decision values as written (`49`), one per decision key.
    public let values: [String]
    public var status: Status = .notEvaluated
    /// The point whose call this one's status was inferred from by the plan's structure
    /// (`PlanStructure`), with no replications of its own beyond the first batch; nil when the
    /// point's own replications made the call.
    public var inferredFrom: Int?
    /// Per KPI of `PlanProblem.kpis`, the value in each replication run, in replication order.
    public var samples: [String: [Double]] = [:]

    public init(index: Int, values: [String]) {
        self.index = index
        self.values = values
    }

    public var replications: Int { samples.values.first?.count ?? 0 }

    /// The status in words, or "first stage only" for a point a sharded first stage ran that
    /// the answer did not need.
    public var conclusion: String { status == .notEvaluated && replications > 0 ? "first stage only" : status.word }

    /// The mean and one-sided bounds of `kpi` over the replications run, at the level
    /// `oneSided` (the chance the mean is below the upper bound); undefined replications
    /// (a share with no denominator) left out.
    public func estimate(_ kpi: String, oneSided: Double) -> (mean: Double, lower: Double, upper: Double, count: Int) {
        let values = (samples[kpi] ?? []).filter { !$0.isNaN }
        let n = values.count
        guard n > 0 else { return (.nan, .nan, .nan, 0) }
        let mean = values.reduce(0, +) / Double(n)
        guard n > 1 else { return (mean, -.infinity, .infinity, n) }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        // StudentT's two-sided value at 2p - 1 is the one-sided quantile p.
        let half = StudentT.criticalValue(confidence: 2 * oneSided - 1, degreesOfFreedom: n - 1)
            * (variance / Double(n)).squareRoot()
        return (mean, mean - half, mean + half, n)
    }

    /// The mean of `kpi` over the replications run, undefined ones left out.
    public func mean(_ kpi: String) -> Double { estimate(kpi, oneSided: 0.975).mean }

    /// The mean of `kpi` over the first `count` replications.
    func mean(_ kpi: String, first count: Int) -> Double {
        let values = (samples[kpi] ?? []).prefix(count)
        return values.reduce(0, +) / Double(values.count)
    }
}
