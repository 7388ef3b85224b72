@testable import CrisisFit
import CGSL
import XCTest

/// Gamma quantiles (stays fitted as gamma) are the CDF's inverse wherever a fit asks,
/// GSL's Newton refinement or not.
final class GammaQuantileTests: XCTestCase {
    func testGammaQuantilesInvertTheCDF() {
        for shape in [0.3, 1, 2.5, 50, 900] {
            for p in [1e-6, 0.025, 0.5, 0.975, 0.999999] {
                let x = CheckedQuantile.gamma(p, shape: shape, scale: 12)
                XCTAssertTrue(x.isFinite && x > 0, "shape \(shape), p \(p): \(x)")
                let tail = p > 0.5 ? gsl_cdf_gamma_Q(x, shape, 12) : gsl_cdf_gamma_P(x, shape, 12)
                XCTAssertEqual(tail, p > 0.5 ? 1 - p : p, accuracy: 1e-8 * min(p, 1 - p), "shape \(shape), p \(p)")
            }
            for q in [1e-12, 1e-4, 0.3] {
                let x = CheckedQuantile.gammaUpper(q, shape: shape, scale: 12)
                XCTAssertEqual(gsl_cdf_gamma_Q(x, shape, 12), q, accuracy: 1e-8 * q, "shape \(shape), q \(q)")
            }
        }
    }
}
