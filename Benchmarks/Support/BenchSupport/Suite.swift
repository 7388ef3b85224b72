import Benchmark
import CPerfProbe

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Settings shared by every benchmark target: the metrics, run lengths and the tolerances
/// that `thresholds check` and `baseline check` apply.
///
/// Benchmark names must not contain spaces or slashes: package-benchmark 1.38.1 writes
/// threshold files with those replaced by underscores but looks them up by the raw name.
public enum Suite {
    /// Short mode for CI and smoke runs: `CRISIS_BENCH_SHORT=1 swift package benchmark`.
    /// package-benchmark 1.38.1 has no command-line option for iteration counts, so the
    /// benchmark executables read this variable (the plugin passes its environment on).
    /// Allocation counts per iteration do not depend on the number of iterations, so the
    /// committed thresholds hold in both modes.
    public static let isShort: Bool = {
        guard let value = getenv("CRISIS_BENCH_SHORT") else { return false }
        let text = String(cString: value)
        return !(text.isEmpty || text == "0" || text.lowercased() == "false")
    }()

    /// Whether this process may count its own instructions (Linux perf events).
    public static let instructionsAvailable = crisis_perf_instructions_available() != 0

    /// What every benchmark reports by default.
    ///
    /// `instructions` is asked for only where perf_event_open works: where it does not,
    /// package-benchmark 1.38.1 records no instruction sample yet still adds 16 allocations
    /// of its own to each iteration's malloc count.
    ///
    /// `peakMemoryResident` starts package-benchmark's sampling thread, whose allocations
    /// land in the process-wide malloc counters (about one per 4 ms of run time), so in this
    /// default set `mallocCountTotal` is approximate. The exact, deterministic count comes
    /// from a run with `--metric mallocCountTotal` alone, which is how the thresholds are
    /// written and checked (README.md).
    public static let metrics: [BenchmarkMetric] = {
        var metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident]
        if instructionsAvailable { metrics.append(.instructions) }
        return metrics
    }()

    /// Tolerances. `thresholds check` compares only the p90 of metrics present in a
    /// Thresholds/*.p90.json file; the committed files hold `mallocCountTotal` alone, with no
    /// tolerance: a change in allocations per iteration, up or down, fails the check until
    /// the thresholds are updated. The timing tolerances apply to `baseline check` between
    /// two stored runs; a busy 2-core machine needs them generous.
    public static func thresholds(mallocTolerance: Int) -> [BenchmarkMetric: BenchmarkThresholds] {
        var thresholds: [BenchmarkMetric: BenchmarkThresholds] = [
            .mallocCountTotal: BenchmarkThresholds(absolute: [.p90: mallocTolerance]),
            .wallClock: BenchmarkThresholds(relative: [.p50: 25.0]),
            .throughput: BenchmarkThresholds(relative: [.p50: 25.0]),
            .peakMemoryResident: BenchmarkThresholds(relative: [.p90: 20.0]),
        ]
        if instructionsAvailable {
            thresholds[.instructions] = BenchmarkThresholds(relative: [.p50: 5.0])
        }
        return thresholds
    }

    /// A configuration with the suite's metrics; short mode caps the run at 3 measured
    /// iterations and 0.3 s.
    public static func configuration(
        scalingFactor: BenchmarkScalingFactor,
        maxDuration: Duration,
        maxIterations: Int,
        warmupIterations: Int = 1,
        mallocTolerance: Int = 0
    ) -> Benchmark.Configuration {
        .init(
            metrics: metrics,
            warmupIterations: warmupIterations,
            scalingFactor: scalingFactor,
            maxDuration: isShort ? min(maxDuration, .milliseconds(300)) : maxDuration,
            maxIterations: isShort ? min(maxIterations, 3) : maxIterations,
            thresholds: thresholds(mallocTolerance: mallocTolerance)
        )
    }
}
