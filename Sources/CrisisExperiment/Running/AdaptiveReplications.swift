import CrisisModel

/// Adds replications in batches until chosen KPIs are estimated precisely enough.
///
/// After each batch, every target KPI (whole system) must have a 95% interval whose half-width
/// is at most `precision` times its mean's magnitude (a KPI whose replications all agree, e.g.
/// zero out-of-area placements, counts as precise). Batches have a fixed size, independent of
/// the thread count, so the number of replications used, and so every output byte, is the
/// same on any machine.
public struct AdaptiveReplications: Sendable {
    public let runner: ReplicationRunner
    /// KPI identifiers (whole-system stratum) that must reach the precision.
    public let targets: [String]
    /// Relative half-width wanted, e.g. 0.05 for ±5%.
    public let precision: Double
    public let batchSize: Int
    public let minimum: Int
    public let maximum: Int

    /// The KPIs planners most often size a run on.
    public static let defaultTargets = ["beds.occupancy", "admissions.total", "oap.placements"]

    public init(runner: ReplicationRunner, targets: [String] = defaultTargets, precision: Double,
                batchSize: Int = 10, minimum: Int = 10, maximum: Int = 500) {
        precondition(precision > 0 && batchSize > 0 && minimum >= 2 && maximum >= minimum)
        self.runner = runner
        self.targets = targets
        self.precision = precision
        self.batchSize = batchSize
        self.minimum = minimum
        self.maximum = maximum
    }

    /// What the search found.
    public struct Outcome: Sendable {
        public let results: [ReplicationResult]
        /// Whether every target reached the precision (false: stopped at `maximum`).
        public let reachedPrecision: Bool
        /// The widest relative half-width among the targets at the end, with its KPI.
        public let widest: (id: String, relativeHalfWidth: Double)
    }

    public func run(threads: Int, progress: (@Sendable (Int) -> Void)? = nil) throws -> Outcome {
        var results = try runner.run(Array(0..<minimum), threads: threads)
        progress?(results.count)
        while true {
            let widest = self.widest(Summary(results))
            if widest.relativeHalfWidth <= precision {
                return Outcome(results: results, reachedPrecision: true, widest: widest)
            }
            if results.count >= maximum {
                return Outcome(results: results, reachedPrecision: false, widest: widest)
            }
            let next = results.count..<min(results.count + batchSize, maximum)
            results += try runner.run(Array(next), threads: threads)
            progress?(results.count)
        }
    }

    /// The target furthest from the precision wanted.
    func widest(_ summary: Summary) -> (id: String, relativeHalfWidth: Double) {
        var widest = (id: "", relativeHalfWidth: 0.0)
        for id in targets {
            guard let kpi = summary.kpi(id) else { continue }
            let relative: Double
            if kpi.count < 2 { relative = .infinity }
            else if kpi.halfWidth == 0 { relative = 0 }
            else { relative = kpi.relativeHalfWidth.isFinite ? kpi.relativeHalfWidth : .infinity }
            if relative > widest.relativeHalfWidth || widest.id.isEmpty { widest = (id, relative) }
        }
        return widest
    }
}
