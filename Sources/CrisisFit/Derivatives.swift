import CGSL

/// Numerical derivatives of a function of a few parameters, all by GSL's five-point central
/// difference with adaptive step (`gsl_deriv_central`): gradients for the delta method and
/// the Hessian of −log L, whose inverse is the covariance of a maximum-likelihood estimate.
public enum Derivatives {
    /// One coordinate of a function of several variables, the rest held at `point`, as the
    /// function of one variable GSL differentiates. Passed unretained through `params`.
    private final class Slice {
        let function: ([Double]) -> Double
        var point: [Double]
        let index: Int
        init(_ function: @escaping ([Double]) -> Double, point: [Double], index: Int) {
            self.function = function
            self.point = point
            self.index = index
        }
    }

    /// ∂f/∂xᵢ at `point`. `step` is GSL's starting step, which it shrinks or grows to balance
    /// truncation against rounding error.
    static func partial(_ function: @escaping ([Double]) -> Double, at point: [Double], index: Int,
                        step: Double) -> Double {
        let slice = Slice(function, point: point, index: index)
        return withExtendedLifetime(slice) {
            var f = gsl_function(
                function: { x, params in
                    let slice = Unmanaged<Slice>.fromOpaque(params!).takeUnretainedValue()
                    slice.point[slice.index] = x
                    return slice.function(slice.point)
                },
                params: Unmanaged.passUnretained(slice).toOpaque()
            )
            var result = 0.0, error = 0.0
            _ = gsl_deriv_central(&f, point[index], step, &result, &error)
            return result
        }
    }

    /// ∇f at `point`.
    static func gradient(_ function: @escaping ([Double]) -> Double, at point: [Double], step: Double) -> [Double] {
        (0..<point.count).map { partial(function, at: point, index: $0, step: step) }
    }

    /// The Hessian of f at `point`: each ∂²f/∂xᵢ∂xⱼ (i <= j) as the central difference in
    /// xⱼ of the central difference in xᵢ, mirrored below the diagonal.
    ///
    /// `innerStep` is small, so that the inner difference is limited by rounding (GSL then
    /// keeps its first estimate, four evaluations); `outerStep` is larger, so the inner
    /// differences' rounding noise is not amplified. For −log L of 1,000 lognormal stays, 1e-5
    /// and 1e-2 reproduce the analytic information to about 1e-7 relative.
    static func hessian(_ function: @escaping ([Double]) -> Double, at point: [Double],
                        innerStep: Double, outerStep: Double) -> [[Double]] {
        let n = point.count
        var h = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            let derivativeInI: ([Double]) -> Double = { p in partial(function, at: p, index: i, step: innerStep) }
            for j in i..<n {
                h[i][j] = partial(derivativeInI, at: point, index: j, step: outerStep)
                h[j][i] = h[i][j]
            }
        }
        return h
    }

    /// The inverse of a symmetric positive-definite matrix, by GSL's Cholesky decomposition
    /// (`gsl_linalg_cholesky_decomp1`, `gsl_linalg_cholesky_invert`); nil when it is not
    /// positive definite (no proper minimum, so no covariance).
    public static func inverseOfPositiveDefinite(_ m: [[Double]]) -> [[Double]]? {
        _ = FitGSL.errorHandlerDisabled
        let n = m.count
        guard n > 0, m.allSatisfy({ $0.count == n && $0.allSatisfy(\.isFinite) }),
              let matrix = gsl_matrix_alloc(n, n) else { return nil }
        defer { gsl_matrix_free(matrix) }
        for i in 0..<n { for j in 0..<n { gsl_matrix_set(matrix, i, j, m[i][j]) } }
        guard gsl_linalg_cholesky_decomp1(matrix) == Int32(GSL_SUCCESS),
              gsl_linalg_cholesky_invert(matrix) == Int32(GSL_SUCCESS) else { return nil }
        let inverse = (0..<n).map { i in (0..<n).map { j in gsl_matrix_get(matrix, i, j) } }
        return inverse.allSatisfy({ $0.allSatisfy(\.isFinite) }) ? inverse : nil
    }
}
