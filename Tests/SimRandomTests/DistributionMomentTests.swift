import Foundation
import XCTest

@testable import SimRandom

/// Sampling: for each distribution, the sample mean of n = 200,000 draws is within 4
/// standard errors of `Distribution.mean` (standard error from the analytic variance), and
/// the sample variance is within 4 standard errors of the analytic variance (standard error
/// sqrt((mu4 - sigma^4) / n) from the analytic central fourth moment mu4). The variance check
/// catches errors the mean cannot, e.g. swapped gamma shape and scale (same mean kθ).
final class DistributionMomentTests: XCTestCase {
    let n = 200_000

    /// Checks mean and variance of `distribution` against raw moments E[X], ..., E[X^4], and
    /// that `Distribution.mean` is the analytic mean.
    func check(
        _ distribution: Distribution, raw: [Double], stream: StreamIdentity,
        file: StaticString = #filePath, line: UInt = #line
    ) -> [Double] {
        let (variance, fourth) = centralMoments(raw: raw)
        XCTAssertEqual(distribution.mean, raw[0], accuracy: 1e-12 * max(1, abs(raw[0])), "\(distribution)", file: file, line: line)
        let xs = draws(distribution, n, stream: stream)
        assertMean(xs, expected: distribution.mean, variance: variance, "\(distribution)", file: file, line: line)
        assertVariance(xs, expected: variance, centralFourth: fourth, "\(distribution)", file: file, line: line)
        return xs
    }

    /// Raw moments of Gamma(k, θ): E[X^j] = θ^j k (k + 1) ... (k + j - 1).
    func gammaRaw(shape k: Double, scale θ: Double) -> [Double] {
        (1...4).map { j in (0..<j).reduce(1.0) { $0 * θ * (k + Double($1)) } }
    }

    func testFixedAlwaysReturnsItsValue() throws {
        let xs = draws(try .fixed(3.5), 1000, stream: "fixed")
        XCTAssert(xs.allSatisfy { $0 == 3.5 })
    }

    /// Uniform(a, b): variance (b - a)^2 / 12, mu4 (b - a)^4 / 80.
    func testUniform() throws {
        let (a, b) = (2.0, 5.0)
        // E[X^j] = (b^(j+1) - a^(j+1)) / ((j + 1)(b - a)).
        let raw: [Double] = (1...4).map { (j: Int) -> Double in
            let p = Double(j + 1)
            return (pow(b, p) - pow(a, p)) / (p * (b - a))
        }
        let (variance, fourth) = centralMoments(raw: raw)
        XCTAssertEqual(variance, (b - a) * (b - a) / 12, accuracy: 1e-9)
        XCTAssertEqual(fourth, pow(b - a, 4) / 80, accuracy: 1e-9)
        let xs = check(try .uniform(min: a, max: b), raw: raw, stream: "uniform")
        XCTAssert(xs.allSatisfy { $0 >= a && $0 < b })
    }

    /// Exponential(mean θ) is Gamma(1, θ): variance θ^2 = mean^2.
    func testExponential() throws {
        let xs = check(try .exponential(mean: 3), raw: gammaRaw(shape: 1, scale: 3), stream: "exponential")
        XCTAssert(xs.allSatisfy { $0 >= 0 })
        XCTAssertEqual(centralMoments(raw: gammaRaw(shape: 1, scale: 3)).variance, 9, accuracy: 1e-9)
    }

    /// Gamma(k, θ): variance kθ^2; shape above and below 1 (GSL uses different methods).
    func testGamma() throws {
        for (k, θ) in [(2.5, 1.5), (0.5, 4.0), (9.0, 0.2)] {
            let raw = gammaRaw(shape: k, scale: θ)
            XCTAssertEqual(centralMoments(raw: raw).variance, k * θ * θ, accuracy: 1e-9)
            let xs = check(try .gamma(shape: k, scale: θ), raw: raw, stream: StreamIdentity("gamma \(k)"))
            XCTAssert(xs.allSatisfy { $0 >= 0 })
        }
    }

    /// gamma(mean:cv:) reproduces the mean and the standard deviation cv * mean.
    func testGammaFromMeanAndCV() throws {
        let (mean, cv) = (10.0, 0.4)
        let raw = gammaRaw(shape: 1 / (cv * cv), scale: mean * cv * cv)
        XCTAssertEqual(centralMoments(raw: raw).variance, (cv * mean) * (cv * mean), accuracy: 1e-9)
        _ = check(try .gamma(mean: mean, cv: cv), raw: raw, stream: "gamma mean cv")
    }

