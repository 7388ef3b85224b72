import SimRandom

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

    /// Points whose status was inferred from another's by the structure.
    public var inferred: [PlanPoint] { points.filter { $0.inferredFrom != nil } }

    /// Point `index`'s decisions as "key = value, key = value".
    public func decisionsText(_ index: Int) -> String {
        zip(problem.grid.axes, points[index].values).map { "\($0.key) = \($1)" }.joined(separator: ", ")
    }
}

/// Whether a target's KPI moves one way along a decision key at every evaluated pair of
/// neighbouring points (the other decisions equal): more beds should never raise expected
/// placements, and a plan that leans on that should have it checked, not assumed. A pair
/// moves when the paired difference over their common replications (common random numbers
/// make it precise) is beyond its t interval at 95% for all the key's pairs together.
public struct Monotonicity: Sendable {
    public let key: String
    public let kpi: String
    /// Pairs where the KPI rose and fell as the key rose.
    public let rising: Int
    public let falling: Int
    /// Pairs within noise.
    public let flat: Int

    /// Rising and falling both seen beyond noise: the KPI is not monotone in the key here.
    public var isMonotone: Bool { rising == 0 || falling == 0 }

    public var sentence: String {
        let moved = rising + falling
        let pairs = NumberFormat.count(moved + flat, "evaluated pair")
        let label = KPIText.label(kpi)
        guard moved > 0 else { return "\(label): no move with \(key) beyond noise (\(pairs))" }
        guard isMonotone else {
            return "\(label): NOT monotone in \(key), up at \(rising) and down at \(falling) of \(pairs)"
        }
        // Each move is beyond noise for all the key's pairs together, so one move with none the
        // other way is a direction; the pairs within noise are where the points are too close
        // (or the replications too few) to see the step.
        return "\(label): \(rising > 0 ? "up" : "down") as \(key) rises (\(moved) of \(pairs) beyond noise, none the other way)"
    }

    /// The chance that a KPI which does not move along a key is seen to move at any of its
    /// pairs (two-sided, Bonferroni over the pairs).
    static let falseMoveRate = 0.05

    /// The checks of every target KPI along every decision key, from `points` with more than
    /// one replication.
    static func check(_ problem: PlanProblem, points: [PlanPoint]) -> [Monotonicity] {
        var checks: [Monotonicity] = []
        var seen = Set<String>()
        for kpi in problem.targets.map(\.kpi) where seen.insert(kpi).inserted {
            for (axis, key) in problem.grid.axes.map(\.key).enumerated() {
                // Each neighbouring pair's paired difference: its mean, standard error and df.
                var pairs: [(mean: Double, se: Double, df: Int)] = []
                let evaluated = points.filter { $0.replications > 1 }
                for point in evaluated {
                    let position = problem.grid.axes[axis].values.firstIndex(of: point.values[axis])!
                    guard position + 1 < problem.grid.axes[axis].values.count else { continue }
                    var next = point.values
                    next[axis] = problem.grid.axes[axis].values[position + 1]
                    guard let neighbour = evaluated.first(where: { $0.values == next }) else { continue }
                    let a = point.samples[kpi] ?? [], b = neighbour.samples[kpi] ?? []
                    let d = zip(a, b).map { $1 - $0 }.filter { !$0.isNaN }
                    guard d.count > 1 else { continue }
                    let mean = d.reduce(0, +) / Double(d.count)
                    let se = (d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(d.count - 1) / Double(d.count)).squareRoot()
                    pairs.append((mean, se, d.count - 1))
                }
                // Beyond noise at 95% for the pairs together (Bonferroni): with 70 pairs of a KPI
                // that does not move, two standard errors would see about three moves by chance.
                let level = 1 - Self.falseMoveRate / Double(max(1, pairs.count))
                var rising = 0, falling = 0, flat = 0
                for pair in pairs {
                    let critical = StudentT.criticalValue(confidence: level, degreesOfFreedom: pair.df) * pair.se
                    if pair.mean > critical { rising += 1 } else if pair.mean < -critical { falling += 1 } else { flat += 1 }
                }
                if rising + falling + flat > 0 {
                    checks.append(Monotonicity(key: key, kpi: kpi, rising: rising, falling: falling, flat: flat))
                }
            }
        }
        return checks
    }
}

extension PlanResult {
    /// Each target KPI's direction along each decision key, from the evaluated points.
    public var monotonicity: [Monotonicity] { Monotonicity.check(problem, points: points) }
}
