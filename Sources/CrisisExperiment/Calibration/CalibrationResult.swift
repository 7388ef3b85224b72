import CrisisModel
import CrisisScenario

/// What a calibration found: the free keys' values and how well identified each is, the
/// model against every target there, and how the search went.
public struct CalibrationResult: Sendable {
    public let problem: CalibrationProblem
    public let objective: CalibrationObjective
    /// The free keys' values where the search started (the scenario's own, inside the bounds).
    public let start: [Double]
    public let startModel: [KPISummary]
    public let startObjective: Double
    /// The calibrated values, as calibrated.yaml writes them (`Calibration.digits`).
    public let values: [Double]
    /// Each target's KPI over the replications at `values`.
    public let model: [KPISummary]
    public let objectiveValue: Double
    public let iterations: Int
    /// Candidates run by the search, and in all (curvature and slices included).
    public let searchEvaluations: Int
    public let evaluations: Int
    public let identification: [Identification]

    /// The objective at one value of a key, the others at their calibrated values.
    public struct SlicePoint: Sendable {
        public let value: Double
        public let objective: Double
    }
    /// Per free key, the objective across its range.
    public let slices: [[SlicePoint]]

    /// Replications run in all.
    public var replicationsRun: Int { evaluations * problem.replications }

    /// Each target's standardised difference at the calibrated values.
    public var differences: [Double] { objective.differences(model) }

    /// Whether the model's 95% interval at the calibrated values overlaps the target's.
    public func agrees(_ k: Int) -> Bool {
        let target = problem.targets[k], kpi = model[k]
        guard kpi.count > 0 else { return false }
        let half = 1.96 * target.standardError
        let (lower, upper) = kpi.count > 1 ? (kpi.lower, kpi.upper) : (kpi.mean, kpi.mean)
        return lower <= target.value + half && upper >= target.value - half
    }
}
