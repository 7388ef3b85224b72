import Foundation
import XCTest

@testable import SimRandom

/// Every Distribution constructor rejects invalid parameters with a DistributionError that
/// names the distribution and the offending parameter, and accepts valid ones.
final class DistributionValidationTests: XCTestCase {
    let nan = Double.nan
    let inf = Double.infinity

    func testFixed() throws {
        assertDistributionError(try Distribution.fixed(nan), distribution: "fixed", parameter: "value", value: nan)
        assertDistributionError(try Distribution.fixed(inf), distribution: "fixed", parameter: "value", value: inf)
        assertDistributionError(try Distribution.fixed(-inf), distribution: "fixed", parameter: "value", value: -inf)
        for value in [0.0, -2.5, 1e300] {
            XCTAssertEqual(try Distribution.fixed(value).mean, value)
        }
    }

    func testUniform() throws {
        assertDistributionError(try Distribution.uniform(min: nan, max: 1), distribution: "uniform", parameter: "min", value: nan)
        assertDistributionError(try Distribution.uniform(min: -inf, max: 1), distribution: "uniform", parameter: "min", value: -inf)
        assertDistributionError(try Distribution.uniform(min: 0, max: nan), distribution: "uniform", parameter: "max", value: nan)
        assertDistributionError(try Distribution.uniform(min: 0, max: inf), distribution: "uniform", parameter: "max", value: inf)
        assertDistributionError(try Distribution.uniform(min: 1, max: 1), distribution: "uniform", parameter: "max", value: 1)
        assertDistributionError(try Distribution.uniform(min: 2, max: 1), distribution: "uniform", parameter: "max", value: 1)
        XCTAssertEqual(try Distribution.uniform(min: -1, max: 3).mean, 1)
        XCTAssertNoThrow(try Distribution.uniform(min: 0, max: 1e-300))
    }

    func testExponential() throws {
        for bad in [0.0, -1, nan, inf, -inf] {
            assertDistributionError(try Distribution.exponential(mean: bad), distribution: "exponential", parameter: "mean", value: bad)
        }
        XCTAssertEqual(try Distribution.exponential(mean: 2.5).mean, 2.5)
    }

    func testGammaShapeScale() throws {
        for bad in [0.0, -1, nan, inf] {
            assertDistributionError(try Distribution.gamma(shape: bad, scale: 1), distribution: "gamma", parameter: "shape", value: bad)
            assertDistributionError(try Distribution.gamma(shape: 1, scale: bad), distribution: "gamma", parameter: "scale", value: bad)
        }
        XCTAssertEqual(try Distribution.gamma(shape: 2, scale: 3).mean, 6)
    }

    func testGammaMeanCV() throws {
        for bad in [0.0, -1, nan, inf] {
            assertDistributionError(try Distribution.gamma(mean: bad, cv: 0.5), distribution: "gamma", parameter: "mean", value: bad)
            assertDistributionError(try Distribution.gamma(mean: 1, cv: bad), distribution: "gamma", parameter: "cv", value: bad)
        }
        // shape 1/cv^2 = 4, scale mean cv^2 = 2.5.
        XCTAssertEqual(try Distribution.gamma(mean: 10, cv: 0.5), try Distribution.gamma(shape: 4, scale: 2.5))
        XCTAssertEqual(try Distribution.gamma(mean: 10, cv: 0.5).mean, 10, accuracy: 1e-12)
    }

    func testLognormalMuSigma() throws {
        for bad in [nan, inf, -inf] {
            assertDistributionError(try Distribution.lognormal(mu: bad, sigma: 1), distribution: "lognormal", parameter: "mu", value: bad)
        }
        for bad in [0.0, -0.5, nan, inf] {
            assertDistributionError(try Distribution.lognormal(mu: 0, sigma: bad), distribution: "lognormal", parameter: "sigma", value: bad)
        }
        XCTAssertNoThrow(try Distribution.lognormal(mu: -3, sigma: 0.1), "mu may be negative")
        XCTAssertEqual(try Distribution.lognormal(mu: 1, sigma: 0.5).mean, exp(1.125), accuracy: 1e-12)
    }

    func testLognormalMeanCV() throws {
        for bad in [0.0, -1, nan, inf] {
            assertDistributionError(try Distribution.lognormal(mean: bad, cv: 0.5), distribution: "lognormal", parameter: "mean", value: bad)
            assertDistributionError(try Distribution.lognormal(mean: 1, cv: bad), distribution: "lognormal", parameter: "cv", value: bad)
        }
        // sigma^2 = ln(1 + cv^2), mu = ln(mean) - sigma^2 / 2.
        let sigma2 = log(1.25)
        let expected = try Distribution.lognormal(mu: log(8) - sigma2 / 2, sigma: sigma2.squareRoot())
        let built = try Distribution.lognormal(mean: 8, cv: 0.5)
        XCTAssertEqual(built.mean, 8, accuracy: 1e-12)
        XCTAssertEqual(built.mean, expected.mean, accuracy: 1e-12)
    }

    func testLognormalMeanMedian() throws {
        for bad in [0.0, -1, nan, inf] {
            assertDistributionError(try Distribution.lognormal(mean: bad, median: 1), distribution: "lognormal", parameter: "mean", value: bad)
            assertDistributionError(try Distribution.lognormal(mean: 2, median: bad), distribution: "lognormal", parameter: "median", value: bad)
        }
        assertDistributionError(try Distribution.lognormal(mean: 5, median: 5), distribution: "lognormal", parameter: "mean", value: 5)
        assertDistributionError(try Distribution.lognormal(mean: 4, median: 5), distribution: "lognormal", parameter: "mean", value: 4)
        // mu = ln(median), sigma^2 = 2 ln(mean / median): mean exp(mu + sigma^2 / 2) = mean.
        XCTAssertEqual(try Distribution.lognormal(mean: 6, median: 4).mean, 6, accuracy: 1e-12)
    }

