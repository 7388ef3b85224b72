// Tier 3, the whole simulation: one replication-year of a scenario from Scenarios/, every
// pathway on, loaded through the scenario layer as the tool does. One iteration is one
// replication of 365 measured days after a 365-day warm-up (two simulated years), streams
// and model set-up included; throughput is replications per second.
//
// mallocCountTotal counts set-up and the growth of the person store and event list to their
// peaks, which depend on the seed, not on the machine or the horizon. It moves by one or two
// between processes (seen: 448-450 and 9,728-9,729), so the gate allows a small absolute
// tolerance rather than exact equality.

import Benchmark
import BenchSupport
import CrisisModel
import CrisisScenario
import Foundation

let benchmarks: @Sendable () -> Void = {
    for (name, iterations, tolerance) in [("baseline", 50, 5), ("england-scale", 4, 20)] {
        Benchmark(
            "Scenario.\(name).replicationYear",
            configuration: Suite.configuration(scalingFactor: .one, maxDuration: .seconds(5), maxIterations: iterations,
                                               mallocTolerance: tolerance)
        ) { benchmark in
            let scenario = try ScenarioLoader.load(scenarioPath(name))
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let result = try CrisisSystem.runReplication(scenario.configuration,
                                                             length: RunLength(warmupDays: 365, horizonDays: 365),
                                                             seed: 42, replication: 0)
                blackHole(result.eventsHandled)
            }
        }
    }
}

/// Scenarios/NAME.yaml of the package this one sits in.
func scenarioPath(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios/\(name).yaml").path
}
