/// Time-weighted statistics of a level that holds between changes, such as beds occupied,
/// a team's caseload or a queue length.
///
/// The level is a step function of simulated time: `record(_:at:)` closes the interval since
/// the previous change and starts a new one. Closed intervals accumulate the integral of the
/// level over time, the time spent at or above each threshold, and (with a histogram) the time
/// spent at each level. Queries take the current time `at` and add the still-open interval
/// without changing the monitor, so a result can be read at any moment, including the end of a
/// run that had no change at its last instant.
///
/// Everything counts from `startTime`, the creation time or the last `reset(at:)` (the end of
/// warm-up). Times and durations are in whatever unit the caller's clock uses (hours in
/// crisis-sim); the histogram's weights are durations in that unit.
///
/// Memory is fixed at initialisation: it does not grow with the horizon or the number of changes.
public struct TimeWeightedLevel: Sendable, Equatable {
    /// Thresholds given at initialisation, in order; `thresholdIndex` arguments index this array.
    public let thresholds: [Double]

    @usableFromInline internal var _level: Double
    @usableFromInline internal var _maximum: Double
    @usableFromInline internal var _startTime: Double
    @usableFromInline internal var _lastChange: Double
    // Closed intervals only, from _startTime to _lastChange; the open one is added on query.
    @usableFromInline internal var _integral: Double = 0
    @usableFromInline internal var _timeAtOrAbove: [Double]
    // Not an Optional: mutating through `?` copies the payload out and back on every record.
    @usableFromInline internal var _histogram: Histogram
    @usableFromInline internal let _hasHistogram: Bool
    @usableFromInline internal let _hasThresholdsOrHistogram: Bool

    /// Starts monitoring at `time` with `level`.
    ///
    /// A level counts towards threshold `t` when `level >= t`, compared exactly as given: a
    /// level of `17.0 / 20.0` reaches a threshold of `0.85`, but a level built by repeated
    /// addition may miss it by rounding. When the level is a count, a threshold on the count
    /// (e.g. 17 beds) avoids the question.
    ///
    /// Only the histogram's layout is used; any weights it already holds are discarded. For an
    /// integer level, `lowerBound: -0.5, binWidth: 1` centres bin `k` on level `k`, so
    /// `weight(inBin: k)` is the time spent at exactly `k` and interpolated quantiles stay
    /// within half a unit of it.
    ///
    /// - Precondition: `time` and `level` are finite; no threshold is NaN.
    /// - Complexity: O(thresholds + bins); the only allocations the monitor makes.
    public init(at time: Double, level: Double = 0, thresholds: [Double] = [], histogram: Histogram? = nil) {
        precondition(time.isFinite, "TimeWeightedLevel start time must be finite")
        precondition(level.isFinite, "TimeWeightedLevel level must be finite")
        precondition(!thresholds.contains(where: \.isNaN), "TimeWeightedLevel thresholds must not be NaN")
        self.thresholds = thresholds
        _level = level
        _maximum = level
        _startTime = time
        _lastChange = time
        _timeAtOrAbove = Array(repeating: 0, count: thresholds.count)
        _hasHistogram = histogram != nil
        _hasThresholdsOrHistogram = histogram != nil || !thresholds.isEmpty
        if let histogram {
            _histogram = histogram
            _histogram.reset()
        } else {
            _histogram = Self.noHistogram  // shared and never written: no allocation
        }
    }

    /// The level changes to `level` at `time`.
    ///
    /// Several changes at the same instant are allowed; only the last one is held for any time.
    /// - Precondition: `time` is finite and not before the previous change or reset; `level`
    ///   is finite.
    /// - Complexity: O(`thresholds.count`); never allocates while the storage is not shared
    ///   with a copy.
    @inlinable
    public mutating func record(_ level: Double, at time: Double) {
        precondition(time >= _lastChange && time < .infinity, "TimeWeightedLevel time went backwards")
        precondition(level.isFinite, "TimeWeightedLevel level must be finite")
        let held = time - _lastChange
        if held > 0 {
            _integral += _level * held
            if _hasThresholdsOrHistogram { accumulateThresholdsAndHistogram(held) }
        }
        _lastChange = time
        _level = level
        if level > _maximum { _maximum = level }
    }

