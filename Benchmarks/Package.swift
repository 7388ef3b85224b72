// swift-tools-version:6.1
// crisis-sim's benchmarks: a package of its own (the swift-nio layout), so package-benchmark
// and its malloc interposer stay out of the main package's build and test graph.
// Run from this folder: `swift package benchmark` (see README.md).
import PackageDescription

let package = Package(
    name: "crisis-sim-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // MallocInterposer alone: on Swift 6.3 it backs the malloc metrics with the
        // malloc-interposer package (nothing to install; jemalloc is for Swift <= 6.2).
        // Naming the traits leaves out the default RuntimeInterposer (ARC counts on Linux 6.3),
        // which these benchmarks do not measure.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "crisis-sim", path: ".."),
    ],
    targets: [
        // What the benchmark targets share: metrics, run lengths, tolerances, short mode.
        .target(
            name: "BenchSupport",
            dependencies: [.product(name: "Benchmark", package: "benchmark"), "CPerfProbe"],
            path: "Support/BenchSupport"
        ),
        // Asks the kernel whether perf_event_open works here, so `instructions` is reported
        // only where it can be counted.
        .target(name: "CPerfProbe", path: "Support/CPerfProbe"),
        // Tier 1, kernel micro-benchmarks: event list, variates, arrivals.
        .executableTarget(
            name: "KernelMicro",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                "BenchSupport",
                .product(name: "SimKernel", package: "crisis-sim"),
                .product(name: "SimRandom", package: "crisis-sim"),
            ],
            path: "Benchmarks/KernelMicro",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Tier 2, targeted: the bed-pool yardstick at several offered loads.
        .executableTarget(
            name: "BedPoolLoad",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                "BenchSupport",
                .product(name: "SimKernel", package: "crisis-sim"),
                .product(name: "SimRandom", package: "crisis-sim"),
                .product(name: "Yardsticks", package: "crisis-sim"),
            ],
            path: "Benchmarks/BedPoolLoad",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Tier 3, the whole simulation: a replication-year of the baseline and of England.
        .executableTarget(
            name: "WholeSimulation",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                "BenchSupport",
                .product(name: "CrisisModel", package: "crisis-sim"),
                .product(name: "CrisisScenario", package: "crisis-sim"),
            ],
            path: "Benchmarks/WholeSimulation",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
