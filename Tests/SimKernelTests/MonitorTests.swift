import CrisisTestSupport
import XCTest
@testable import SimKernel

/// Reference oracles and helpers, namespaced so they cannot clash with other test files.
private enum MonitorOracle {
    /// SplitMix64 (Steele, Lea and Flood), so the oracles need nothing from SimRandom.

    /// Corrected two-pass mean and sample variance (Chan, Golub and LeVeque), the reference oracle.
    static func twoPass(_ xs: [Double]) -> (mean: Double, variance: Double) {
        let n = Double(xs.count)
        let rough = xs.reduce(0, +) / n
        var sumDev = 0.0, sumSq = 0.0
        for x in xs {
            let d = x - rough
            sumDev += d
            sumSq += d * d
        }
        return (rough + sumDev / n, (sumSq - sumDev * sumDev / n) / (n - 1))
    }

    static func relativeError(_ actual: Double, _ expected: Double) -> Double {
        abs(actual - expected) / max(abs(expected), .leastNormalMagnitude)
    }

    static func sample(seed: UInt64, count: Int, offset: Double, scale: Double) -> [Double] {
        var rng = TestRandom(seed: seed)
        return (0..<count).map { _ in offset + scale * rng.uniform() }
    }

    static func tally(_ xs: some Sequence<Double>, histogram: Histogram? = nil) -> Tally {
        var t = Tally(histogram: histogram)
        for x in xs { t.add(x) }
        return t
    }

    /// Address of an array's storage, to show that mutation happened in place.
    ///
    /// Compare after every mutation: a copy-on-write copy is allocated while the old buffer is
    /// still alive, so it always has a new address, but two copies in a row can land back on it.
    static func storageAddress(_ a: [Double]) -> UInt {
        a.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }
}

