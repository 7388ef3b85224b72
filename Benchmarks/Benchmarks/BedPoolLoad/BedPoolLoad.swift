// Tier 2, targeted: the bed-pool speed yardstick (Yardsticks.BedPool, the model of
// shared/bench/bedpool.c on the public kernel API) at three offered loads on 100 beds.
// One iteration is one whole run of a million referrals, set-up included (streams, bed
// monitor, event-list growth), so throughput is referrals per second and wallClock is per
// referral. The higher the load, the more referrals are lost out of area, which discharge
// no one, so the events per referral fall slightly from 80% to 105%.
//
// mallocCountTotal is per run: a bounded number of allocations at the start, none per
// event, so it must not grow with the number of referrals.

import Benchmark
import BenchSupport
import SimKernel
import Yardsticks

let benchmarks: @Sendable () -> Void = {
    for load in [0.80, 0.95, 1.05] {
        let label = String(Int((load * 100).rounded()))
        Benchmark(
            "BedPool.beds100.load\(label)",
            configuration: Suite.configuration(
                scalingFactor: .mega, maxDuration: .seconds(4), maxIterations: 15)
        ) { benchmark in
            try runBedPool(referrals: benchmark.scaledIterations.count, load: load)
        }
    }

    // The same run with a thousandth of the referrals. Its mallocCountTotal must equal the
    // million-referral runs' (the thresholds hold both): allocation is per run, not per event.
    Benchmark(
        "BedPool.beds100.load95.referrals1000",
        configuration: Suite.configuration(
            scalingFactor: .kilo, maxDuration: .seconds(1), maxIterations: 200)
    ) { benchmark in
        try runBedPool(referrals: benchmark.scaledIterations.count, load: 0.95)
    }
}

/// One whole yardstick run: set-up, every referral, every discharge.
@inline(__always)
func runBedPool(referrals: Int, load: Double) throws {
    var parameters = BedPool.Parameters(referrals: referrals, beds: 100)
    parameters.loadPerBed = load
    var simulation = try BedPool.simulation(parameters, seed: 42)
    try simulation.runUntilEmpty()
    blackHole(simulation.model.counts)
    blackHole(simulation.scheduler.eventsHandled)
}
