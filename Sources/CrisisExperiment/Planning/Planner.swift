import CrisisModel
import CrisisScenario
import Foundation
import SimRandom

/// Answers "what is the least of what we need that meets the targets?" over a decision grid,
/// with a stated confidence, spending replications where the calls are close.
///
/// Every point runs replications 0, 1, 2, ... with the same seed (common random numbers).
///
/// **Feasibility** (each point, sequentially): after each batch of `initialReplications`,
/// every target's one-sided t bound is compared with its bound: a point is feasible when each
/// target's bound lies on the right side, infeasible as soon as one lies wholly on the wrong
/// side, and gets another batch otherwise, up to `maximumReplications` (then undecided). Each
/// look tests at α / (targets × looks), so by Bonferroni's inequality the chance that any call
/// made about a point is wrong is at most α = 1 − confidence, however many looks it took.
///
/// **A decision key as objective** (minimise beds): points are taken in order of the key and
/// the first shown feasible is the answer, every cheaper point having been shown infeasible;
/// only points up to the answer (and the runners-up) are run.
///
/// **A KPI as objective** (minimise the total cost): every point is screened for feasibility,
/// then Kim and Nelson's fully sequential procedure (KN, Kim and Nelson 2001, ACM TOMACS 11(3))
/// selects the best feasible point: with common random numbers it eliminates a point once its
/// mean exceeds another's by more than a boundary that shrinks with replications, so points
/// clearly worse stop early and close ones get more. It selects a point within the
/// indifference zone δ of the best with probability at least the confidence.
///
/// **Structure** (a KPI objective): every point's first batch is run first, and the calls it
/// settles are made. Each target's direction along each key is read from those batches
/// (`PlanStructure`: checked, not assumed), and a point still open is called from a point
/// already called when the directions say it can be no better (missing the same target) or
/// no worse on every target (feasible), without more replications. Replications then go only
/// to the points nothing decides.
///
/// **A first stage run elsewhere** (`plan --shard K/N` on Slurm): every point's first
/// `initialReplications`, as shards computed them, are taken as already run. They are the
/// values this process would compute (same seed, same replication numbers), so every call is
/// the one an unsharded plan makes.
public enum Planner {
    /// The plan's progress: points decided so far, replications run.
    public typealias Progress = @Sendable (_ decided: Int, _ replications: Int) -> Void

    /// How many runners-up a plan names besides its recommendation.
    public static let runnersUp = 2

    /// Plans `problem`; `firstStage`, when given, holds every grid point's first
    /// `initialReplications` replications in order (a merged sharded first stage). A cancelled
    /// `cancellation` stops the plan with `Cancelled`.
    public static func run(_ problem: PlanProblem, threads: Int, firstStage: [[ReplicationResult]]? = nil,
                           cancellation: Cancellation? = nil, progress: Progress? = nil) throws -> PlanResult {
        var state = State(problem: problem, threads: threads, cancellation: cancellation, progress: progress)
        if let firstStage {
            precondition(firstStage.count == state.points.count
                && firstStage.allSatisfy { $0.map(\.replication) == Array(0..<problem.initialReplications) },
                "a first stage holds replications 0..<initialReplications of every point")
            for (index, results) in firstStage.enumerated() { state.record(results, at: index) }
        }
        let order: [Int]
        switch problem.objective {
        case .decision(let axis):
            // Cheapest first; ties (other decisions) in grid order, settled later by cost.
            order = state.points.indices.sorted {
                let (a, b) = (state.number(axis, $0), state.number(axis, $1))
                return a != b ? a < b : $0 < $1
            }
            var feasibleValues: [Double] = []
            for index in order {
                let value = state.number(axis, index)
                // Stop once the runners-up are found and no point left ties with the last of them.
                if feasibleValues.count > runnersUp, value > feasibleValues.last! { break }
                try state.decide(index)
                if state.points[index].status == .feasible { feasibleValues.append(value) }
            }
            let feasible = order.filter { state.points[$0].status == .feasible }
            // Among points tied on the key, the lower mean total cost first.
            let ranked = feasible.sorted {
                let (a, b) = (state.number(axis, $0), state.number(axis, $1))
                if a != b { return a < b }
                return state.points[$0].mean("costs.total") < state.points[$1].mean("costs.total")
            }
            return state.result(ranked: ranked, selection: nil)
        case .kpi(let id):
            try state.screen()
            for index in state.openClosestFirst() where state.points[index].status == .notEvaluated && !state.infer(index) {
                try state.decide(index)
            }
            let feasible = state.points.indices.filter { state.points[$0].status == .feasible }
            let selection = try state.select(feasible, kpi: id)
            return state.result(ranked: selection.ranked, selection: selection)
        }
    }