final class TallyTests: XCTestCase {
    func testHandComputedStatistics() {
        let t = MonitorOracle.tally([3, -1, 7, 2])
        XCTAssertEqual(t.count, 4)
        XCTAssertEqual(t.sum, 11)
        XCTAssertEqual(t.mean, 2.75)
        // Deviations 0.25, -3.75, 4.25, -0.75; squares sum to 32.75; divided by n - 1 = 3.
        XCTAssertEqual(t.variance, 32.75 / 3, accuracy: 1e-12)
        XCTAssertEqual(t.standardDeviation, (32.75 / 3).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(t.min, -1)
        XCTAssertEqual(t.max, 7)
    }

    func testEmptyAndSingleObservation() {
        var t = Tally(histogram: Histogram(lowerBound: 0, binWidth: 1, binCount: 4))
        XCTAssertEqual(t.count, 0)
        XCTAssertEqual(t.sum, 0)
        XCTAssertTrue(t.mean.isNaN)
        XCTAssertTrue(t.variance.isNaN)
        XCTAssertTrue(t.standardDeviation.isNaN)
        XCTAssertTrue(t.min.isNaN)
        XCTAssertTrue(t.max.isNaN)
        XCTAssertNil(t.quantile(0.5))
        XCTAssertNil(Tally().quantile(0.5))

        t.add(-4.5)
        XCTAssertEqual(t.count, 1)
        XCTAssertEqual(t.mean, -4.5)
        XCTAssertTrue(t.variance.isNaN, "sample variance needs two observations")
        XCTAssertEqual(t.min, -4.5)
        XCTAssertEqual(t.max, -4.5)
        // The histogram alone would read an underflow as its lower bound (0); the tally knows the
        // exact extremes, and a quantile never leaves [min, max].
        XCTAssertEqual(t.quantile(0.5), -4.5, "a quantile stays within the observed range")

        t.add(-4.5)
        XCTAssertEqual(t.variance, 0)
    }

    func testWelfordMatchesTwoPassOverSeeds() {
        for seed in UInt64(1)...40 {
            for (offset, scale) in [(0.0, 1.0), (-50.0, 100.0), (1000.0, 0.001)] {
                let n = 2 + Int(seed * 37 % 1500)
                let xs = MonitorOracle.sample(seed: seed, count: n, offset: offset, scale: scale)
                let t = MonitorOracle.tally(xs)
                let ref = MonitorOracle.twoPass(xs)
                let context = "seed \(seed) offset \(offset) scale \(scale) n \(n)"
                XCTAssertEqual(t.count, n, context)
                XCTAssertEqual(t.sum, xs.reduce(0, +), context)  // same order, so bit-identical
                XCTAssertEqual(t.min, xs.min()!, context)
                XCTAssertEqual(t.max, xs.max()!, context)
                XCTAssertLessThan(MonitorOracle.relativeError(t.mean, ref.mean), 1e-12, context)
                XCTAssertLessThan(MonitorOracle.relativeError(t.variance, ref.variance), 1e-9, context)
            }
        }
    }

    func testWelfordSurvivesLargeOffsetWhereSumOfSquaresFails() {
        let xs = MonitorOracle.sample(seed: 2024, count: 10_000, offset: 1e9, scale: 1)
        let ref = MonitorOracle.twoPass(xs)
        XCTAssertEqual(ref.variance, 1.0 / 12, accuracy: 0.01, "uniform noise has variance 1/12")

        // The data must defeat the textbook formula, or this test proves nothing.
        var sum = 0.0, sumSquares = 0.0
        for x in xs {
            sum += x
            sumSquares += x * x
        }
        let n = Double(xs.count)
        let naive = (sumSquares - sum * sum / n) / (n - 1)
        XCTAssertGreaterThan(MonitorOracle.relativeError(naive, ref.variance), 1)

        let t = MonitorOracle.tally(xs)
        XCTAssertLessThan(MonitorOracle.relativeError(t.mean, ref.mean), 1e-13)
        // At 1e9 one unit in the last place of the mean is 1.2e-7, which bounds the
        // achievable relative accuracy of the variance to about 1e-7.
        XCTAssertLessThan(MonitorOracle.relativeError(t.variance, ref.variance), 1e-6)
    }

    func testMergeEqualsTallyOfConcatenation() {
        let layout = Histogram(lowerBound: -50, binWidth: 5, binCount: 20)
        for seed in UInt64(1)...30 {
            let xs = MonitorOracle.sample(seed: seed, count: 500 + Int(seed) * 13, offset: -50, scale: 100)
            for split in [0, 1, xs.count / 3, xs.count - 1, xs.count] {
                var left = MonitorOracle.tally(xs[..<split], histogram: layout)
                let right = MonitorOracle.tally(xs[split...], histogram: layout)
                left.merge(right)
                let whole = MonitorOracle.tally(xs, histogram: layout)
                let context = "seed \(seed) split \(split)"
                XCTAssertEqual(left.count, whole.count, context)
                XCTAssertEqual(left.min, whole.min, context)
                XCTAssertEqual(left.max, whole.max, context)
                XCTAssertLessThan(MonitorOracle.relativeError(left.sum, whole.sum), 1e-9, context)
                XCTAssertLessThan(MonitorOracle.relativeError(left.mean, whole.mean), 1e-9, context)
                XCTAssertLessThan(MonitorOracle.relativeError(left.variance, whole.variance), 1e-9, context)
                // Unit weights sum exactly, so the merged histogram is identical.
                XCTAssertEqual(left.histogram, whole.histogram, context)
            }
        }
    }

    func testMergeOfManyShardsAtLargeOffset() {
        let xs = MonitorOracle.sample(seed: 77, count: 9_000, offset: 1e9, scale: 1)
        var merged = Tally()
        for shard in stride(from: 0, to: xs.count, by: 1_000) {
            merged.merge(MonitorOracle.tally(xs[shard..<(shard + 1_000)]))
        }
        let ref = MonitorOracle.twoPass(xs)
        XCTAssertEqual(merged.count, xs.count)
        XCTAssertEqual(merged.min, xs.min()!)
        XCTAssertEqual(merged.max, xs.max()!)
        XCTAssertLessThan(MonitorOracle.relativeError(merged.mean, ref.mean), 1e-13)
        XCTAssertLessThan(MonitorOracle.relativeError(merged.variance, ref.variance), 1e-6)
    }

    func testMergeIntoAndFromEmpty() {
        let full = MonitorOracle.tally([1, 2, 4])
        var empty = Tally()
        empty.merge(full)
        XCTAssertEqual(empty, full)
        var same = full
        same.merge(Tally())
        XCTAssertEqual(same, full)
    }

    func testQuantilesFromHistogram() throws {
        let xs = MonitorOracle.sample(seed: 9, count: 20_000, offset: 0, scale: 24)
        let t = MonitorOracle.tally(xs, histogram: Histogram(lowerBound: 0, binWidth: 0.5, binCount: 48))
        for p in [0.05, 0.25, 0.5, 0.9, 0.95] {
            let q = try XCTUnwrap(t.quantile(p))
            XCTAssertEqual(q, 24 * p, accuracy: 0.5, "p = \(p)")
        }
    }

    func testResetForgetsObservationsButKeepsLayout() {
        let layout = Histogram(lowerBound: 0, binWidth: 1, binCount: 3)
        var t = MonitorOracle.tally([0.5, 1.5, 9], histogram: layout)
        t.reset()
        XCTAssertEqual(t, Tally(histogram: layout))
        t.add(2.5)
        XCTAssertEqual(t.mean, 2.5)
        XCTAssertEqual(t.min, 2.5)
        XCTAssertEqual(t.histogram?.weight(inBin: 2), 1)
        XCTAssertEqual(t.histogram?.totalWeight, 1)
    }

    func testInitDiscardsWeightsInTheGivenHistogram() {
        var h = Histogram(lowerBound: 0, binWidth: 1, binCount: 2)
        h.add(0.5, weight: 10)
        let t = Tally(histogram: h)
        XCTAssertEqual(t.histogram?.totalWeight, 0)
        XCTAssertNil(t.quantile(0.5))
    }

    func testAddMutatesHistogramInPlace() {
        var t = Tally(histogram: Histogram(lowerBound: 0, binWidth: 1, binCount: 8))
        let before = MonitorOracle.storageAddress(t.histogram!.bins)
        var moves = 0
        for i in 0..<1_000 {
            t.add(Double(i % 10))
            if MonitorOracle.storageAddress(t.histogram!.bins) != before { moves += 1 }
        }
        XCTAssertEqual(moves, 0)
        t.reset()
        XCTAssertEqual(MonitorOracle.storageAddress(t.histogram!.bins), before)
    }

    func testCopiesAreIndependent() {
        var a = MonitorOracle.tally([1, 2], histogram: Histogram(lowerBound: 0, binWidth: 1, binCount: 4))
        let b = a
        a.add(3)
        XCTAssertEqual(b.count, 2)
        XCTAssertEqual(b.histogram?.totalWeight, 2)
        XCTAssertEqual(a.histogram?.totalWeight, 3)
    }
}

final class HistogramTests: XCTestCase {
    func testLayout() {
        let h = Histogram(lowerBound: -2, binWidth: 0.5, binCount: 8)
        XCTAssertEqual(h.binCount, 8)
        XCTAssertEqual(h.binLowerEdge(0), -2)
        XCTAssertEqual(h.binLowerEdge(3), -0.5)
        XCTAssertEqual(h.binLowerEdge(8), h.upperBound)
        XCTAssertEqual(h.upperBound, 2)
        XCTAssertEqual(h.totalWeight, 0)
        XCTAssertNil(h.quantile(0.5))
    }

