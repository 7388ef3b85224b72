import CGSL

/// Minimisation with GSL's BFGS (`gsl_multimin_fdfminimizer_vector_bfgs2`), for the convex
/// Poisson negative log-likelihoods of the arrival fits, whose gradients are closed-form.
///
/// It stops when the gradient's Euclidean norm is below `gradientTolerance`
/// (`gsl_multimin_test_gradient`). BFGS's line search can report no progress (`GSL_ENOPROG`)
/// when it is already at the minimum to the precision of the objective; that is accepted only
/// if the gradient there is below `10 × gradientTolerance`, and reported as a failure otherwise.
enum ArrivalMinimiser {
    struct Failure: Error {
        let detail: String
    }

    /// `objective(x, &gradient)` returns the value at x and fills the gradient (same count as x).
    typealias Objective = ([Double], inout [Double]) -> Double

    private final class Box {
        let objective: Objective
        let n: Int
        init(_ objective: @escaping Objective, n: Int) {
            self.objective = objective
            self.n = n
        }

        func evaluate(_ vector: UnsafePointer<gsl_vector>, _ gradientOut: UnsafeMutablePointer<gsl_vector>?) -> Double {
            let x = (0..<n).map { gsl_vector_get(vector, $0) }
            var gradient = [Double](repeating: 0, count: n)
            let value = objective(x, &gradient)
            if let gradientOut {
                for i in 0..<n { gsl_vector_set(gradientOut, i, gradient[i]) }
            }
            return value
        }
    }

    /// The gradient tolerance for a Poisson log-likelihood of `count` events: 10⁻⁴ √count.
    /// A parameter whose information is I (≲ count) is then within |g| / I ≲ 10⁻⁴ / √I of its
    /// optimum, 10⁻⁴ of its standard error 1 / √I or less; a tolerance of a fixed fraction of
    /// the count would ask for more precision than the objective's rounding allows.
    static func tolerance(count: Double) -> Double { 1e-4 * max(count, 1).squareRoot() }

    static func minimise(_ objective: @escaping Objective, start: [Double], gradientTolerance: Double,
                         initialStep: Double = 0.01, maxIterations: Int = 2_000) throws -> [Double] {
        let n = start.count
        precondition(n > 0)
        let box = Box(objective, n: n)
        return try withExtendedLifetime(box) {
            var function = gsl_multimin_function_fdf(
                f: { x, params in
                    Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue().evaluate(x!, nil)
                },
                df: { x, params, gradient in
                    _ = Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue().evaluate(x!, gradient)
                },
                fdf: { x, params, value, gradient in
                    value!.pointee = Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue().evaluate(x!, gradient)
                },
                n: n,
                params: Unmanaged.passUnretained(box).toOpaque()
            )
            guard let minimiser = gsl_multimin_fdfminimizer_alloc(cgsl_multimin_fdfminimizer_vector_bfgs2(), n),
                  let x = gsl_vector_alloc(n)
            else { throw Failure(detail: "out of memory allocating the minimiser") }
            defer {
                gsl_multimin_fdfminimizer_free(minimiser)
                gsl_vector_free(x)
            }
            for i in 0..<n { gsl_vector_set(x, i, start[i]) }
            let setStatus = gsl_multimin_fdfminimizer_set(minimiser, &function, x, initialStep, 0.1)
            guard setStatus == Int32(GSL_SUCCESS) else {
                throw Failure(detail: "cannot start at \(start): \(String(cString: gsl_strerror(setStatus)))")
            }
            var iterations = 0
            var status = gsl_multimin_test_gradient(gsl_multimin_fdfminimizer_gradient(minimiser), gradientTolerance)
            while status == Int32(GSL_CONTINUE), iterations < maxIterations {
                iterations += 1
                let iterateStatus = gsl_multimin_fdfminimizer_iterate(minimiser)
                let gradient = gsl_multimin_fdfminimizer_gradient(minimiser)
                status = gsl_multimin_test_gradient(gradient, gradientTolerance)
                if iterateStatus != Int32(GSL_SUCCESS), status != Int32(GSL_SUCCESS) {
                    if gsl_multimin_test_gradient(gradient, 10 * gradientTolerance) == Int32(GSL_SUCCESS) {
                        status = Int32(GSL_SUCCESS)
                        break
                    }
                    throw Failure(detail: "BFGS stopped after \(iterations) iterations with gradient norm \(norm(gradient)): \(String(cString: gsl_strerror(iterateStatus)))")
                }
            }
            guard status == Int32(GSL_SUCCESS) else {
                throw Failure(detail: "gradient norm still \(norm(gsl_multimin_fdfminimizer_gradient(minimiser))) after \(maxIterations) iterations (tolerance \(gradientTolerance))")
            }
            let best = gsl_multimin_fdfminimizer_x(minimiser)!
            return (0..<n).map { gsl_vector_get(best, $0) }
        }
    }

    /// The gradient's size, for messages only.
    private static func norm(_ vector: UnsafeMutablePointer<gsl_vector>!) -> Double {
        (0..<vector.pointee.size).reduce(0) { $0 + gsl_vector_get(vector, $1) * gsl_vector_get(vector, $1) }.squareRoot()
    }
}
