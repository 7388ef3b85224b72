import SimRandom
import XCTest

/// Independent replication estimates of one quantity, and their Student-t confidence interval.
///
/// Every statistical tolerance in this suite comes from here: a test runs n >= 10 independent
/// replications (separate substreams of MRG32k3a, or disjoint batches), and the analytic value
/// must lie in the two-sided `confidence` interval mean ± t(n−1) · s / √n.
public struct Replications {
    public private(set) var values: [Double] = []

    public init(_ values: [Double] = []) { self.values = values }

    public mutating func add(_ value: Double) { values.append(value) }

    public var count: Int { values.count }
    public var mean: Double { values.reduce(0, +) / Double(values.count) }
    public var standardDeviation: Double {
        let m = mean
        let squares = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    public func halfWidth(confidence: Double) -> Double {
        StudentT.criticalValue(confidence: confidence, degreesOfFreedom: count - 1)
            * standardDeviation / Double(count).squareRoot()
    }

    public func interval(confidence: Double) -> ClosedRange<Double> {
        let h = halfWidth(confidence: confidence)
        return (mean - h)...(mean + h)
    }

    /// Asserts that `expected` lies in the `confidence` CI of the replications' mean.
    public func assertContains(_ expected: Double, confidence: Double = 0.999, _ what: String,
                        file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertGreaterThanOrEqual(count, 10, "\(what): a CI needs at least 10 replications", file: file, line: line)
        let ci = interval(confidence: confidence)
        XCTAssert(ci.contains(expected),
                  "\(what): \(expected) is outside the \(confidence * 100)% CI \(ci) (mean \(mean), n \(count))",
                  file: file, line: line)
    }

    /// Asserts that the CI excludes `wrong`: the run is long enough for the check above to
    /// catch an error of that size, so a pass means something.
    public func assertExcludes(_ wrong: Double, confidence: Double = 0.999, _ what: String,
                        file: StaticString = #filePath, line: UInt = #line) {
        let ci = interval(confidence: confidence)
        XCTAssertFalse(ci.contains(wrong),
                       "\(what): the \(confidence * 100)% CI \(ci) is too wide to tell \(wrong) apart",
                       file: file, line: line)
    }
}