    func testHandMadeQuantilesInterpolateWithinBins() {
        var h = Histogram(lowerBound: 0, binWidth: 1, binCount: 4)
        h.add(0.2)
        h.add(1.7, weight: 3)
        // Cumulative weight: 1 at x = 1, 4 at x = 2; bins 2 and 3 are empty.
        XCTAssertEqual(h.totalWeight, 4)
        XCTAssertEqual(h.quantile(0), 0)
        XCTAssertEqual(h.quantile(0.125), 0.5)
        XCTAssertEqual(h.quantile(0.25), 1)
        XCTAssertEqual(h.quantile(0.5)!, 1 + 1.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(h.quantile(1), 2, "the top of the last non-empty bin, not upperBound")
    }

    func testQuantileSkipsEmptyBins() {
        var h = Histogram(lowerBound: 0, binWidth: 1, binCount: 5)
        h.add(0.5)
        h.add(4.5)
        XCTAssertEqual(h.quantile(0.5), 1, "the upper edge of bin 0 already holds half")
        XCTAssertEqual(h.quantile(0.75), 4.5)
        XCTAssertEqual(h.quantile(0), 0)
    }

    func testUniformQuantilesWithinOneBinWidth() throws {
        var h = Histogram(lowerBound: 0, binWidth: 0.25, binCount: 40)
        var rng = TestRandom(seed: 31)
        for _ in 0..<50_000 { h.add(10 * rng.uniform()) }
        XCTAssertEqual(h.totalWeight, 50_000)
        for p in stride(from: 0.0, through: 1.0, by: 0.05) {
            let q = try XCTUnwrap(h.quantile(p))
            XCTAssertEqual(q, 10 * p, accuracy: h.binWidth, "p = \(p)")
        }
    }

    func testUnderflowOverflowAndNaN() {
        var h = Histogram(lowerBound: 0, binWidth: 1, binCount: 2)
        h.add(-5)
        h.add(-.infinity)
        h.add(0)  // lower edge belongs to bin 0
        h.add(1.999_999)
        h.add(2)  // upper bound is overflow
        h.add(100)
        h.add(.infinity)
        h.add(.nan)
        XCTAssertEqual(h.underflowWeight, 2)
        XCTAssertEqual(h.weight(inBin: 0), 1)
        XCTAssertEqual(h.weight(inBin: 1), 1)
        XCTAssertEqual(h.overflowWeight, 3)
        XCTAssertEqual(h.totalWeight, 7, "NaN is ignored")

        // Cumulative: 2 underflow at x = 0, 3 at x = 1, 4 at x = 2, then 3 overflow.
        XCTAssertEqual(h.quantile(0), 0)
        XCTAssertEqual(h.quantile(2.0 / 7), 0, "inside the underflow reads as lowerBound")
        XCTAssertEqual(h.quantile(0.4)!, 0.8, accuracy: 1e-12)
        XCTAssertEqual(h.quantile(5.0 / 7), 2, "inside the overflow reads as upperBound")
        XCTAssertEqual(h.quantile(1), 2)
    }

    func testValueJustBelowUpperBoundStaysInLastBin() {
        // (upperBound.nextDown - 0.1) / 0.07 rounds to exactly 9 for this layout.
        var h = Histogram(lowerBound: 0.1, binWidth: 0.07, binCount: 9)
        h.add(h.upperBound.nextDown)
        XCTAssertEqual(h.weight(inBin: 8), 1)
        XCTAssertEqual(h.overflowWeight, 0)
    }

    func testWeightsAndMergeAndReset() {
        var a = Histogram(lowerBound: 10, binWidth: 2, binCount: 3)
        var b = a
        a.add(10.5, weight: 2.5)
        a.add(9, weight: 0.5)
        b.add(15.9, weight: 4)
        b.add(16, weight: 1)
        b.add(11, weight: 0)
        var merged = a
        merged.merge(b)
        XCTAssertEqual(merged.weight(inBin: 0), 2.5)
        XCTAssertEqual(merged.weight(inBin: 1), 0)
        XCTAssertEqual(merged.weight(inBin: 2), 4)
        XCTAssertEqual(merged.underflowWeight, 0.5)
        XCTAssertEqual(merged.overflowWeight, 1)
        XCTAssertEqual(merged.totalWeight, 8)
        XCTAssertEqual(a.totalWeight, 3, "merging into a copy leaves the original alone")

        var concatenated = Histogram(lowerBound: 10, binWidth: 2, binCount: 3)
        for (x, w) in [(10.5, 2.5), (9, 0.5), (15.9, 4), (16, 1)] { concatenated.add(x, weight: w) }
        XCTAssertEqual(merged, concatenated)

        merged.reset()
        XCTAssertEqual(merged, Histogram(lowerBound: 10, binWidth: 2, binCount: 3))
        XCTAssertNil(merged.quantile(0.5))
    }

    func testAddDoesNotReallocate() {
        var h = Histogram(lowerBound: 0, binWidth: 1, binCount: 16)
        let before = MonitorOracle.storageAddress(h.bins)
        var rng = TestRandom(seed: 5)
        var moves = 0
        for _ in 0..<10_000 {
            h.add(20 * rng.uniform() - 2, weight: rng.uniform())
            if MonitorOracle.storageAddress(h.bins) != before { moves += 1 }
        }
        XCTAssertEqual(moves, 0)
        h.reset()
        XCTAssertEqual(MonitorOracle.storageAddress(h.bins), before)
    }
}

final class TimeWeightedLevelTests: XCTestCase {
    /// Level 0 on [0, 1), 2 on [1, 3), 1 on [3, 5).
    private func handTrace() -> TimeWeightedLevel {
        var m = TimeWeightedLevel(
            at: 0, level: 0, thresholds: [1, 2, 3],
            histogram: Histogram(lowerBound: -0.5, binWidth: 1, binCount: 4))
        m.record(2, at: 1)
        m.record(1, at: 3)
        return m
    }