    /// Adds `held` hours at the current level to the thresholds' times and the histogram: out
    /// of line, so the common monitor (a level and its mean: beds in use) records in a few
    /// instructions inlined into the event handler.
    @usableFromInline @inline(never)
    mutating func accumulateThresholdsAndHistogram(_ held: Double) {
        for i in thresholds.indices where _level >= thresholds[i] {
            _timeAtOrAbove[i] += held
        }
        if _hasHistogram { _histogram.add(_level, weight: held) }
    }

    /// The current level.
    public var level: Double { _level }

    /// The highest level held since `startTime`, including the level at `startTime`.
    public var maximum: Double { _maximum }

    /// When monitoring started: the creation time or the last `reset(at:)`.
    public var startTime: Double { _startTime }

    /// Time of the last change or reset; later changes and queries must not be earlier.
    public var lastChangeTime: Double { _lastChange }

    /// Integral of the level over time from `startTime` to `time` (e.g. bed-hours).
    ///
    /// - Precondition: `time >= lastChangeTime`.
    public func integral(at time: Double) -> Double {
        _integral + _level * openInterval(to: time)
    }

    /// Time-average of the level from `startTime` to `time`; NaN when no time has elapsed.
    ///
    /// - Precondition: `time >= lastChangeTime`.
    public func mean(at time: Double) -> Double {
        let elapsed = time - _startTime
        return elapsed > 0 ? integral(at: time) / elapsed : .nan
    }

    /// Time spent with the level at or above `thresholds[thresholdIndex]`, from `startTime`
    /// to `time`.
    ///
    /// - Precondition: `thresholdIndex` is a valid index of `thresholds`; `time >= lastChangeTime`.
    public func timeAtOrAbove(thresholdIndex: Int, at time: Double) -> Double {
        let open = openInterval(to: time)
        return _timeAtOrAbove[thresholdIndex] + (_level >= thresholds[thresholdIndex] ? open : 0)
    }

    /// Fraction of the time from `startTime` to `time` spent with the level at or above
    /// `thresholds[thresholdIndex]`; NaN when no time has elapsed.
    ///
    /// - Precondition: `thresholdIndex` is a valid index of `thresholds`; `time >= lastChangeTime`.
    public func fractionOfTime(atOrAbove thresholdIndex: Int, at time: Double) -> Double {
        let elapsed = time - _startTime
        let atOrAbove = timeAtOrAbove(thresholdIndex: thresholdIndex, at: time)
        return elapsed > 0 ? atOrAbove / elapsed : .nan
    }

    /// Time spent at each level from `startTime` to `time`, as a histogram whose weights are
    /// durations; `nil` when the monitor was created without a histogram.
    ///
    /// The open interval is added to a copy, so the monitor itself is unchanged.
    /// - Precondition: `time >= lastChangeTime`.
    /// - Complexity: O(`binCount`); allocates the copy.
    public func levelDistribution(at time: Double) -> Histogram? {
        let open = openInterval(to: time)
        guard _hasHistogram else { return nil }
        var distribution = _histogram
        if open > 0 { distribution.add(_level, weight: open) }
        return distribution
    }

    /// Forgets everything before `time` (the end of warm-up), keeping the current level.
    ///
    /// Afterwards `startTime` is `time`, `maximum` is the current level, and the integral,
    /// threshold times and histogram count from `time`.
    /// - Precondition: `time` is finite and `time >= lastChangeTime`.
    /// - Complexity: O(thresholds + bins); does not allocate while the storage is not shared.
    public mutating func reset(at time: Double) {
        precondition(time >= _lastChange && time < .infinity, "TimeWeightedLevel reset before the last change")
        _startTime = time
        _lastChange = time
        _maximum = _level
        _integral = 0
        for i in _timeAtOrAbove.indices { _timeAtOrAbove[i] = 0 }
        if _hasHistogram { _histogram.reset() }
    }

    /// Stands in for a missing histogram; copies share its storage because nothing writes it.
    @usableFromInline static let noHistogram = Histogram(lowerBound: 0, binWidth: 1, binCount: 1)

    private func openInterval(to time: Double) -> Double {
        precondition(time >= _lastChange && time < .infinity, "TimeWeightedLevel queried before the last change")
        return time - _lastChange
    }
}
