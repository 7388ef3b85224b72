import CGSL
import CMRG32k3a
import Foundation
import XCTest

@testable import SimRandom

// Shared helpers for the SimRandom tests: an independent MRG32k3a oracle, a raw GSL
// generator wrapper, statistical assertions with tolerances derived from the sampling
// distribution, and a DistributionError matcher.

// MARK: - Independent MRG32k3a oracle

/// MRG32k3a written out again from L'Ecuyer (1999), in plain Int64 / UInt64 arithmetic,
/// sharing no code with Sources/CMRG32k3a: the reference the C generator is checked against.
enum MRGOracle {
    static let m1: Int64 = 4_294_967_087
    static let m2: Int64 = 4_294_944_443
    static let a12: Int64 = 1_403_580
    static let a13n: Int64 = 810_728
    static let a21: Int64 = 527_612
    static let a23n: Int64 = 1_370_589

    /// The package seed RngStreams starts from.
    static let defaultSeed: [UInt32] = Array(repeating: 12345, count: 6)

    /// One step of the recurrence on state (x1[n-3], x1[n-2], x1[n-1], x2[n-3], x2[n-2], x2[n-1]);
    /// returns the combined output z in [1, m1], as RngStreams forms it before scaling.
    static func next(_ s: inout [Int64]) -> Int64 {
        var p1 = (a12 * s[1] - a13n * s[0]) % m1
        if p1 < 0 { p1 += m1 }
        s[0] = s[1]; s[1] = s[2]; s[2] = p1
        var p2 = (a21 * s[5] - a23n * s[3]) % m2
        if p2 < 0 { p2 += m2 }
        s[3] = s[4]; s[4] = s[5]; s[5] = p2
        return p1 > p2 ? p1 - p2 : p1 - p2 + m1
    }

    typealias Matrix = [[UInt64]]

    static let A1: Matrix = [[0, 1, 0], [0, 0, 1], [UInt64(m1 - a13n), UInt64(a12), 0]]
    static let A2: Matrix = [[0, 1, 0], [0, 0, 1], [UInt64(m2 - a23n), 0, UInt64(a21)]]
    static let identity: Matrix = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]

    static func mulmod(_ a: UInt64, _ b: UInt64, _ m: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return m.dividingFullWidth((high: product.high, low: product.low)).remainder
    }

    static func multiply(_ a: Matrix, _ b: Matrix, _ m: UInt64) -> Matrix {
        (0..<3).map { i in
            (0..<3).map { j in
                (0..<3).reduce(UInt64(0)) { acc, k in (acc + mulmod(a[i][k], b[k][j], m)) % m }
            }
        }
    }

    /// a^(2^n) by n squarings.
    static func powerOfTwo(_ a: Matrix, _ n: Int, _ m: UInt64) -> Matrix {
        var result = a
        for _ in 0..<n { result = multiply(result, result, m) }
        return result
    }

    /// a^e by square-and-multiply.
    static func power(_ a: Matrix, _ e: UInt64, _ m: UInt64) -> Matrix {
        var result = identity, base = a, e = e
        while e != 0 {
            if e & 1 == 1 { result = multiply(result, base, m) }
            base = multiply(base, base, m)
            e >>= 1
        }
        return result
    }

    static func apply(_ a: Matrix, _ v: [UInt64], _ m: UInt64) -> [UInt64] {
        (0..<3).map { i in (0..<3).reduce(UInt64(0)) { acc, k in (acc + mulmod(a[i][k], v[k], m)) % m } }
    }

    static let mm1 = UInt64(m1), mm2 = UInt64(m2)
    static let streamJump1 = powerOfTwo(A1, 127, mm1)
    static let streamJump2 = powerOfTwo(A2, 127, mm2)
    static let substreamJump1 = powerOfTwo(A1, 76, mm1)
    static let substreamJump2 = powerOfTwo(A2, 76, mm2)

    /// The state at the start of (stream, substream), counting from `seed`.
    static func position(seed: [UInt32], stream: UInt64, substream: UInt64) -> [UInt32] {
        let jump1 = multiply(power(substreamJump1, substream, mm1), power(streamJump1, stream, mm1), mm1)
        let jump2 = multiply(power(substreamJump2, substream, mm2), power(streamJump2, stream, mm2), mm2)
        let x1 = apply(jump1, seed[0..<3].map { UInt64($0) }, mm1)
        let x2 = apply(jump2, seed[3..<6].map { UInt64($0) }, mm2)
        return (x1 + x2).map { UInt32($0) }
    }
}

// MARK: - Raw GSL generators

/// An MRG32k3a `gsl_rng` allocated straight from the C target, freed on deinit.
final class RawMRG {
    let rng: UnsafeMutablePointer<gsl_rng>

    init() {
        rng = gsl_rng_alloc(crisis_rng_mrg32k3a())!
    }

    convenience init(seed: [UInt32], stream: UInt64 = 0, substream: UInt64 = 0) {
        self.init()
        let status = setPosition(seed: seed, stream: stream, substream: substream)
        precondition(status == 0, "set_position rejected a seed the test expected to be valid")
    }

    deinit { gsl_rng_free(rng) }