    func testWeibull() throws {
        for bad in [0.0, -1, nan, inf] {
            assertDistributionError(try Distribution.weibull(shape: bad, scale: 1), distribution: "weibull", parameter: "shape", value: bad)
            assertDistributionError(try Distribution.weibull(shape: 1, scale: bad), distribution: "weibull", parameter: "scale", value: bad)
        }
        // Shape 1 is the exponential with mean = scale.
        XCTAssertEqual(try Distribution.weibull(shape: 1, scale: 3).mean, 3, accuracy: 1e-12)
        // Shape 2: mean = scale sqrt(pi) / 2.
        XCTAssertEqual(try Distribution.weibull(shape: 2, scale: 2).mean, Double.pi.squareRoot(), accuracy: 1e-12)
    }

    func testTriangularAndPERTRanges() throws {
        typealias Make = (Double, Double, Double) throws -> Distribution
        let makers: [(String, Make)] = [
            ("triangular", { try Distribution.triangular(min: $0, mode: $1, max: $2) }),
            ("pert", { try Distribution.pert(min: $0, mode: $1, max: $2) }),
        ]
        for (name, make) in makers {
            assertDistributionError(try make(nan, 1, 2), distribution: name, parameter: "min", value: nan)
            assertDistributionError(try make(-inf, 1, 2), distribution: name, parameter: "min", value: -inf)
            assertDistributionError(try make(0, nan, 2), distribution: name, parameter: "mode", value: nan)
            assertDistributionError(try make(0, inf, 2), distribution: name, parameter: "mode", value: inf)
            assertDistributionError(try make(0, 1, nan), distribution: name, parameter: "max", value: nan)
            assertDistributionError(try make(0, 1, inf), distribution: name, parameter: "max", value: inf)
            assertDistributionError(try make(2, 2, 2), distribution: name, parameter: "max", value: 2)
            assertDistributionError(try make(3, 2, 1), distribution: name, parameter: "max", value: 1)
            assertDistributionError(try make(0, -0.1, 2), distribution: name, parameter: "mode", value: -0.1)
            assertDistributionError(try make(0, 2.1, 2), distribution: name, parameter: "mode", value: 2.1)
            // A range too wide to subtract would sample infinities.
            assertDistributionError(try make(-1e308, 0, 1e308), distribution: name, parameter: "max", value: 1e308)
            // The mode may sit at either end.
            XCTAssertNoThrow(try make(0, 0, 2), name)
            XCTAssertNoThrow(try make(0, 2, 2), name)
        }
        XCTAssertEqual(try Distribution.triangular(min: 1, mode: 2, max: 6).mean, 3, accuracy: 1e-12)
        XCTAssertEqual(try Distribution.pert(min: 0, mode: 1, max: 10).mean, 14.0 / 6, accuracy: 1e-12)
    }

    /// Extreme but finite coefficients of variation are reported against `cv`, the parameter
    /// the caller gave, not the derived shape or sigma.
    func testExtremeCoefficientOfVariationIsReportedAsCV() {
        assertDistributionError(try Distribution.gamma(mean: 1, cv: 1e-200), distribution: "gamma", parameter: "cv", value: 1e-200)
        assertDistributionError(try Distribution.gamma(mean: 1, cv: 1e200), distribution: "gamma", parameter: "cv", value: 1e200)
        assertDistributionError(try Distribution.lognormal(mean: 1, cv: 1e-200), distribution: "lognormal", parameter: "cv", value: 1e-200)
        assertDistributionError(try Distribution.lognormal(mean: 1, cv: 1e200), distribution: "lognormal", parameter: "cv", value: 1e200)
    }

    func testEmpirical() throws {
        assertDistributionError(try Distribution.empirical([]), distribution: "empirical", parameter: "data")
        assertDistributionError(try Distribution.empirical([1, nan, 3]), distribution: "empirical", parameter: "data", value: nan)
        assertDistributionError(try Distribution.empirical([1, inf]), distribution: "empirical", parameter: "data", value: inf)
        assertDistributionError(try EmpiricalDistribution([]), distribution: "empirical", parameter: "data")
        assertDistributionError(try Distribution.empirical([-1e308, 1e308]), distribution: "empirical", parameter: "data")
        XCTAssertEqual(try Distribution.empirical([4]).mean, 4)
    }

    /// The error's message names the distribution, parameter, expectation and value.
    func testErrorDescription() {
        do {
            _ = try Distribution.lognormal(mean: 2, cv: -1)
            XCTFail("expected an error")
        } catch let error as DistributionError {
            XCTAssertEqual(error.expected, "a finite number > 0")
            XCTAssertEqual(error.description, "lognormal: cv must be a finite number > 0, got -1.0")
        } catch {
            XCTFail("unexpected \(error)")
        }
    }

    func testDescriptions() throws {
        XCTAssertEqual(try Distribution.exponential(mean: 2).description, "exponential(mean: 2.0)")
        XCTAssertEqual(try Distribution.weibull(shape: 1.5, scale: 3).description, "weibull(shape: 1.5, scale: 3.0)")
        XCTAssertEqual(try Distribution.empirical([1, 2, 3]).description, "empirical(3 values)")
    }
}