    /// What KN did.
    public struct Selection: Sendable {
        /// Feasible points, the selected first, then by mean.
        public let ranked: [Int]
        /// The indifference zone used, in the objective's unit.
        public let indifference: Double
        /// Whether one point survived (false: the replications ran out with several left,
        /// and the lowest mean was taken).
        public let separated: Bool
    }

    struct State {
        let problem: PlanProblem
        let threads: Int
        let cancellation: Cancellation?
        let progress: Progress?
        var points: [PlanPoint]
        var configurations: [Int: CrisisConfiguration] = [:]
        var decided = 0
        /// The directions read off the first stage; nil until then (and for a decision objective).
        var structure: PlanStructure?

        init(problem: PlanProblem, threads: Int, cancellation: Cancellation?, progress: Progress?) {
            self.problem = problem
            self.threads = threads
            self.cancellation = cancellation
            self.progress = progress
            points = problem.grid.points.enumerated().map { PlanPoint(index: $0, values: problem.grid.values(at: $1)) }
        }

        func number(_ axis: Int, _ index: Int) -> Double { Double(points[index].values[axis]) ?? .nan }

        var replicationsRun: Int { points.reduce(0) { $0 + $1.replications } }

        /// Runs point `index` up to `count` replications.
        mutating func extend(_ index: Int, to count: Int) throws {
            let have = points[index].replications
            guard count > have else { return }
            let configuration: CrisisConfiguration
            if let known = configurations[index] {
                configuration = known
            } else {
                let assignments = problem.grid.assignments(at: problem.grid.points[index])
                configuration = try ScenarioLoader.load(problem.scenario, overrides: problem.overrides + assignments).configuration
                configurations[index] = configuration
            }
            let runner = ReplicationRunner(configuration: configuration, length: problem.length, seed: problem.seed,
                                           generator: problem.generator)
            record(try runner.run(Array(have..<count), threads: threads, cancellation: cancellation), at: index)
        }

        /// Keeps the plan's KPIs of `results`, the next replications of point `index`.
        mutating func record(_ results: [ReplicationResult], at index: Int) {
            for kpi in problem.kpis {
                points[index].samples[kpi, default: []] += results.map { $0.value(kpi) ?? .nan }
            }
        }

        /// The one-sided level of each look at each target.
        var lookLevel: Double {
            1 - (1 - problem.confidence) / Double(max(1, problem.targets.count) * problem.looks)
        }

        /// Runs batches at point `index` until every target is called or the replications run out.
        mutating func decide(_ index: Int) throws {
            var count = problem.initialReplications
            while true {
                try extend(index, to: count)
                if let status = call(index) {
                    points[index].status = status
                    break
                }
                if count >= problem.maximumReplications {
                    let open = problem.targets.indices.first { !isCalled(index, target: $0) } ?? 0
                    points[index].status = .undecided(target: open)
                    break
                }
                count = min(problem.maximumReplications, count + problem.initialReplications)
            }
            decided += 1
            progress?(decided, replicationsRun)
        }

        /// Every point's first batch, the calls it settles, and the directions it shows.
        mutating func screen() throws {
            for index in points.indices {
                try extend(index, to: problem.initialReplications)
                if let status = call(index) {
                    points[index].status = status
                    decided += 1
                }
                progress?(decided, replicationsRun)
            }
            structure = PlanStructure(problem, points: points)
        }

        /// The points the first stage left open, the closest to a target first (in half-widths
        /// of the first batch's interval; ties in grid order). The closest are the costliest to call,
        /// and they are the ones that settle the rest: the infeasible point nearest a target has
        /// the most capacity of those that miss it, the feasible one the least of those that meet.
        func openClosestFirst() -> [Int] {
            let open = points.indices.filter { points[$0].status == .notEvaluated }
            let distance = Dictionary(uniqueKeysWithValues: open.map { index in
                (index, problem.targets.map { target in
                    let estimate = points[index].estimate(target.kpi, oneSided: 0.975)
                    let half = estimate.upper - estimate.mean  // every open point has the same replications
                    return half > 0 ? abs(estimate.mean - target.bound) / half : .infinity
                }.min() ?? .infinity)
            })
            return open.sorted { distance[$0]! != distance[$1]! ? distance[$0]! < distance[$1]! : $0 < $1 }
        }

