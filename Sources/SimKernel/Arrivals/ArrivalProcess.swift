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
    @usableFromInline let stream: RandomStream
    /// Flat profiles skip the hour-by-hour walk: E / rate is the same inversion in one step.
    @usableFromInline let stationary: Bool

    public init(profile: RateProfile, stream: RandomStream) {
        self.profile = profile
        self.stream = stream
        stationary = profile.isStationary
    }

    /// The time (hours) of the first arrival after `time`, or +infinity if the rate is zero
    /// from then on. Precondition: `time` >= 0.
    /// - Complexity: O(hours until the next arrival); one exponential draw.
    @inlinable public func next(after time: Double) -> Double {
        if profile.isNeverActive { return .infinity }
        let remaining = stream.exponential(mean: 1)
        // The flat profile in a few instructions inlined into the caller; the walk out of line.
        if stationary { return time + remaining / profile.perHour }
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
        var hourOfWeek = profile.hourOfWeek(hour)
        while hour < limit {
            let rate = profile.rate(duringHour: hour, hourOfWeek: hourOfWeek)
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
