import CGSL

/// A quadratic fitted by least squares (GSL's `gsl_multifit_linear`) to a function's values
/// at points around a centre: f(c + d) ≈ a + bᵀd + ½ dᵀHd. Its Hessian H is the curvature of
/// a function too rough for differences over a small step, such as a simulated objective,
/// averaged over the design's spread.
public enum QuadraticSurface {
    /// H from `values` at `centre + offsets[k]`; nil when the design cannot determine every
    /// coefficient (fewer distinct points than 1 + n + n(n + 1)/2) or GSL fails.
    public static func hessian(offsets: [[Double]], values: [Double]) -> [[Double]]? {
        _ = FitGSL.errorHandlerDisabled
        guard let n = offsets.first?.count, n > 0, offsets.count == values.count,
              values.allSatisfy(\.isFinite) else { return nil }
        // Columns: 1, d_i, then d_i d_j for i <= j.
        let pairs = (0..<n).flatMap { i in (i..<n).map { (i, $0) } }
        let columns = 1 + n + pairs.count
        guard offsets.count >= columns,
              let x = gsl_matrix_alloc(offsets.count, columns), let y = gsl_vector_alloc(offsets.count),
              let c = gsl_vector_alloc(columns), let covariance = gsl_matrix_alloc(columns, columns),
              let work = gsl_multifit_linear_alloc(offsets.count, columns) else { return nil }
        defer {
            gsl_matrix_free(x)
            gsl_vector_free(y)
            gsl_vector_free(c)
            gsl_matrix_free(covariance)
            gsl_multifit_linear_free(work)
        }
        for (row, d) in offsets.enumerated() {
            gsl_matrix_set(x, row, 0, 1)
            for i in 0..<n { gsl_matrix_set(x, row, 1 + i, d[i]) }
            for (k, (i, j)) in pairs.enumerated() { gsl_matrix_set(x, row, 1 + n + k, d[i] * d[j]) }
            gsl_vector_set(y, row, values[row])
        }
        var chiSquared = 0.0
        guard gsl_multifit_linear(x, y, c, covariance, &chiSquared, work) == Int32(GSL_SUCCESS) else { return nil }
        var hessian = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for (k, (i, j)) in pairs.enumerated() {
            let coefficient = gsl_vector_get(c, 1 + n + k)
            if i == j {
                hessian[i][i] = 2 * coefficient
            } else {
                hessian[i][j] = coefficient
                hessian[j][i] = coefficient
            }
        }
        return hessian.allSatisfy({ $0.allSatisfy(\.isFinite) }) ? hessian : nil
    }
}
