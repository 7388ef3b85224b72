import XCTest

@testable import SimRandom

/// The variate methods of RandomStream that are not reached through `Distribution`:
/// uniforms, Bernoulli, normal, beta, Poisson and binomial counts.
final class RandomStreamVariateTests: XCTestCase {
    let n = 200_000

    func stream(_ name: StreamIdentity, kind: GeneratorKind = .mrg32k3a) -> RandomStream {
        RandomStreams(masterSeed: 77, replication: 0, kind: kind).stream(name)
    }

    /// uniform() is in [0, 1); uniformPositive() in (0, 1); both have mean 1/2 and variance
    /// 1/12 (central fourth moment 1/80), and ten equal bins pass a chi-square test at
    /// chi2_{0.999}(9) = 27.877.
    func testUniformsOnTheUnitInterval() {
        for kind in GeneratorKind.allCases {
            let s = stream("unit", kind: kind)
            let u = (0..<n).map { _ in s.uniform() }
            let p = (0..<n).map { _ in s.uniformPositive() }
            XCTAssert(u.allSatisfy { $0 >= 0 && $0 < 1 }, "\(kind) uniform outside [0, 1)")
            XCTAssert(p.allSatisfy { $0 > 0 && $0 < 1 }, "\(kind) uniformPositive outside (0, 1)")
            for xs in [u, p] {
                assertMean(xs, expected: 0.5, variance: 1.0 / 12, "\(kind)")
                assertVariance(xs, expected: 1.0 / 12, centralFourth: 1.0 / 80, "\(kind)")
                var counts = [Int](repeating: 0, count: 10)
                for x in xs { counts[Int(x * 10)] += 1 }
                let statistic = chiSquare(counts: counts, probabilities: Array(repeating: 0.1, count: 10))
                XCTAssertLessThan(statistic, chiSquareCritical999[9]!, "\(kind) counts \(counts)")
            }
        }
    }

    func testUniformOnAnInterval() {
        let s = stream("interval")
        let xs = (0..<n).map { _ in s.uniform(min: -3, max: 5) }
        XCTAssert(xs.allSatisfy { $0 >= -3 && $0 < 5 })
        let width = 8.0
        assertMean(xs, expected: 1, variance: width * width / 12)
        assertVariance(xs, expected: width * width / 12, centralFourth: pow(width, 4) / 80)
    }

    /// The number of trues in n Bernoulli(p) draws is Binomial(n, p).
    func testBernoulliFrequency() {
        let s = stream("coin")
        for p in [0.3, 0.02, 0.5] {
            let count = (0..<n).reduce(0) { acc, _ in acc + (s.bernoulli(probability: p) ? 1 : 0) }
            assertBinomialCount(count, trials: n, probability: p, "p = \(p)")
        }
        XCTAssert((0..<1000).allSatisfy { _ in !s.bernoulli(probability: 0) })
        XCTAssert((0..<1000).allSatisfy { _ in s.bernoulli(probability: 1) })
    }

    /// Normal(mean, sd): variance sd^2, central fourth moment 3 sd^4.
    func testNormalMoments() {
        let s = stream("normal")
        let xs = (0..<n).map { _ in s.normal(mean: 10, standardDeviation: 2) }
        assertMean(xs, expected: 10, variance: 4)
        assertVariance(xs, expected: 4, centralFourth: 3 * 16)
    }

    /// Beta(a, b): raw moments E[B^k] = prod_{i<k} (a + i) / (a + b + i).
    func testBetaMoments() {
        let s = stream("beta")
        for (a, b) in [(2.0, 5.0), (0.5, 0.5)] {
            let xs = (0..<n).map { _ in s.beta(alpha: a, beta: b) }
            XCTAssert(xs.allSatisfy { $0 >= 0 && $0 <= 1 })
            let raw = (1...4).map { k in (0..<k).reduce(1.0) { $0 * (a + Double($1)) / (a + b + Double($1)) } }
            let (variance, fourth) = centralMoments(raw: raw)
            assertMean(xs, expected: a / (a + b), variance: variance, "beta(\(a), \(b))")
            assertVariance(xs, expected: variance, centralFourth: fourth, "beta(\(a), \(b))")
        }
    }

    /// Poisson(lambda): mean = variance = lambda; central fourth moment lambda (1 + 3 lambda).
    /// Small and large means exercise GSL's two sampling regimes.
    func testPoissonMeanAndVariance() {
        let s = stream("poisson")
        for lambda in [0.5, 4.0, 60.0] {
            let counts = (0..<n).map { _ in s.poisson(mean: lambda) }
            XCTAssert(counts.allSatisfy { $0 >= 0 })
            let xs = counts.map(Double.init)
            assertMean(xs, expected: lambda, variance: lambda, "Poisson(\(lambda))")
            assertVariance(xs, expected: lambda, centralFourth: lambda * (1 + 3 * lambda), "Poisson(\(lambda))")
        }
        XCTAssertEqual(s.poisson(mean: 0), 0)
    }

    /// Binomial(m, p): mean mp, variance mpq, central fourth moment mpq (1 + 3pq (m - 2)).
    func testBinomialMeanAndVariance() {
        let s = stream("binomial")
        for (trials, p) in [(10, 0.3), (1000, 0.05), (5, 0.9)] {
            let counts = (0..<n).map { _ in s.binomial(trials: trials, probability: p) }
            XCTAssert(counts.allSatisfy { (0...trials).contains($0) }, "Binomial(\(trials), \(p))")
            let xs = counts.map(Double.init)
            let m = Double(trials), q = 1 - p
            let variance = m * p * q
            assertMean(xs, expected: m * p, variance: variance, "Binomial(\(trials), \(p))")
            assertVariance(
                xs, expected: variance, centralFourth: variance * (1 + 3 * p * q * (m - 2)), "Binomial(\(trials), \(p))")
        }
        XCTAssertEqual(s.binomial(trials: 7, probability: 1), 7)
        XCTAssertEqual(s.binomial(trials: 7, probability: 0), 0)
        XCTAssertEqual(s.binomial(trials: 0, probability: 0.5), 0)
    }
}
