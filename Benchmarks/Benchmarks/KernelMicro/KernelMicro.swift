// Tier 1: kernel micro-benchmarks. The operations every simulated event pays for: the event
// list, a variate draw, the next arrival of a non-stationary stream. Each benchmark runs a
// million operations per iteration (scalingFactor .mega), so wallClock is per operation and
// throughput is operations per second; mallocCountTotal is per iteration of a million.

import Benchmark
import BenchSupport
import SimKernel
import SimRandom

let benchmarks: @Sendable () -> Void = {
    // MARK: Event list, "hold" model

    // The classic hold model (Jones 1986): a list of n pending events; each operation pops the
    // earliest and pushes one at its time plus a random increment, so the size stays n. The
    // increments are drawn once in setup (exponential, mean 1, from a RandomStream) and cycled,
    // so the measurement is the list alone. Steady state must allocate nothing.
    for size in [10, 1_000, 100_000] {
        Benchmark(
            "EventList.hold.n\(size)",
            configuration: Suite.configuration(
                scalingFactor: .mega, maxDuration: .seconds(3), maxIterations: 20)
        ) { benchmark, state in
            let checksum = state.increments.withUnsafeBufferPointer { increments in
                hold(&state.events, increments: increments, cursor: &state.cursor,
                     count: benchmark.scaledIterations.count)
            }
            blackHole(checksum)
        } setup: {
            HoldState(size: size)
        }
    }

    // MARK: Variates

    Benchmark(
        "RandomStream.exponential",
        configuration: Suite.configuration(
            scalingFactor: .mega, maxDuration: .seconds(2), maxIterations: 50)
    ) { benchmark, stream in
        var sum = 0.0
        for _ in benchmark.scaledIterations {
            sum += stream.exponential(mean: 30)
        }
        blackHole(sum)
    } setup: {
        RandomStreams(masterSeed: 42, replication: 0).stream("bench.exponential")
    }

    Benchmark(
        "Distribution.lognormal.sample",
        configuration: Suite.configuration(
            scalingFactor: .mega, maxDuration: .seconds(2), maxIterations: 50)
    ) { benchmark, state in
        let (distribution, stream) = state
        var sum = 0.0
        for _ in benchmark.scaledIterations {
            sum += distribution.sample(stream)
        }
        blackHole(sum)
    } setup: {
        // A length of stay in days as published: mean 30, median 21.
        (try Distribution.lognormal(mean: 30, median: 21),
         RandomStreams(masterSeed: 42, replication: 0).stream("bench.lognormal"))
    }

    // MARK: Arrivals

    // A crisis-line-like week: quiet nights, a weekday daytime peak, busier evenings and
    // weekends, 8,766 referrals a year (one an hour on average). Each arrival inverts the
    // integrated rate hour by hour, so the cost depends on the profile, not just the draw.
    Benchmark(
        "ArrivalProcess.next.peakedWeek",
        configuration: Suite.configuration(
            scalingFactor: .mega, maxDuration: .seconds(2), maxIterations: 50)
    ) { benchmark, arrivals in
        var time = 0.0
        for _ in benchmark.scaledIterations {
            time = arrivals.next(after: time)
        }
        blackHole(time)
    } setup: {
        try peakedArrivals()
    }
}

/// The state a hold benchmark keeps between iterations: the list stays at its size.
final class HoldState {
    var events: EventList<UInt32>
    let increments: [Double]
    var cursor = 0

    static let incrementCount = 1 << 16

    init(size: Int) {
        let stream = RandomStreams(masterSeed: 42, replication: 0).stream("bench.hold")
        increments = (0..<Self.incrementCount).map { _ in stream.exponential(mean: 1) }
        events = EventList(reservingCapacity: size)
        for index in 0..<size {
            events.push(UInt32(truncatingIfNeeded: index), at: stream.exponential(mean: 1))
        }
    }
}

/// `count` hold operations; returns a checksum so the work cannot be optimised away.
@inline(never)
func hold(_ events: inout EventList<UInt32>, increments: UnsafeBufferPointer<Double>,
          cursor: inout Int, count: Int) -> Double {
    let mask = increments.count - 1
    var next = cursor
    var checksum = 0.0
    for _ in 0..<count {
        let entry = events.pop().unsafelyUnwrapped
        checksum += entry.time
        events.push(entry.payload, at: entry.time + increments[next])
        next = (next + 1) & mask
    }
    cursor = next
    return checksum
}

/// The arrival stream of the ArrivalProcess benchmark.
func peakedArrivals() throws -> ArrivalProcess {
    let profile = try RateProfile(perYear: 8_766, hourOfWeekWeights: peakedWeek())
    return ArrivalProcess(profile: profile, stream: RandomStreams(masterSeed: 42, replication: 0).stream("bench.arrivals"))
}

/// 168 hour-of-week weights, Monday 00:00 first (normalised by RateProfile).
func peakedWeek() -> [Double] {
    (0..<RateProfile.hoursPerWeek).map { hourOfWeek in
        let day = hourOfWeek / 24, hour = hourOfWeek % 24
        let weekend = day >= 5
        switch hour {
        case 0..<7: return 0.2
        case 7..<9: return 0.8
        case 9..<17: return weekend ? 1.2 : 2.5
        case 17..<23: return weekend ? 1.8 : 1.4
        default: return 0.5
        }
    }
}
