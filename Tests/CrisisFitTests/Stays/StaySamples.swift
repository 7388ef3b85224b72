import CrisisFit
import SimRandom

/// Simulated hospital extracts with the censoring and truncation a real one has, for tests.
enum StaySamples {
    /// A stream that depends only on `seed`.
    static func stream(_ seed: UInt64) -> RandomStream {
        RandomStreams(masterSeed: seed, replication: 0).stream("stay-samples")
    }

    /// `count` uncensored, untruncated stays.
    static func plain(_ count: Int, seed: UInt64, draw: (RandomStream) -> Double) -> [StayObservation] {
        let random = stream(seed)
        return (0..<count).map { _ in
            let stay = draw(random)
            return StayObservation(exit: stay, censored: false, limit: stay)
        }
    }

    /// `count` stays seen through a window of `window` days (window days 0..<window).
    ///
    /// Admissions are uniform over the window and, when `truncatedShare` > 0, over an equal
    /// stretch before it in proportion: a stay admitted at day a < 0 is seen only if it lasts
    /// beyond day 0 (entry = −a, left truncated). Every stay is censored at the window's end
    /// (limit = window − a). Stays are drawn until `count` have been seen.
    static func windowed(_ count: Int, seed: UInt64, window: Double = 365, admittedBefore: Double = 365,
                         draw: (RandomStream) -> Double) -> [StayObservation] {
        let random = stream(seed)
        var observations: [StayObservation] = []
        observations.reserveCapacity(count)
        while observations.count < count {
            let admission = random.uniform(min: -admittedBefore, max: window)
            let stay = draw(random)
            let entry = max(0, -admission)
            guard stay > entry else { continue }
            let limit = window - admission
            observations.append(stay > limit
                ? StayObservation(entry: entry, exit: limit, censored: true, limit: limit)
                : StayObservation(entry: entry, exit: stay, censored: false, limit: limit))
        }
        return observations
    }
}