    /// Lognormal raw moments E[X^j] = exp(j mu + j^2 sigma^2 / 2); variance
    /// (e^{sigma^2} - 1) e^{2 mu + sigma^2}.
    func lognormalRaw(mu: Double, sigma: Double) -> [Double] {
        (1...4).map { j in exp(Double(j) * mu + Double(j * j) * sigma * sigma / 2) }
    }

    func testLognormal() throws {
        let (mu, sigma) = (1.0, 0.5)
        let raw = lognormalRaw(mu: mu, sigma: sigma)
        XCTAssertEqual(
            centralMoments(raw: raw).variance, (exp(sigma * sigma) - 1) * exp(2 * mu + sigma * sigma), accuracy: 1e-9)
        let xs = check(try .lognormal(mu: mu, sigma: sigma), raw: raw, stream: "lognormal")
        XCTAssert(xs.allSatisfy { $0 > 0 })
    }

    /// lognormal(mean:cv:) reproduces the mean and the variance (cv * mean)^2.
    func testLognormalFromMeanAndCV() throws {
        let (mean, cv) = (8.0, 0.5)
        let sigma2 = log1p(cv * cv)
        let raw = lognormalRaw(mu: log(mean) - sigma2 / 2, sigma: sigma2.squareRoot())
        XCTAssertEqual(raw[0], mean, accuracy: 1e-12)
        XCTAssertEqual(centralMoments(raw: raw).variance, (cv * mean) * (cv * mean), accuracy: 1e-9)
        let xs = check(try .lognormal(mean: mean, cv: cv), raw: raw, stream: "lognormal mean cv")
        let sample = SampleMoments(xs)
        // A coarse restatement of the variance check in the planner's terms.
        XCTAssertEqual(sample.variance.squareRoot() / sample.mean, cv, accuracy: 0.01)
    }

    /// lognormal(mean:median:) reproduces the median: the number of draws below the true
    /// median m is Binomial(n, 1/2), so with n odd, k = ceil(4 sqrt(n) / 2) and order statistics
    /// X(1) <= ... <= X(n), m lies in [X((n+1)/2 - k), X((n+1)/2 + k)] unless that count is
    /// more than 4 binomial standard deviations from n/2. Also reproduces the mean.
    func testLognormalFromMeanAndMedian() throws {
        let (mean, median) = (6.0, 4.0)
        let distribution = try Distribution.lognormal(mean: mean, median: median)
        let count = 200_001
        let xs = draws(distribution, count, stream: "lognormal mean median").sorted()
        let k = Int((standardErrors * Double(count).squareRoot() / 2).rounded(.up))
        let middle = count / 2  // zero-based index of the sample median
        XCTAssertLessThanOrEqual(xs[middle - k], median)
        XCTAssertGreaterThanOrEqual(xs[middle + k], median)

        // sigma^2 = 2 ln(mean / median): variance (e^{sigma^2} - 1) mean^2.
        let variance = (exp(2 * log(mean / median)) - 1) * mean * mean
        assertMean(xs, expected: mean, variance: variance)
    }

    /// Weibull(k, λ): E[X^j] = λ^j Γ(1 + j/k); variance λ^2 [Γ(1 + 2/k) - Γ(1 + 1/k)^2].
    func testWeibull() throws {
        for (k, λ) in [(1.5, 2.0), (0.8, 1.0), (4.0, 10.0)] {
            let raw = (1...4).map { j in pow(λ, Double(j)) * tgamma(1 + Double(j) / k) }
            XCTAssertEqual(
                centralMoments(raw: raw).variance, λ * λ * (tgamma(1 + 2 / k) - pow(tgamma(1 + 1 / k), 2)),
                accuracy: 1e-9 * λ * λ)
            let xs = check(try .weibull(shape: k, scale: λ), raw: raw, stream: StreamIdentity("weibull \(k)"))
            XCTAssert(xs.allSatisfy { $0 >= 0 })
            // Tail: P(X > λ) = e^{-1} whatever the shape.
            assertBinomialCount(xs.filter { $0 > λ }.count, trials: n, probability: exp(-1), "weibull \(k) tail")
        }
    }

