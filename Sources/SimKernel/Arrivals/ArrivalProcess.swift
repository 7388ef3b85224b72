import SimRandom

/// A non-stationary Poisson arrival stream, drawn by inversion of its cumulative rate.
///
/// Each arrival consumes exactly one unit exponential E from the stream, then walks forward
/// hour by hour until the integrated rate since the last arrival reaches E (Law & Kelton
/// §8.6.2, inversion of the integrated rate function). Unlike thinning, the number of
/// variates per arrival is fixed, so two scenarios with the same profile see the same
/// arrivals (common random numbers), and a profile with quiet hours costs nothing extra.
public struct ArrivalProcess {
    public let profile: RateProfile
    /// The generator `clock` draws from: kept alive here.
    let stream: RandomStream
    /// The week of weights `clock` reads: kept alive here.
    let weightStorage: HourWeights
    /// What a draw reads, as plain values (see `ArrivalClock`).
    @usableFromInline package let clock: ArrivalClock

    public init(profile: RateProfile, stream: RandomStream) {
        self.profile = profile
        self.stream = stream
        weightStorage = HourWeights(profile.weights)
        clock = ArrivalClock(draws: stream.handle, perHour: profile.perHour, annualGrowth: profile.annualGrowth,
                             startHourOfWeek: profile.startHourOfWeek, weights: weightStorage.base,
                             stationary: profile.isStationary)
    }

    /// The time (hours) of the first arrival after `time`, or +infinity if the rate is zero
    /// from then on. Precondition: `time` >= 0.
    /// - Complexity: O(hours until the next arrival); one exponential draw.
    @inlinable public func next(after time: Double) -> Double { clock.next(after: time) }
}

/// An arrival process's draws, as plain values: its generator's handle, its rate and a pointer
/// to its week of weights. Valid only while the `ArrivalProcess` it came from lives, and Swift
/// may end a value's life at its last use: keep the process in a stored property beside the
/// clocks (as `CrisisSystem` does), or use `withExtendedLifetime`. Hence `package`, not public.
///
/// A model that holds its processes inside itself draws while it is being mutated, and
/// reading a process from there copies it, retaining its stream and weights, on every arrival.
/// Copying a clock costs nothing, so such a model keeps the processes (as owners) and draws
/// from their clocks, as it does with `StreamHandle`s and their streams.
@usableFromInline package struct ArrivalClock {
    @usableFromInline let draws: StreamHandle
    @usableFromInline let perHour: Double
    @usableFromInline let annualGrowth: Double
    @usableFromInline let startHourOfWeek: Int
    /// `RateProfile.hoursPerWeek` weights, owned by the process's `HourWeights`.
    @usableFromInline let weights: UnsafePointer<Double>
    /// Flat profiles skip the hour-by-hour walk: E / rate is the same inversion in one step.
    @usableFromInline let stationary: Bool

    init(draws: StreamHandle, perHour: Double, annualGrowth: Double, startHourOfWeek: Int,
         weights: UnsafePointer<Double>, stationary: Bool) {
        self.draws = draws
        self.perHour = perHour
        self.annualGrowth = annualGrowth
        self.startHourOfWeek = startHourOfWeek
        self.weights = weights
        self.stationary = stationary
    }

    /// `ArrivalProcess.next(after:)`.
    @inlinable package func next(after time: Double) -> Double {
        // The walk reads weights through a pointer, with no bounds check to catch an hour
        // before the run's start.
        assert(time >= 0, "arrival times start at 0")
        if perHour == 0 { return .infinity }
        let remaining = draws.exponential(mean: 1)
        // The flat profile in a few instructions inlined into the caller; the walk out of line.
        if stationary { return time + remaining / perHour }
        return walk(from: time, consuming: remaining)
    }

    /// The hour-by-hour inversion: the arrival time at which the integrated rate since `time`
    /// reaches `remaining`.
    @usableFromInline @inline(never)
    func walk(from time: Double, consuming remaining: Double) -> Double {
        var remaining = remaining
        var t = time
        var hour = Int(t)
        // A zero-weight week profile was rejected at construction, so within any week some
        // hour has a positive rate: the loop ends. Give up after a century of nothing.
        let limit = hour + 100 * Int(RateProfile.hoursPerYear)
        // The hour of the week is counted round rather than divided out each hour: a walk
        // crosses several hours per arrival, and an integer division is the dearest step.
        var hourOfWeek = RateProfile.hourOfWeek(hour, start: startHourOfWeek)
        while hour < limit {
            let rate = RateProfile.rate(perHour: perHour, weight: weights[hourOfWeek], annualGrowth: annualGrowth,
                                        hour: hour)
            let hourEnd = Double(hour + 1)
            let available = rate * (hourEnd - t)
            // rate > 0 guards 0/0 when a generator returns an exact 0 in a quiet hour.
            if rate > 0 && available >= remaining { return t + remaining / rate }
            remaining -= available
            t = hourEnd
            hour += 1
            hourOfWeek += 1
            if hourOfWeek == RateProfile.hoursPerWeek { hourOfWeek = 0 }
        }
        return .infinity
    }
}

/// A rate profile's week of weights in memory of its own, for `ArrivalClock` to read through
/// a pointer.
final class HourWeights {
    let base: UnsafePointer<Double>

    init(_ weights: [Double]) {
        precondition(weights.count == RateProfile.hoursPerWeek, "a rate profile holds one weight an hour of the week")
        let storage = UnsafeMutablePointer<Double>.allocate(capacity: weights.count)
        storage.initialize(from: weights, count: weights.count)
        base = UnsafePointer(storage)
    }

    deinit { base.deallocate() }
}
