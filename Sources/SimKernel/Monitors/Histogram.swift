/// A fixed-bin weighted histogram with underflow and overflow weights.
///
/// The layout is `binCount` bins of equal width starting at `lowerBound`; bin `i` covers
/// `[binLowerEdge(i), binLowerEdge(i + 1))`, and `upperBound` is the upper edge of the last bin.
/// A value below `lowerBound` adds to `underflowWeight`; a value at or above `upperBound`
/// adds to `overflowWeight`; NaN is ignored. Weights are non-negative and finite: an
/// observation count (weight 1) for a `Tally`, a duration for a `TimeWeightedLevel`.
///
/// A value within a rounding error of an inner edge may land in the neighbouring bin; the
/// last bin also takes values that round onto `upperBound` from below.
///
/// Memory is fixed at initialisation and never grows with the number of values added.
/// Copies share their bin storage until one is mutated (copy-on-write): `add` allocates only
/// when the storage is shared with another copy, and then once.
public struct Histogram: Sendable, Equatable {
    /// Lower edge of bin 0; values below it are underflow.
    public let lowerBound: Double
    /// Width of every bin.
    public let binWidth: Double
    /// Upper edge of the last bin; values at or above it are overflow.
    public let upperBound: Double

    @usableFromInline internal var bins: [Double]
    /// 1 / binWidth: a multiply instead of a division on every `add`.
    @usableFromInline internal let inverseBinWidth: Double
    @usableFromInline internal var underflow: Double = 0
    @usableFromInline internal var overflow: Double = 0

    /// Creates an empty histogram of `binCount` bins of width `binWidth` from `lowerBound`.
    ///
    /// - Precondition: `lowerBound` is finite, `binWidth > 0`, `binCount >= 1`, and the upper
    ///   bound `lowerBound + binWidth * binCount` is finite.
    /// - Complexity: O(`binCount`); this is the only allocation the histogram makes.
    public init(lowerBound: Double, binWidth: Double, binCount: Int) {
        precondition(lowerBound.isFinite, "Histogram lowerBound must be finite")
        precondition(binWidth > 0 && binWidth.isFinite, "Histogram binWidth must be positive and finite")
        precondition(binCount >= 1, "Histogram needs at least one bin")
        let upper = lowerBound + Double(binCount) * binWidth
        precondition(upper.isFinite, "Histogram upper bound overflows")
        self.lowerBound = lowerBound
        self.binWidth = binWidth
        inverseBinWidth = 1 / binWidth
        self.upperBound = upper
        self.bins = Array(repeating: 0, count: binCount)
    }

    /// Number of bins, excluding underflow and overflow.
    public var binCount: Int { bins.count }

    /// Total weight of values below `lowerBound`.
    public var underflowWeight: Double { underflow }

    /// Total weight of values at or above `upperBound`.
    public var overflowWeight: Double { overflow }

    /// Total weight added: underflow, every bin, and overflow.
    ///
    /// - Complexity: O(`binCount`).
    public var totalWeight: Double {
        var total = underflow
        for w in bins { total += w }
        return total + overflow
    }

    /// Lower edge of bin `i`: `lowerBound + i * binWidth`.
    ///
    /// `binLowerEdge(binCount)` is exactly `upperBound`, which is computed the same way.
    /// - Precondition: `0 <= i <= binCount`.
    public func binLowerEdge(_ i: Int) -> Double {
        precondition(i >= 0 && i <= bins.count, "Histogram bin index out of range")
        return lowerBound + Double(i) * binWidth
    }

    /// Weight that has fallen in bin `i`.
    ///
    /// - Precondition: `0 <= i < binCount`.
    public func weight(inBin i: Int) -> Double {
        bins[i]
    }

    /// Adds `x` with `weight`.
    ///
    /// NaN values are ignored rather than trapped, because a histogram is often fed derived
    /// quantities and a single undefined one should not end a long run. A zero weight is a no-op.
    /// - Precondition: `weight` is finite and `>= 0`.
    /// - Complexity: O(1); never allocates while the storage is not shared with a copy.
    @inlinable @inline(__always)
    public mutating func add(_ x: Double, weight: Double = 1) {
        precondition(weight >= 0 && weight < .infinity, "Histogram weight must be finite and non-negative")
        if x < lowerBound {
            underflow += weight
        } else if x < upperBound {
            // x - lowerBound is non-negative here, so truncation is floor; rounding can still
            // push a value just below upperBound to binCount.
            let i = Swift.min(Int((x - lowerBound) * inverseBinWidth), bins.count - 1)
            bins[i] += weight
        } else if x >= upperBound {
            overflow += weight
        }
        // Otherwise x is NaN (both comparisons false): ignored.
    }

    /// The `p`-quantile of the weighted values: the smallest `x` with cumulative weight `>= p`
    /// times the total, reading each bin's weight as spread evenly across the bin.
    ///
    /// Underflow weight counts as a point mass at `lowerBound` and overflow weight as a point
    /// mass at `upperBound`, since their true positions are unknown: a quantile that falls in
    /// the underflow returns `lowerBound`, one that falls in the overflow returns `upperBound`.
    /// Choose the range so that the quantiles you report fall inside it. `quantile(0)` is the
    /// lower edge of the first non-empty bin (or `lowerBound` with underflow); `quantile(1)`
    /// the upper edge of the last non-empty bin (or `upperBound` with overflow).
    ///
    /// - Parameter p: probability in `0...1`.
    /// - Returns: `nil` when the total weight is zero.
    /// - Precondition: `0 <= p <= 1`.
    /// - Complexity: O(`binCount`).
    public func quantile(_ p: Double) -> Double? {
        precondition(p >= 0 && p <= 1, "quantile probability must be in 0...1")
        // Summing in walk order makes the walk's final cumulative equal the total bit for bit,
        // so p == 1 cannot overshoot it through rounding.
        let total = totalWeight
        guard total > 0 else { return nil }
        let target = p * total
        if underflow > 0 && target <= underflow { return lowerBound }
        var cumulative = underflow
        for i in bins.indices {
            let w = bins[i]
            if w > 0 && target <= cumulative + w {
                let fraction = Swift.min(Swift.max((target - cumulative) / w, 0), 1)
                return binLowerEdge(i) + fraction * binWidth
            }
            cumulative += w
        }
        return upperBound
    }

    /// Adds every weight of `other` to this histogram, as if its values had been added here.
    ///
    /// - Precondition: `other` has the same `lowerBound`, `binWidth` and `binCount`.
    /// - Complexity: O(`binCount`).
    public mutating func merge(_ other: Histogram) {
        precondition(
            lowerBound == other.lowerBound && binWidth == other.binWidth && bins.count == other.bins.count,
            "Histogram.merge needs the same layout")
        underflow += other.underflow
        overflow += other.overflow
        for i in bins.indices { bins[i] += other.bins[i] }
    }

    /// Sets every weight to zero, keeping the layout and the storage.
    ///
    /// - Complexity: O(`binCount`); does not allocate while the storage is not shared.
    public mutating func reset() {
        underflow = 0
        overflow = 0
        for i in bins.indices { bins[i] = 0 }
    }
}