    /// Raw moments of the triangular density on [a, b] with mode c, by 3-point Gauss-Legendre
    /// on each linear piece (exact for x^j times a linear density, degree <= 5).
    func triangularRaw(_ a: Double, _ c: Double, _ b: Double) -> [Double] {
        func density(_ x: Double) -> Double {
            x < c ? 2 * (x - a) / ((b - a) * (c - a)) : 2 * (b - x) / ((b - a) * (b - c))
        }
        let nodes = [-(0.6).squareRoot(), 0, (0.6).squareRoot()], weights = [5.0 / 9, 8.0 / 9, 5.0 / 9]
        return (1...4).map { j in
            [(a, c), (c, b)].filter { $0.1 > $0.0 }.reduce(0.0) { total, piece in
                let (lo, hi) = piece
                let half = (hi - lo) / 2, mid = (hi + lo) / 2
                return total + zip(nodes, weights).reduce(0.0) { acc, nw in
                    let x = mid + half * nw.0
                    return acc + half * nw.1 * pow(x, Double(j)) * density(x)
                }
            }
        }
    }

    /// Triangular(a, c, b): variance (a^2 + b^2 + c^2 - ab - ac - bc) / 18; also the mass below
    /// the mode, (c - a) / (b - a), and a chi-square test of the whole shape.
    func testTriangular() throws {
        for (a, c, b) in [(1.0, 2.0, 6.0), (0.0, 0.0, 1.0), (-2.0, 3.0, 3.0)] {
            let raw = triangularRaw(a, c, b)
            XCTAssertEqual(
                centralMoments(raw: raw).variance, (a * a + b * b + c * c - a * b - a * c - b * c) / 18, accuracy: 1e-9)
            let xs = check(try .triangular(min: a, mode: c, max: b), raw: raw, stream: StreamIdentity("triangular \(c)"))
            XCTAssert(xs.allSatisfy { $0 >= a && $0 <= b })
            assertBinomialCount(xs.filter { $0 < c }.count, trials: n, probability: (c - a) / (b - a), "below mode")

            // Ten equiprobable bins by the distribution function F: F(X) is uniform, so the
            // counts of floor(10 F(X)) pass a chi-square test at chi2_{0.999}(9) = 27.877.
            func cdf(_ x: Double) -> Double {
                x <= c ? (x - a) * (x - a) / ((b - a) * (c - a)) : 1 - (b - x) * (b - x) / ((b - a) * (b - c))
            }
            var counts = [Int](repeating: 0, count: 10)
            for x in xs { counts[min(9, Int(cdf(x) * 10))] += 1 }
            let statistic = chiSquare(counts: counts, probabilities: Array(repeating: 0.1, count: 10))
            XCTAssertLessThan(statistic, chiSquareCritical999[9]!, "triangular(\(a), \(c), \(b)) counts \(counts)")
        }
    }

    /// PERT(a, c, b) = a + (b - a) Beta(α, β), α = 1 + 4(c - a)/(b - a), β = 1 + 4(b - c)/(b - a):
    /// variance (b - a)^2 αβ / ((α + β)^2 (α + β + 1)).
    func testPERT() throws {
        for (a, c, b) in [(0.0, 1.0, 10.0), (5.0, 5.0, 7.0), (-1.0, 0.5, 2.0)] {
            let range = b - a
            let alpha = 1 + 4 * (c - a) / range, beta = 1 + 4 * (b - c) / range
            let betaRaw = (1...4).map { j in (0..<j).reduce(1.0) { $0 * (alpha + Double($1)) / (alpha + beta + Double($1)) } }
            let (betaVariance, betaFourth) = centralMoments(raw: betaRaw)
            XCTAssertEqual(
                betaVariance, alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1)), accuracy: 1e-12)
            let distribution = try Distribution.pert(min: a, mode: c, max: b)
            XCTAssertEqual(distribution.mean, a + range * betaRaw[0], accuracy: 1e-12)
            let xs = draws(distribution, n, stream: StreamIdentity("pert \(c)"))
            XCTAssert(xs.allSatisfy { $0 >= a && $0 <= b })
            assertMean(xs, expected: distribution.mean, variance: range * range * betaVariance, "\(distribution)")
            assertVariance(
                xs, expected: range * range * betaVariance, centralFourth: pow(range, 4) * betaFourth, "\(distribution)")
        }
    }

    /// Sampling is a pure function of the stream: same stream coordinates, same draws.
    func testSamplingIsReproducible() throws {
        let distribution = try Distribution.lognormal(mean: 3, cv: 1.2)
        XCTAssertEqual(draws(distribution, 100, stream: "repeat"), draws(distribution, 100, stream: "repeat"))
        XCTAssertNotEqual(draws(distribution, 100, stream: "repeat"), draws(distribution, 100, stream: "other"))
    }
}
