import CrisisFit
import CrisisModel
import CrisisScenario
import Foundation

/// Finds values of the free keys for which the model's KPIs match the targets: GSL's
/// Nelder-Mead simplex (`Simplex`) on the objective of `CalibrationObjective`, every candidate
/// run with common random numbers; then how well the targets pin each key down, from the
/// objective's curvature at the minimum, and the objective along each key through it.
///
/// Deterministic for a seed whatever the thread count: the simplex is sequential and each
/// candidate's replications do not depend on the thread that ran them.
public enum Calibration {
    /// A search that did not settle within its iterations.
    public struct Unsettled: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The simplex stops when its vertices are this close on the unbounded scale (about half
    /// a percent of a key's range near the middle of it).
    public static let tolerance = 0.02
    /// The step of the curvature's grid, as a share of each key's range: wide enough to see
    /// past the roughness common random numbers leave in the objective (a candidate changes a
    /// few people's paths, not a smooth average), narrow enough to stay local.
    public static let curvatureStep = 0.1
    /// Points of each key's slice, from its low to its high bound.
    public static let slicePoints = 11
    /// Significant digits of the calibrated values as calibrated.yaml writes them; the model
    /// table is of the values as written.
    public static let digits = 4

    /// What the calibration is doing, for progress lines.
    public enum Stage: String, Sendable {
        case search = "searching"
        case curvature = "measuring the curvature"
        case slices = "tracing each key's slice"
    }

    /// Runs the calibration; `progress` hears each evaluation (stage, evaluations so far, the
    /// lowest objective so far).
    public static func run(_ problem: CalibrationProblem, threads: Int, maxIterations: Int = 300,
                           progress: ((Stage, Int, Double) -> Void)? = nil) throws -> CalibrationResult {
        let base = try ScenarioLoader.load(problem.scenario, overrides: problem.overrides)
        let start = problem.free.map { parameter in
            parameter.value(unbounded: parameter.unbounded(ScenarioChanges.number(at: parameter.key, in: base)
                ?? parameter.value(atFraction: 0.5)))
        }
        var cache = Evaluations(problem: problem, threads: threads)
        let startModel = try cache.model(start)
        let objective = CalibrationObjective(targets: problem.targets, start: startModel)
        var stage = Stage.search
        var lowest = Double.infinity
        var failure: Error?
        func evaluate(_ values: [Double]) -> Double {
            guard failure == nil else { return .greatestFiniteMagnitude }
            do {
                let value = objective.value(try cache.model(values))
                lowest = min(lowest, value)
                progress?(stage, cache.count, lowest)
                return value.isFinite ? value : .greatestFiniteMagnitude
            } catch {
                failure = error
                return .greatestFiniteMagnitude
            }
        }
        let startObjective = evaluate(start)
        let optimum: Simplex.Result
        do {
            optimum = try Simplex.minimise({ u in evaluate(zip(problem.free, u).map { $0.value(unbounded: $1) }) },
                                           start: zip(problem.free, start).map { $0.unbounded($1) },
                                           steps: Array(repeating: 1, count: problem.free.count),
                                           tolerance: tolerance, maxIterations: maxIterations)
        } catch let simplex as Simplex.Failure {
            if let failure { throw failure }
            throw Unsettled(description: "the search did not settle: \(simplex.detail); widen the bounds, add "
                + "replications (the objective is noisier with few) or free fewer keys")
        }
        if let failure { throw failure }
        // The values as calibrated.yaml writes them, and the model there.
        let values = zip(problem.free, optimum.point).map { parameter, u in
            Double(NumberFormat.significant(parameter.value(unbounded: u), digits)) ?? parameter.value(unbounded: u)
        }
        let model = try cache.model(values)
        let searchEvaluations = cache.count

        stage = .curvature
        let fractions = zip(problem.free, values).map { $0.fraction(of: $1) }
        let curvature = try Curvature.measure(at: fractions, step: curvatureStep) { z in
            let value = evaluate(zip(problem.free, z).map { $0.value(atFraction: $1) })
            if let failure { throw failure }
            return value
        }
        stage = .slices
        var slices: [[CalibrationResult.SlicePoint]] = []
        for (k, parameter) in problem.free.enumerated() {
            var slice: [CalibrationResult.SlicePoint] = []
            for i in 0..<slicePoints {
                var point = values
                point[k] = parameter.value(atFraction: Double(i) / Double(slicePoints - 1))
                let value = evaluate(point)
                if let failure { throw failure }
                slice.append(CalibrationResult.SlicePoint(value: point[k], objective: value))
            }
            slices.append(slice)
        }
        return CalibrationResult(
            problem: problem, objective: objective, start: start, startModel: startModel, startObjective: startObjective,
            values: values, model: model, objectiveValue: objective.value(model), iterations: optimum.iterations,
            searchEvaluations: searchEvaluations, evaluations: cache.count,
            identification: Identification.judge(problem.free, values: values, curvature: curvature),
            slices: slices)
    }

    /// The model at each candidate run so far: the simplex revisits points (a restart, the
    /// rounded optimum, the curvature's centre), and a point is run once.
    private struct Evaluations {
        let problem: CalibrationProblem
        let threads: Int
        private var models: [[Double]: [KPISummary]] = [:]

        init(problem: CalibrationProblem, threads: Int) {
            self.problem = problem
            self.threads = threads
        }

        /// Candidates run.
        var count: Int { models.count }

        mutating func model(_ values: [Double]) throws -> [KPISummary] {
            if let known = models[values] { return known }
            let model = try problem.run(values, threads: threads)
            models[values] = model
            return model
        }
    }
}
