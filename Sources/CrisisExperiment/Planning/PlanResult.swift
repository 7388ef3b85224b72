/// What a plan found: the recommended point and runners-up, and every point's status and
/// replications.
public struct PlanResult: Sendable {
    public let problem: PlanProblem
    public let points: [PlanPoint]
    /// The recommended point's index; nil when no point was shown feasible.
    public let recommended: Int?
    public let runnersUp: [Int]
    /// KN's work, for a KPI objective.
    public let selection: Planner.Selection?
    public let replicationsRun: Int
    /// The one-sided level each look at a target was made at.
    public let oneSidedLevel: Double

    /// Points the plan ran.
    public var evaluated: [PlanPoint] { points.filter { $0.status != .notEvaluated } }

    /// What an exhaustive sweep of the grid at the most replications a point had here would
    /// have run, for comparison.
    public var exhaustiveReplications: Int { points.count * (points.map(\.replications).max() ?? 0) }
}