        /// Calls point `index` from a point already called by its own replications, when the
        /// structure allows; true when it did.
        mutating func infer(_ index: Int) -> Bool {
            guard let structure else { return false }
            let q = points[index].values.map { Double($0) ?? .nan }
            for source in points where source.inferredFrom == nil {
                let p = source.values.map { Double($0) ?? .nan }
                switch source.status {
                case .infeasible(let k) where structure.isNoBetter(q, than: p, target: k, problem.targets[k]):
                    points[index].status = .infeasible(target: k)
                case .feasible where problem.targets.enumerated().allSatisfy({ structure.isNoBetter(p, than: q, target: $0, $1) }):
                    points[index].status = .feasible
                default:
                    continue
                }
                points[index].inferredFrom = source.index
                decided += 1
                progress?(decided, replicationsRun)
                return true
            }
            return false
        }

        /// Feasible, infeasible (naming the target), or nil: not yet.
        func call(_ index: Int) -> PlanPoint.Status? {
            var allMet = true
            for (k, target) in problem.targets.enumerated() {
                let estimate = points[index].estimate(target.kpi, oneSided: lookLevel)
                guard estimate.count > 0 else { return .infeasible(target: k) }  // undefined in every replication
                switch target.direction {
                case .atMost:
                    if estimate.lower > target.bound { return .infeasible(target: k) }
                    if estimate.upper > target.bound { allMet = false }
                case .atLeast:
                    if estimate.upper < target.bound { return .infeasible(target: k) }
                    if estimate.lower < target.bound { allMet = false }
                }
            }
            return allMet ? .feasible : nil
        }

        func isCalled(_ index: Int, target k: Int) -> Bool {
            let target = problem.targets[k]
            let estimate = points[index].estimate(target.kpi, oneSided: lookLevel)
            return target.direction == .atMost ? estimate.upper <= target.bound : estimate.lower >= target.bound
        }

        /// Kim and Nelson's KN among `feasible`, minimising `kpi`.
        mutating func select(_ feasible: [Int], kpi: String) throws -> Selection {
            let n0 = problem.initialReplications
            guard feasible.count > 1 else {
                return Selection(ranked: feasible, indifference: problem.indifference ?? .nan, separated: true)
            }
            let k = Double(feasible.count)
            let alpha = 1 - problem.confidence
            let eta = 0.5 * (pow(2 * alpha / (k - 1), -2 / Double(n0 - 1)) - 1)
            let hSquared = 2 * eta * Double(n0 - 1)
            let delta = problem.indifference ?? (0.01 * abs(feasible.map { points[$0].mean(kpi, first: n0) }.reduce(0, +) / k))
            // First-stage variances of paired differences (common random numbers make them small).
            var pairVariance: [[Double]] = Array(repeating: Array(repeating: 0, count: feasible.count), count: feasible.count)
            for (a, i) in feasible.enumerated() {
                for (b, l) in feasible.enumerated() where b > a {
                    let x = points[i].samples[kpi]!.prefix(n0), y = points[l].samples[kpi]!.prefix(n0)
                    let d = zip(x, y).map(-)
                    let mean = d.reduce(0, +) / Double(n0)
                    let variance = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n0 - 1)
                    pairVariance[a][b] = variance
                    pairVariance[b][a] = variance
                }
            }
            var alive = Array(feasible.indices)
            var r = n0
            while alive.count > 1 {
                let means = Dictionary(uniqueKeysWithValues: alive.map { ($0, points[feasible[$0]].mean(kpi, first: r)) })
                let survivors = alive.filter { a in
                    alive.allSatisfy { b in
                        guard b != a else { return true }
                        let w = max(0, delta / (2 * Double(r)) * (hSquared * pairVariance[a][b] / (delta * delta) - Double(r)))
                        return means[a]! <= means[b]! + w
                    }
                }
                alive = survivors
                guard alive.count > 1 else { break }
                if r >= problem.maximumReplications { break }
                r += 1
                // Batches, not single replications, so each run is parallel; KN still looks at every r.
                for a in alive where points[feasible[a]].replications < r {
                    try extend(feasible[a], to: min(problem.maximumReplications, r - 1 + n0))
                }
                progress?(decided, replicationsRun)
            }
            let finalMeans = Dictionary(uniqueKeysWithValues: feasible.map { ($0, points[$0].mean(kpi)) })
            let winner = alive.map { feasible[$0] }.min { finalMeans[$0]! < finalMeans[$1]! }!
            let rest = feasible.filter { $0 != winner }.sorted { finalMeans[$0]! < finalMeans[$1]! }
            return Selection(ranked: [winner] + rest, indifference: delta, separated: alive.count == 1)
        }

        func result(ranked: [Int], selection: Selection?) -> PlanResult {
            PlanResult(problem: problem, points: points, recommended: ranked.first,
                       runnersUp: Array(ranked.dropFirst().prefix(Planner.runnersUp)), selection: selection,
                       replicationsRun: replicationsRun, oneSidedLevel: lookLevel)
        }
    }
}
