import Foundation
import XCTest

@testable import SimRandom

/// `Distribution.coefficientOfVariation`, which scenario validation bounds: analytic values
/// for every form, values too spread to hold in a Double, and the sample cv of GSL's draws.
final class CoefficientOfVariationTests: XCTestCase {
    func testAnalyticValues() throws {
        XCTAssertEqual(try Distribution.fixed(3).coefficientOfVariation, 0)
        XCTAssertEqual(try Distribution.exponential(mean: 3).coefficientOfVariation, 1)
        // Gamma: 1 / sqrt(shape), whatever the scale.
        XCTAssertEqual(try Distribution.gamma(shape: 4, scale: 2.5).coefficientOfVariation, 0.5, accuracy: 1e-12)
        XCTAssertEqual(try Distribution.gamma(mean: 10, cv: 3).coefficientOfVariation, 3, accuracy: 1e-12)
        // Lognormal: sqrt(e^(sigma²) − 1); from mean and median, sqrt((mean / median)² − 1).
        XCTAssertEqual(try Distribution.lognormal(mean: 8, cv: 0.5).coefficientOfVariation, 0.5, accuracy: 1e-12)
        XCTAssertEqual(try Distribution.lognormal(mean: 37, median: 23).coefficientOfVariation,
                       ((37.0 / 23) * (37.0 / 23) - 1).squareRoot(), accuracy: 1e-12)
        // Weibull: Γ(1 + 2/k) / Γ(1 + 1/k)² − 1 is 1 at k = 1, 4/π − 1 at k = 2, 24/4 − 1 at k = 1/2.
        XCTAssertEqual(try Distribution.weibull(shape: 1, scale: 3).coefficientOfVariation, 1, accuracy: 1e-12)
        XCTAssertEqual(try Distribution.weibull(shape: 2, scale: 3).coefficientOfVariation, (4 / Double.pi - 1).squareRoot(),
                       accuracy: 1e-12)
        XCTAssertEqual(try Distribution.weibull(shape: 0.5, scale: 3).coefficientOfVariation, 5.0.squareRoot(), accuracy: 1e-12)
        // Uniform: (b − a) / sqrt(12) over (a + b) / 2.
        XCTAssertEqual(try Distribution.uniform(min: 2, max: 5).coefficientOfVariation, 3 / 12.0.squareRoot() / 3.5, accuracy: 1e-12)
        // Triangular: variance (a² + b² + c² − ab − ac − bc) / 18.
        XCTAssertEqual(try Distribution.triangular(min: 1, mode: 2, max: 6).coefficientOfVariation,
                       (21.0 / 18).squareRoot() / 3, accuracy: 1e-12)
        XCTAssertEqual(try Distribution.triangular(min: 0, mode: 0, max: 1).coefficientOfVariation, 0.5.squareRoot(),
                       accuracy: 1e-12)
        // PERT on [0, 10] with mode 1: Beta(1.4, 4.6) scaled by 10, variance 100 αβ / (36 x 7).
        XCTAssertEqual(try Distribution.pert(min: 0, mode: 1, max: 10).coefficientOfVariation,
                       (100 * 1.4 * 4.6 / 252).squareRoot() / (14.0 / 6), accuracy: 1e-12)
        // Empirical: an equal mixture of uniforms on the segments 1-2, 2-3, 3-10.
        let segments: [(Double, Double)] = [(1, 2), (2, 3), (3, 10)]
        let mean = segments.reduce(0.0) { $0 + ($1.0 + $1.1) / 2 } / 3
        let second = segments.reduce(0.0) { $0 + ($1.0 * $1.0 + $1.0 * $1.1 + $1.1 * $1.1) / 3 } / 3
        XCTAssertEqual(try Distribution.empirical([3, 1, 10, 2]).coefficientOfVariation,
                       (second - mean * mean).squareRoot() / mean, accuracy: 1e-12)
        XCTAssertEqual(try Distribution.empirical([4]).coefficientOfVariation, 0)
        XCTAssertEqual(try Distribution.empirical([2, 2, 2]).coefficientOfVariation, 0)
    }

    /// The spreads the outside audit ran: finite, or infinite, never NaN, so a bound decides.
    func testSpreadsBeyondADouble() throws {
        XCTAssertEqual(try Distribution.gamma(mean: 30, cv: 1e10).coefficientOfVariation, 1e10, accuracy: 1e-2)
        XCTAssertEqual(try Distribution.lognormal(mu: -800, sigma: 40).coefficientOfVariation, .infinity)
        XCTAssertEqual(try Distribution.weibull(shape: 1e-3, scale: 1).coefficientOfVariation, .infinity)
        // Data far from 0 keep their spread: segments of width 1 around a million.
        XCTAssertEqual(try Distribution.empirical([1e6, 1e6 + 1]).coefficientOfVariation,
                       1 / 12.0.squareRoot() / (1e6 + 0.5), accuracy: 1e-15)
    }

    /// GSL's draws spread as the formula says: the sample cv of 200,000 draws within 3% (about three standard errors for the lognormal, the heaviest tail here).
    func testSampleCoefficientOfVariation() throws {
        let cases: [(Distribution, StreamIdentity)] = [
            (try .gamma(shape: 0.5, scale: 2), "cv gamma"), (try .lognormal(mean: 31, median: 20), "cv lognormal"),
            (try .weibull(shape: 0.8, scale: 3), "cv weibull"), (try .pert(min: 0, mode: 1, max: 10), "cv pert"),
            (try .triangular(min: 1, mode: 2, max: 6), "cv triangular"), (try .empirical([1, 1, 1, 2, 9, 30]), "cv empirical"),
        ]
        for (distribution, stream) in cases {
            let xs = draws(distribution, stream: stream)
            let mean = xs.reduce(0, +) / Double(xs.count)
            let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count - 1)
            XCTAssertEqual(variance.squareRoot() / mean, distribution.coefficientOfVariation,
                           accuracy: 0.03 * distribution.coefficientOfVariation, "\(distribution)")
        }
    }
}