    func testHandMadeTrace() throws {
        let m = handTrace()
        XCTAssertEqual(m.level, 1)
        XCTAssertEqual(m.maximum, 2)
        XCTAssertEqual(m.startTime, 0)
        XCTAssertEqual(m.lastChangeTime, 3)
        // (0·1 + 2·2 + 1·2) / 5
        XCTAssertEqual(m.integral(at: 5), 6)
        XCTAssertEqual(m.mean(at: 5), 1.2)
        XCTAssertEqual(m.timeAtOrAbove(thresholdIndex: 0, at: 5), 4)
        XCTAssertEqual(m.timeAtOrAbove(thresholdIndex: 1, at: 5), 2)
        XCTAssertEqual(m.timeAtOrAbove(thresholdIndex: 2, at: 5), 0)
        XCTAssertEqual(m.fractionOfTime(atOrAbove: 0, at: 5), 0.8)
        XCTAssertEqual(m.fractionOfTime(atOrAbove: 1, at: 5), 0.4)
        XCTAssertEqual(m.fractionOfTime(atOrAbove: 2, at: 5), 0)

        let d = try XCTUnwrap(m.levelDistribution(at: 5))
        XCTAssertEqual(d.weight(inBin: 0), 1)
        XCTAssertEqual(d.weight(inBin: 1), 2)
        XCTAssertEqual(d.weight(inBin: 2), 2)
        XCTAssertEqual(d.weight(inBin: 3), 0)
        XCTAssertEqual(d.totalWeight, 5)
        // Half the time the level is at most 1; bin 1 is [0.5, 1.5), and cumulative 2.5 of
        // 5 falls 1.5/2 of the way through it.
        XCTAssertEqual(d.quantile(0.5), 1.25)
    }

