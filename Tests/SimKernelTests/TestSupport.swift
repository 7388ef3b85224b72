import XCTest
import SimKernel
import SimRandom

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny deterministic generator for the tests' own
/// random choices (interleavings, ties), independent of the SimRandom streams under test.
struct TestRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<bound (bound is small here, so the modulo bias is negligible).
    mutating func int(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// True with probability `numerator / denominator`.
    mutating func chance(_ numerator: Int, in denominator: Int) -> Bool { int(below: denominator) < numerator }
}

/// Independent replication estimates of one quantity, and their Student-t confidence interval.
///
/// Every statistical tolerance in this suite comes from here: a test runs n >= 10 independent
/// replications (separate substreams of MRG32k3a, or disjoint batches), and the analytic value
/// must lie in the two-sided `confidence` interval mean ± t(n−1) · s / √n.
struct Replications {
    private(set) var values: [Double] = []

    init(_ values: [Double] = []) { self.values = values }

    mutating func add(_ value: Double) { values.append(value) }

    var count: Int { values.count }
    var mean: Double { values.reduce(0, +) / Double(values.count) }
    var standardDeviation: Double {
        let m = mean
        let squares = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    func halfWidth(confidence: Double) -> Double {
        StudentT.criticalValue(confidence: confidence, degreesOfFreedom: count - 1)
            * standardDeviation / Double(count).squareRoot()
    }

    func interval(confidence: Double) -> ClosedRange<Double> {
        let h = halfWidth(confidence: confidence)
        return (mean - h)...(mean + h)
    }

    /// Asserts that `expected` lies in the `confidence` CI of the replications' mean.
    func assertContains(_ expected: Double, confidence: Double = 0.999, _ what: String,
                        file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertGreaterThanOrEqual(count, 10, "\(what): a CI needs at least 10 replications", file: file, line: line)
        let ci = interval(confidence: confidence)
        XCTAssert(ci.contains(expected),
                  "\(what): \(expected) is outside the \(confidence * 100)% CI \(ci) (mean \(mean), n \(count))",
                  file: file, line: line)
    }

    /// Asserts that the CI excludes `wrong`: the run is long enough for the check above to
    /// catch an error of that size, so a pass means something.
    func assertExcludes(_ wrong: Double, confidence: Double = 0.999, _ what: String,
                        file: StaticString = #filePath, line: UInt = #line) {
        let ci = interval(confidence: confidence)
        XCTAssertFalse(ci.contains(wrong),
                       "\(what): the \(confidence * 100)% CI \(ci) is too wide to tell \(wrong) apart",
                       file: file, line: line)
    }
}
