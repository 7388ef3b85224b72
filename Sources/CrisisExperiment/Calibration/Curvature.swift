import CrisisFit

/// The Hessian of a calibration objective on the free keys' fraction-of-range scale, from a
/// quadratic fitted by least squares to the objective on a grid of 3ⁿ points (each key at the
/// centre and a step either side).
///
/// Not differences over a vanishing step: with common random numbers a simulated objective
/// is a staircase with rough treads (a slightly different candidate changes a few people's
/// paths, and through the beds everyone after them), so a small step sees the roughness, not
/// the valley; GSL's adaptive `gsl_deriv_central` is for smooth functions (the likelihoods of
/// `Derivatives`). The step is `Calibration.curvatureStep`; the fit averages the roughness over
/// the grid.
enum Curvature {
    struct Measurement {
        /// Where the grid was centred: the minimum, moved inside the range by a step where it
        /// lies nearer a bound than that.
        let centre: [Double]
        /// ∂²f/∂zᵢ∂zⱼ on the fraction scale; nil when the fit failed.
        let hessian: [[Double]]?
    }

    /// Evaluates `f` at the 3ⁿ points of the grid.
    static func measure(at point: [Double], step h: Double, _ f: ([Double]) throws -> Double) throws -> Measurement {
        let n = point.count
        let centre = point.map { min(max($0, h), 1 - h) }
        var offsets: [[Double]] = [[]]
        for _ in 0..<n { offsets = offsets.flatMap { prefix in [-h, 0, h].map { prefix + [$0] } } }
        let values = try offsets.map { d in try f(zip(centre, d).map(+)) }
        return Measurement(centre: centre, hessian: QuadraticSurface.hessian(offsets: offsets, values: values))
    }
}
