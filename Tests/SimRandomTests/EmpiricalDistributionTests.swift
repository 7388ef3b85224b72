import XCTest

@testable import SimRandom

/// EmpiricalDistribution: linear interpolation between order statistics, so each of the
/// n - 1 segments between consecutive sorted values carries probability 1/(n - 1), spread
/// uniformly over the segment.
final class EmpiricalDistributionTests: XCTestCase {
    let n = 200_000

    func testDrawsStayWithinTheDataRange() throws {
        let data: [Double] = [12, -3, 7.5, 40, 0, 7.5]
        let xs = draws(try .empirical(data), n, stream: "empirical range")
        XCTAssertGreaterThanOrEqual(xs.min()!, -3)
        XCTAssertLessThanOrEqual(xs.max()!, 40)
        // And they reach both ends: the first and last segments carry 1/5 each.
        XCTAssertLessThan(xs.min()!, -2.9)
        XCTAssertGreaterThan(xs.max()!, 39.9)
    }

    func testSingleValueIsAlwaysReturned() throws {
        let distribution = try Distribution.empirical([4.25])
        XCTAssertEqual(distribution.mean, 4.25)
        XCTAssert(draws(distribution, 1000, stream: "single").allSatisfy { $0 == 4.25 })
        // Repeated identical values behave the same way.
        XCTAssert(draws(try .empirical([2, 2, 2]), 1000, stream: "repeated").allSatisfy { $0 == 2 })
    }

    /// The mean is the average of the segment midpoints, computed here by hand.
    func testMeanIsTheSegmentMidpointAverage() throws {
        // Sorted: 1, 2, 3, 10; midpoints 1.5, 2.5, 6.5.
        let table = try EmpiricalDistribution([3, 1, 10, 2])
        XCTAssertEqual(table.count, 4)
        XCTAssertEqual(table.mean, (1.5 + 2.5 + 6.5) / 3, accuracy: 1e-12)
        XCTAssertEqual(try Distribution.empirical([3, 1, 10, 2]).mean, (1.5 + 2.5 + 6.5) / 3, accuracy: 1e-12)
        // Ties: segments [1, 1], [1, 1], [1, 5]; midpoints 1, 1, 3.
        XCTAssertEqual(try EmpiricalDistribution([1, 5, 1, 1]).mean, 5.0 / 3, accuracy: 1e-12)
        // Not the plain data mean (4) for data 1, 2, 3, 10.
        XCTAssertNotEqual(table.mean, 4, accuracy: 0.1)
        // Order of the data does not matter.
        XCTAssertEqual(try EmpiricalDistribution([10, 3, 2, 1]), table)
    }

    /// Sample mean within 4 standard errors of the midpoint average; the variance is that of
    /// an equal mixture of uniforms on the segments: E[X^2] = average of (a^2 + ab + b^2) / 3.
    func testSampleMeanMatches() throws {
        let data: [Double] = [3, 1, 10, 2, 2.5, 7]
        let sorted = data.sorted()
        let segments = zip(sorted, sorted.dropFirst())
        let mean = segments.reduce(0.0) { $0 + ($1.0 + $1.1) / 2 } / Double(sorted.count - 1)
        let second = segments.reduce(0.0) { $0 + ($1.0 * $1.0 + $1.0 * $1.1 + $1.1 * $1.1) / 3 } / Double(sorted.count - 1)
        let distribution = try Distribution.empirical(data)
        XCTAssertEqual(distribution.mean, mean, accuracy: 1e-12)
        assertMean(draws(distribution, n, stream: "empirical mean"), expected: mean, variance: second - mean * mean)
    }

    /// The interpolated distribution function: with data 1, 2, 4, 8, 9 (four segments), each
    /// half-segment carries probability 1/8; the counts in the eight halves pass a chi-square
    /// test at chi2_{0.999}(7) = 24.322.
    func testShapeByChiSquare() throws {
        let sorted: [Double] = [1, 2, 4, 8, 9]
        let xs = draws(try .empirical([9, 4, 1, 8, 2]), n, stream: "empirical shape")
        var edges: [Double] = []
        for (a, b) in zip(sorted, sorted.dropFirst()) { edges += [a, (a + b) / 2] }
        edges.append(sorted.last!)
        var counts = [Int](repeating: 0, count: 8)
        for x in xs {
            let bin = (0..<8).first { x >= edges[$0] && x < edges[$0 + 1] } ?? 7
            counts[bin] += 1
        }
        let statistic = chiSquare(counts: counts, probabilities: Array(repeating: 1.0 / 8, count: 8))
        XCTAssertLessThan(statistic, chiSquareCritical999[7]!, "counts \(counts)")
    }

    /// Ties: data 1, 1, 1, 5 puts probability 2/3 exactly on 1.
    func testTiedValuesCarryTheirSegments() throws {
        let xs = draws(try .empirical([1, 5, 1, 1]), n, stream: "empirical ties")
        assertBinomialCount(xs.filter { $0 == 1 }.count, trials: n, probability: 2.0 / 3)
        XCTAssert(xs.allSatisfy { $0 >= 1 && $0 <= 5 })
    }
}
