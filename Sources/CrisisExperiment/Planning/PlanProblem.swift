import CrisisModel
import CrisisScenario
import SimRandom

/// What a plan decides and by what rules: the decision grid, the targets every
/// recommendation must meet, what it minimises, and how sure it must be.
public struct PlanProblem: Sendable {
    /// What the plan minimises: a KPI (stochastic: chosen among the feasible points by a
    /// ranking-and-selection procedure) or a decision key (known at every point: the
    /// cheapest point shown feasible).
    public enum Objective: Sendable, Equatable, CustomStringConvertible {
        case kpi(String)
        case decision(Int)

        public var description: String {
            switch self {
            case .kpi(let id): id
            case .decision(let axis): "decision \(axis)"
            }
        }
    }

    public let scenario: String
    public let overrides: [String]
    public let grid: SweepGrid
    public let targets: [PlanTarget]
    public let objective: Objective
    /// The chance that every call the plan makes about a point is right (each target met or
    /// missed, the best among the feasible), e.g. 0.95.
    public let confidence: Double
    /// Replications every evaluated point starts with, and the batch it grows by.
    public let initialReplications: Int
    /// Most replications any one point may have.
    public let maximumReplications: Int
    /// The smallest difference in a KPI objective worth telling apart (Kim and Nelson's
    /// indifference zone), in the KPI's unit; nil for 1% of the first-stage mean.
    public let indifference: Double?
    public let seed: UInt64
    public let generator: GeneratorKind
    public let length: RunLength

    public init(scenario: String, overrides: [String], grid: SweepGrid, targets: [PlanTarget], objective: Objective,
                confidence: Double, initialReplications: Int, maximumReplications: Int, indifference: Double?,
                seed: UInt64, generator: GeneratorKind, length: RunLength) {
        self.scenario = scenario
        self.overrides = overrides
        self.grid = grid
        self.targets = targets
        self.objective = objective
        self.confidence = confidence
        self.initialReplications = initialReplications
        self.maximumReplications = maximumReplications
        self.indifference = indifference
        self.seed = seed
        self.generator = generator
        self.length = length
    }

    /// The looks a point can have at its targets: the initial batch and each batch after.
    public var looks: Int { (maximumReplications + initialReplications - 1) / initialReplications }

    /// The KPIs each replication is kept for: the targets', the objective's, and the two the
    /// frontier is drawn in.
    public var kpis: [String] {
        var ids = targets.map(\.kpi)
        if case .kpi(let id) = objective { ids.append(id) }
        ids += PlanProblem.frontier
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// The frontier plan.html draws: cost against out-of-area bed days.
    public static let frontier = ["costs.total", "oap.bed_days"]
}