    func testQueriesIncludeTheOpenIntervalWithoutChangingTheMonitor() throws {
        let m = handTrace()
        // At t = 4 the level 1 has been held for 1 hour since the last change.
        XCTAssertEqual(m.mean(at: 4), 5.0 / 4)
        XCTAssertEqual(m.timeAtOrAbove(thresholdIndex: 0, at: 4), 3)
        let d4 = try XCTUnwrap(m.levelDistribution(at: 4))
        XCTAssertEqual(d4.weight(inBin: 1), 1)
        XCTAssertEqual(m.levelDistribution(at: 3)?.weight(inBin: 1), 0)
        XCTAssertEqual(m, handTrace(), "queries must not mutate")
        XCTAssertEqual(m.levelDistribution(at: 5)?.totalWeight, 5)
    }

    func testSeveralChangesAtOneInstantHoldOnlyTheLast() {
        var m = TimeWeightedLevel(at: 0, level: 1, thresholds: [5])
        m.record(9, at: 2)
        m.record(3, at: 2)
        XCTAssertEqual(m.integral(at: 4), 1 * 2 + 3 * 2)
        XCTAssertEqual(m.timeAtOrAbove(thresholdIndex: 0, at: 4), 0)
        XCTAssertEqual(m.maximum, 9, "the maximum sees even a momentary level")
    }

    func testResetForWarmUpKeepsCurrentLevel() {
        var m = handTrace()
        m.reset(at: 4)
        XCTAssertEqual(m.startTime, 4)
        XCTAssertEqual(m.level, 1)
        XCTAssertEqual(m.maximum, 1, "the earlier peak of 2 belongs to the warm-up")
        XCTAssertTrue(m.mean(at: 4).isNaN)
        XCTAssertEqual(m.mean(at: 5), 1)
        XCTAssertEqual(m.levelDistribution(at: 5)?.weight(inBin: 2), 0)
        XCTAssertEqual(m.levelDistribution(at: 5)?.weight(inBin: 1), 1)

        m.record(3, at: 6)
        XCTAssertEqual(m.mean(at: 8), (1 * 2 + 3 * 2) / 4.0)
        XCTAssertEqual(m.fractionOfTime(atOrAbove: 2, at: 8), 0.5)
        XCTAssertEqual(m.maximum, 3)
    }

    func testResetInsideAHeldInterval() {
        var m = TimeWeightedLevel(at: 0, level: 0, thresholds: [2])
        m.record(2, at: 1)
        m.reset(at: 2)  // level 2 has been held since t = 1
        m.record(1, at: 3)
        XCTAssertEqual(m.mean(at: 5), (2 * 1 + 1 * 2) / 3.0, accuracy: 1e-15)
        XCTAssertEqual(m.timeAtOrAbove(thresholdIndex: 0, at: 5), 1)
        XCTAssertEqual(m.maximum, 2)
    }

