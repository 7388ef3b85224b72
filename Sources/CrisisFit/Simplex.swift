import CGSL

/// Minimisation with GSL's Nelder-Mead simplex (`gsl_multimin_fminimizer_nmsimplex2`) of an
/// objective of unconstrained parameters: the stay likelihoods on `StayFamily`'s optimiser
/// scale, and calibration's distance between model and targets.
///
/// Likelihoods of censored data have no closed-form gradient worth deriving per family, and a
/// simulated objective has none at all; a simplex needs none. It stops when the simplex's size (`gsl_multimin_test_size`) is below
/// `tolerance` (or has stalled, smaller than `stallTolerance`, at the objective's rounding
/// level), then restarts once from the optimum with the original steps, because a simplex can
/// collapse onto a ridge short of the minimum; the restart re-expands and confirms it. (Bootstrap
/// refits, started at the peak they are looking for, skip it.)
public enum Simplex {
    public struct Failure: Error {
        public let detail: String
    }

    /// Iterations without any fall in the lowest value after which a small simplex has
    /// stalled rather than converged.
    static let stallIterations = 200
    /// A simplex smaller than this that has stalled is accepted as converged. Near a peak a
    /// log-likelihood summed in double precision is flat to rounding over a region whose size
    /// is about sqrt(1e-16 × |log L| / curvature); along a poorly determined direction (Weibull
    /// shape against scale in a small sample) that can exceed a tight `tolerance`, and the
    /// simplex then reflects among equal values without shrinking. Below 1e-5 on the log scale
    /// the optimum is still far inside any standard error.
    static let stallTolerance = 1e-5

    public struct Result: Sendable {
        /// The minimiser, on the optimiser scale.
        public let point: [Double]
        /// The objective there.
        public let value: Double
        /// Iterations over both runs.
        public let iterations: Int
    }

    /// The objective handed through GSL's `params` pointer. An unretained reference: the box
    /// lives for the whole call, so the callback costs no allocation and no reference count.
    private final class Box {
        let objective: ([Double]) -> Double
        var point: [Double]
        init(_ objective: @escaping ([Double]) -> Double, dimension: Int) {
            self.objective = objective
            point = Array(repeating: 0, count: dimension)
        }
    }

    /// Minimises `objective` from `start`, the simplex's first vertices `steps` away along each
    /// axis, with the restart unless `restart` is false. `progress` hears each iteration's
    /// number and lowest value.
    public static func minimise(_ objective: @escaping ([Double]) -> Double, start: [Double], steps: [Double],
                                tolerance: Double, restart: Bool = true, maxIterations: Int = 5_000,
                                progress: ((Int, Double) -> Void)? = nil) throws -> Result {
        precondition(start.count == steps.count && !start.isEmpty)
        _ = FitGSL.errorHandlerDisabled
        let box = Box(objective, dimension: start.count)
        return try withExtendedLifetime(box) {
            let params = Unmanaged.passUnretained(box).toOpaque()
            var function = gsl_multimin_function(
                f: { vector, params in
                    // The box's array is reused: no allocation per evaluation.
                    let box = Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue()
                    for i in box.point.indices { box.point[i] = gsl_vector_get(vector!, i) }
                    return box.objective(box.point)
                },
                n: start.count,
                params: params
            )
            let first = try run(&function, start: start, steps: steps, tolerance: tolerance, maxIterations: maxIterations,
                                progress: progress)
            guard restart else { return first }
            let polished = try run(&function, start: first.point, steps: steps, tolerance: tolerance,
                                   maxIterations: maxIterations,
                                   progress: progress.map { report in { report(first.iterations + $0, $1) } })
            let best = polished.value <= first.value ? polished : first
            return Result(point: best.point, value: best.value, iterations: first.iterations + polished.iterations)
        }
    }

    private static func run(_ function: inout gsl_multimin_function, start: [Double], steps: [Double],
                            tolerance: Double, maxIterations: Int, progress: ((Int, Double) -> Void)?) throws -> Result {
        let n = start.count
        guard let minimiser = gsl_multimin_fminimizer_alloc(cgsl_multimin_fminimizer_nmsimplex2(), n),
              let x = gsl_vector_alloc(n), let step = gsl_vector_alloc(n)
        else { throw Failure(detail: "out of memory allocating the simplex") }
        defer {
            gsl_multimin_fminimizer_free(minimiser)
            gsl_vector_free(x)
            gsl_vector_free(step)
        }
        for i in 0..<n {
            gsl_vector_set(x, i, start[i])
            gsl_vector_set(step, i, steps[i])
        }
        let setStatus = gsl_multimin_fminimizer_set(minimiser, &function, x, step)
        guard setStatus == Int32(GSL_SUCCESS) else {
            throw Failure(detail: "cannot start the simplex at \(start): \(String(cString: gsl_strerror(setStatus)))")
        }
        var iterations = 0
        var status = Int32(GSL_CONTINUE)
        var lowest = Double.infinity, lastImprovement = 0
        while status == Int32(GSL_CONTINUE), iterations < maxIterations {
            iterations += 1
            let iterateStatus = gsl_multimin_fminimizer_iterate(minimiser)
            guard iterateStatus == Int32(GSL_SUCCESS) else {
                throw Failure(detail: "simplex stopped after \(iterations) iterations: \(String(cString: gsl_strerror(iterateStatus)))")
            }
            let size = gsl_multimin_fminimizer_size(minimiser)
            status = gsl_multimin_test_size(size, tolerance)
            let value = gsl_multimin_fminimizer_minimum(minimiser)
            progress?(iterations, value)
            if value < lowest {
                lowest = value
                lastImprovement = iterations
            } else if iterations - lastImprovement >= stallIterations, size < stallTolerance {
                // Stalled at the likelihood's resolution (see `stallTolerance`).
                status = Int32(GSL_SUCCESS)
            }
        }
        guard status == Int32(GSL_SUCCESS) else {
            throw Failure(detail: "simplex size still \(gsl_multimin_fminimizer_size(minimiser)) after \(iterations) iterations (tolerance \(tolerance))")
        }
        let best = gsl_multimin_fminimizer_x(minimiser)!
        let point = (0..<n).map { gsl_vector_get(best, $0) }
        let value = gsl_multimin_fminimizer_minimum(minimiser)
        guard value.isFinite, value < Double.greatestFiniteMagnitude else {
            throw Failure(detail: "no parameters give the data a finite likelihood")
        }
        return Result(point: point, value: value, iterations: iterations)
    }
}