    @discardableResult
    func setPosition(seed: [UInt32], stream: UInt64, substream: UInt64) -> Int32 {
        precondition(seed.count == 6)
        return crisis_mrg32k3a_set_position(rng, seed, stream, substream)
    }

    var state: [UInt32] {
        var out = [UInt32](repeating: 0, count: 6)
        crisis_mrg32k3a_get_state(rng, &out)
        return out
    }
}

// MARK: - Statistics

/// Number of standard errors allowed for a statistic that is asymptotically normal: the
/// two-sided false-alarm probability of one check is 6.3e-5. Seeds are fixed, so each test
/// is deterministic; the tolerance only guarantees a correct implementation passes for
/// (nearly) every seed, while a wrong mean or scale fails by many standard errors.
let standardErrors = 4.0

struct SampleMoments {
    let count: Int
    let mean: Double
    /// Unbiased sample variance.
    let variance: Double

    init(_ xs: [Double]) {
        count = xs.count
        let mean = xs.reduce(0, +) / Double(xs.count)
        self.mean = mean
        variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count - 1)
    }
}

/// Central second and fourth moments from raw moments E[X], E[X^2], E[X^3], E[X^4].
func centralMoments(raw m: [Double]) -> (variance: Double, fourth: Double) {
    let (m1, m2, m3, m4) = (m[0], m[1], m[2], m[3])
    return (m2 - m1 * m1, m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 * m1 * m1 * m1)
}

/// The sample mean of n draws has standard error sqrt(variance / n) (CLT).
func assertMean(
    _ xs: [Double], expected: Double, variance: Double, _ label: String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    let sample = SampleMoments(xs)
    let se = (variance / Double(xs.count)).squareRoot()
    XCTAssertLessThanOrEqual(
        abs(sample.mean - expected), standardErrors * se,
        "\(label) sample mean \(sample.mean) vs expected \(expected) (standard error \(se))",
        file: file, line: line)
}

/// The sample variance of n draws has asymptotic standard error sqrt((mu4 - sigma^4) / n),
/// where mu4 is the distribution's central fourth moment.
func assertVariance(
    _ xs: [Double], expected: Double, centralFourth: Double, _ label: String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    let sample = SampleMoments(xs)
    let se = ((centralFourth - expected * expected) / Double(xs.count)).squareRoot()
    XCTAssertLessThanOrEqual(
        abs(sample.variance - expected), standardErrors * se,
        "\(label) sample variance \(sample.variance) vs expected \(expected) (standard error \(se))",
        file: file, line: line)
}

/// A count of successes in n Bernoulli(p) trials is within 4 binomial standard deviations of np.
func assertBinomialCount(
    _ count: Int, trials: Int, probability p: Double, _ label: String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    let n = Double(trials)
    let sd = (n * p * (1 - p)).squareRoot()
    XCTAssertLessThanOrEqual(
        abs(Double(count) - n * p), standardErrors * sd,
        "\(label) count \(count) of \(trials) vs expected \(n * p) (sd \(sd))", file: file, line: line)
}

/// Pearson's statistic sum (O - E)^2 / E for observed counts against probabilities.
func chiSquare(counts: [Int], probabilities: [Double]) -> Double {
    let n = Double(counts.reduce(0, +))
    return zip(counts, probabilities).reduce(0) { acc, pair in
        let expected = n * pair.1
        return acc + (Double(pair.0) - expected) * (Double(pair.0) - expected) / expected
    }
}

/// Upper 0.001 quantiles of the chi-square distribution, chi2_{0.999}(df) (standard tables;
/// ChiSquareTableTests checks them against gsl_cdf_chisq_Qinv).
let chiSquareCritical999: [Int: Double] = [3: 16.266, 4: 18.467, 7: 24.322, 9: 27.877, 19: 43.820]

/// n draws of a distribution from a fresh, fixed stream.
func draws(_ distribution: Distribution, _ n: Int = 200_000, seed: UInt64 = 20_240_601, stream: StreamIdentity) -> [Double] {
    let source = RandomStreams(masterSeed: seed, replication: 0).stream(stream)
    return (0..<n).map { _ in distribution.sample(source) }
}

// MARK: - Errors

/// Asserts that `expression` throws a DistributionError naming `distribution` and `parameter`
/// (and, when given, carrying the offending `value`; NaN matches NaN).
func assertDistributionError<T>(
    _ expression: @autoclosure () throws -> T, distribution: String, parameter: String, value: Double? = nil,
    file: StaticString = #filePath, line: UInt = #line
) {
    do {
        let result = try expression()
        XCTFail("expected \(distribution) to reject \(parameter), got \(result)", file: file, line: line)
    } catch let error as DistributionError {
        XCTAssertEqual(error.distribution, distribution, "\(error)", file: file, line: line)
        XCTAssertEqual(error.parameter, parameter, "\(error)", file: file, line: line)
        if let value {
            XCTAssertTrue(
                error.value == value || (error.value.isNaN && value.isNaN),
                "error carries \(error.value), expected \(value)", file: file, line: line)
        }
        XCTAssertFalse(error.description.isEmpty, file: file, line: line)
    } catch {
        XCTFail("expected DistributionError, got \(error)", file: file, line: line)
    }
}
