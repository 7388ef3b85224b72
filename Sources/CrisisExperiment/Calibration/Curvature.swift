/// The Hessian of a calibration objective by central differences of a fixed step, on the
/// free keys' fraction-of-range scale.
///
/// Fixed, not adaptive: with common random numbers a simulated objective is a fine staircase
/// (a slightly different candidate changes a few people's paths), so a difference over a
/// vanishing step sees a stair, not the slope; GSL's adaptive `gsl_deriv_central` is for
/// smooth functions (the likelihoods of `Derivatives`). The step is `Calibration.curvatureStep`.
enum Curvature {
    struct Measurement {
        /// Where the differences were centred: the minimum, moved inside the range by a step
        /// where it lies nearer a bound than that.
        let centre: [Double]
        /// ∂²f/∂zᵢ∂zⱼ on the fraction scale.
        let hessian: [[Double]]
    }

    /// Evaluates `f` at the 1 + 2n + 2n(n − 1) points the differences need.
    static func measure(at point: [Double], step h: Double, _ f: ([Double]) throws -> Double) throws -> Measurement {
        let n = point.count
        let centre = point.map { min(max($0, h), 1 - h) }
        func at(_ moves: [(Int, Double)]) throws -> Double {
            var z = centre
            for (i, by) in moves { z[i] += by }
            return try f(z)
        }
        let middle = try at([])
        var hessian = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            hessian[i][i] = (try at([(i, h)]) - 2 * middle + (try at([(i, -h)]))) / (h * h)
            for j in 0..<i {
                let value = (try at([(i, h), (j, h)]) - (try at([(i, h), (j, -h)]))
                    - (try at([(i, -h), (j, h)])) + (try at([(i, -h), (j, -h)]))) / (4 * h * h)
                hessian[i][j] = value
                hessian[j][i] = value
            }
        }
        return Measurement(centre: centre, hessian: hessian)
    }
}