    func testThresholdsOnOccupancyFractionsCompareExactly() {
        let capacity = 20.0
        var m = TimeWeightedLevel(at: 0, level: 16 / capacity, thresholds: [0.85, 0.95, 1.0])
        m.record(17 / capacity, at: 10)  // 0.85 exactly: counts
        m.record(19 / capacity, at: 15)  // 0.95 exactly: counts
        m.record(20 / capacity, at: 18)
        XCTAssertEqual(m.fractionOfTime(atOrAbove: 0, at: 20), 0.5)
        XCTAssertEqual(m.fractionOfTime(atOrAbove: 1, at: 20), 0.25)
        XCTAssertEqual(m.fractionOfTime(atOrAbove: 2, at: 20), 0.1)
        XCTAssertEqual(m.maximum, 1)
    }

    func testEmptyMonitor() throws {
        let m = TimeWeightedLevel(at: 7.5, level: 3, thresholds: [1])
        XCTAssertEqual(m.level, 3)
        XCTAssertEqual(m.maximum, 3)
        XCTAssertTrue(m.mean(at: 7.5).isNaN)
        XCTAssertTrue(m.fractionOfTime(atOrAbove: 0, at: 7.5).isNaN)
        XCTAssertEqual(m.timeAtOrAbove(thresholdIndex: 0, at: 7.5), 0)
        XCTAssertNil(m.levelDistribution(at: 9))
        XCTAssertEqual(m.mean(at: 9.5), 3, "a level never changed is its own mean")

        let h = TimeWeightedLevel(at: 0, histogram: Histogram(lowerBound: 0, binWidth: 1, binCount: 2))
        let d = try XCTUnwrap(h.levelDistribution(at: 0))
        XCTAssertEqual(d.totalWeight, 0, "no time has elapsed")
        XCTAssertNil(d.quantile(0.5))
    }

    func testRecordDoesNotReallocate() {
        var m = TimeWeightedLevel(
            at: 0, thresholds: [2, 4, 8],
            histogram: Histogram(lowerBound: 0, binWidth: 1, binCount: 12))
        let bins = MonitorOracle.storageAddress(m._histogram.bins)
        let times = MonitorOracle.storageAddress(m._timeAtOrAbove)
        var rng = TestRandom(seed: 11)
        var t = 0.0
        var moves = 0
        for _ in 0..<5_000 {
            t += rng.uniform()
            m.record(Double(rng.next() % 10), at: t)
            let binsNow = MonitorOracle.storageAddress(m._histogram.bins)
            let timesNow = MonitorOracle.storageAddress(m._timeAtOrAbove)
            if binsNow != bins || timesNow != times { moves += 1 }
        }
        XCTAssertEqual(moves, 0)
        m.reset(at: t + 1)
        XCTAssertEqual(MonitorOracle.storageAddress(m._histogram.bins), bins)
        XCTAssertEqual(MonitorOracle.storageAddress(m._timeAtOrAbove), times)
    }

    func testMatchesStepByStepReferenceOverSeeds() {
        for seed in UInt64(1)...20 {
            var rng = TestRandom(seed: seed)
            var m = TimeWeightedLevel(at: 0, level: 0, thresholds: [3])
            var area = 0.0, above = 0.0, level = 0.0, t = 0.0
            for _ in 0..<200 {
                let next = t + rng.uniform() * 2
                area += level * (next - t)
                if level >= 3 { above += next - t }
                t = next
                level = Double(rng.next() % 6)
                m.record(level, at: t)
            }
            let end = t + 1
            area += level
            if level >= 3 { above += 1 }
            XCTAssertLessThan(MonitorOracle.relativeError(m.mean(at: end), area / end), 1e-12, "seed \(seed)")
            let timeAbove = m.timeAtOrAbove(thresholdIndex: 0, at: end)
            XCTAssertLessThan(MonitorOracle.relativeError(timeAbove, above), 1e-12, "seed \(seed)")
        }
    }
}

final class TallyQuantileBoundsTests: XCTestCase {
    /// Values that all sit on a bin's lower edge must not read as inside the bin.
    func testQuantileStaysWithinTheObservedRange() throws {
        var tally = Tally(histogram: Histogram(lowerBound: 0, binWidth: 0.25, binCount: 100))
        for _ in 0..<10 { tally.add(4) }
        XCTAssertEqual(try XCTUnwrap(tally.quantile(0.95)), 4)
        XCTAssertEqual(try XCTUnwrap(tally.quantile(0)), 4)
    }
}
