/// Streaming statistics of observations of a quantity, such as hours from bed request to bed.
///
/// Count, sum, mean, sample variance, minimum and maximum are kept with Welford's online
/// algorithm, which stays accurate when the values sit far from zero (e.g. 1e9 + small noise),
/// where the textbook sum-of-squares formula cancels catastrophically. An optional
/// `Histogram` adds approximate quantiles.
///
/// Memory does not grow with the number of observations: a tally is a few scalars plus the
/// histogram's fixed bins. Tallies from shards combine with `merge(_:)` as if every
/// observation had been added to one tally.
public struct Tally: Sendable, Equatable {
    @usableFromInline internal var _count: Int = 0
    @usableFromInline internal var _sum: Double = 0
    // Running mean and sum of squared deviations from it (Welford's M and S).
    @usableFromInline internal var _mean: Double = 0
    @usableFromInline internal var _m2: Double = 0
    // Infinite sentinels let min/max and merge skip an emptiness test.
    @usableFromInline internal var _min: Double = .infinity
    @usableFromInline internal var _max: Double = -.infinity
    @usableFromInline internal var _histogram: Histogram?

    /// Creates an empty tally, with quantiles if `histogram` is given.
    ///
    /// Only the histogram's layout is used: any weights it already holds are discarded, so that
    /// its contents always describe exactly the observations of this tally.
    public init(histogram: Histogram? = nil) {
        _histogram = histogram
        _histogram?.reset()
    }

    /// Adds one observation.
    ///
    /// - Precondition: `x` is finite; a NaN or infinite observation is a bug upstream, and
    ///   would silently poison every statistic.
    /// - Complexity: O(1); never allocates while the histogram storage is not shared with a copy.
    @inlinable
    public mutating func add(_ x: Double) {
        precondition(x.isFinite, "Tally observation must be finite")
        _count += 1
        _sum += x
        let delta = x - _mean
        _mean += delta / Double(_count)
        _m2 += delta * (x - _mean)
        if x < _min { _min = x }
        if x > _max { _max = x }
        _histogram?.add(x)
    }

    /// Number of observations.
    public var count: Int { _count }

    /// Sum of the observations (plain running sum); 0 when empty.
    public var sum: Double { _sum }

    /// Arithmetic mean; NaN when empty.
    public var mean: Double { _count == 0 ? .nan : _mean }

    /// Sample variance, dividing by `count - 1`; NaN when `count < 2`.
    public var variance: Double {
        // Rounding can leave the sum of squares a hair below zero for constant data.
        _count < 2 ? .nan : Swift.max(_m2, 0) / Double(_count - 1)
    }

    /// Square root of the sample `variance`; NaN when `count < 2`.
    public var standardDeviation: Double { variance.squareRoot() }

    /// Smallest observation; NaN when empty.
    public var min: Double { _count == 0 ? .nan : _min }

    /// Largest observation; NaN when empty.
    public var max: Double { _count == 0 ? .nan : _max }

    /// The histogram of the observations, if the tally was created with one.
    public var histogram: Histogram? { _histogram }

    /// The approximate `p`-quantile of the observations, from the histogram.
    ///
    /// See `Histogram.quantile(_:)` for interpolation and for observations outside its range.
    /// - Returns: `nil` when there is no histogram or no observation.
    /// - Precondition: `0 <= p <= 1`.
    /// - Complexity: O(`binCount`).
    public func quantile(_ p: Double) -> Double? {
        // Interpolation inside a bin can pass the observed extremes (e.g. waits that all end
        // at exactly 4 h read as 4.2 h in a 4-4.25 h bin); the exact min and max bound it.
        guard let q = _histogram?.quantile(p), _count > 0 else { return nil }
        return Swift.min(Swift.max(q, _min), _max)
    }

    /// Combines `other` into this tally, as if its observations had been added here.
    ///
    /// Uses the pairwise update of Chan, Golub and LeVeque: the means are combined by
    /// weighting their difference, and the sums of squares gain `delta² · nA · nB / n`.
    /// Count, minimum and maximum are exact; mean and variance agree with a single tally of the
    /// concatenated observations up to rounding. Rounding depends on the merge order, so merge
    /// shards in a fixed order when results must be bit-identical across shard splits.
    ///
    /// - Precondition: both tallies have a histogram with the same layout, or neither has one.
    /// - Complexity: O(1), plus O(`binCount`) with a histogram.
    public mutating func merge(_ other: Tally) {
        switch (_histogram, other._histogram) {
        case (nil, nil): break
        case (_?, let h?): _histogram!.merge(h)  // checks the layout
        default: preconditionFailure("Tally.merge needs both tallies with a histogram or both without")
        }
        if other._count == 0 { return }
        if _count == 0 {
            // Copying keeps an empty shard from perturbing the other's values by rounding.
            (_count, _sum, _mean, _m2, _min, _max) =
                (other._count, other._sum, other._mean, other._m2, other._min, other._max)
            return
        }
        let nA = Double(_count)
        let nB = Double(other._count)
        let n = nA + nB
        let delta = other._mean - _mean
        _mean += delta * (nB / n)
        _m2 += other._m2 + delta * delta * (nA * nB / n)
        _count += other._count
        _sum += other._sum
        _min = Swift.min(_min, other._min)
        _max = Swift.max(_max, other._max)
    }

    /// Forgets every observation (e.g. at the end of warm-up), keeping the histogram layout.
    ///
    /// - Complexity: O(`binCount`) with a histogram, otherwise O(1); does not allocate while
    ///   the histogram storage is not shared.
    public mutating func reset() {
        _count = 0
        _sum = 0
        _mean = 0
        _m2 = 0
        _min = .infinity
        _max = -.infinity
        _histogram?.reset()
    }
}
