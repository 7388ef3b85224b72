// swift-tools-version:6.1
// crisis-sim: discrete-event simulation of mental health crisis care pathways.
// Dependencies run one way: CGSL <- SimRandom <- SimKernel <- ... <- crisis-sim.
import PackageDescription

let package = Package(
    name: "crisis-sim",
    products: [
        .library(name: "SimRandom", targets: ["SimRandom"]),
        .library(name: "SimKernel", targets: ["SimKernel"]),
        .library(name: "Yardsticks", targets: ["Yardsticks"]),
        .library(name: "CrisisModel", targets: ["CrisisModel"]),
        .library(name: "CrisisScenario", targets: ["CrisisScenario"]),
        .executable(name: "crisis-sim", targets: ["crisis-sim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The planner's web app (serve). No traits: the server reads no configuration files
        // and the project already links the whole of Foundation.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Hummingbird's own dependencies, named for the desk's graceful stop and quiet log.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // GSL, found through pkg-config; SimRandom draws variates from it, CrisisFit uses its
        // minimisers, CDFs and special functions.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // Flushing C's stdout and reading its error flag, which Swift 6 cannot reach directly.
        .systemLibrary(name: "CStandardOutput"),
        // L'Ecuyer's MRG32k3a as a custom gsl_rng_type, with stream and substream jumps.
        .target(name: "CMRG32k3a", dependencies: ["CGSL"]),
        .target(name: "SimRandom", dependencies: ["CGSL", "CMRG32k3a"]),
        .target(name: "SimKernel", dependencies: ["SimRandom"]),
        // Small reference models on the public kernel API: the speed yardstick and demo.
        .target(name: "Yardsticks", dependencies: ["SimKernel", "SimRandom"]),
        // The crisis care pathway on the kernel: people, routing, services, beds, KPIs.
        .target(name: "CrisisModel", dependencies: ["SimKernel", "SimRandom"]),
        // Scenario files: YAML with extends and overrides, strict validation against one
        // schema table, compiled into CrisisModel's configuration.
        .target(
            name: "CrisisScenario",
            dependencies: ["CrisisModel", "SimRandom", .product(name: "Yams", package: "Yams")]
        ),
        // Replications of scenarios in parallel, summaries with confidence intervals, paired
        // comparisons with what each variant changes, and fits of scenarios to patient extracts.
        .target(name: "CrisisExperiment", dependencies: ["CrisisModel", "CrisisScenario", "CrisisFit", "SimKernel", "SimRandom"]),
        .target(name: "CrisisReport", dependencies: ["CrisisExperiment", "CrisisModel", "CrisisScenario", "CrisisFit"]),
        // Input modelling from patient-level data: maximum-likelihood fits of lengths of stay
        // (censored, truncated), arrival rates and shares, with uncertainty; numerics from GSL.
        .target(name: "CrisisFit", dependencies: ["CGSL", "SimRandom"]),
        // The model against analytic and published results: runs Scenarios/studies/ and
        // writes docs/VALIDATION.md.
        .target(name: "CrisisValidation", dependencies: ["CrisisExperiment", "CrisisScenario", "CrisisModel", "SimKernel"]),
        // The planner's desk: a local web app over the same library calls as the commands. Only
        // the executable links it, so no simulation target depends on the HTTP stack.
        .target(
            name: "CrisisServer",
            dependencies: [
                "CrisisExperiment", "CrisisReport", "CrisisScenario", "CrisisModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "crisis-sim",
            dependencies: [
                "SimKernel", "SimRandom", "Yardsticks", "CrisisModel", "CrisisScenario", "CrisisExperiment", "CrisisReport",
                "CrisisValidation", "CrisisFit", "CStandardOutput", "CrisisServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The web app's HTTP API against a server on an ephemeral loopback port.
        .testTarget(name: "ServerTests", dependencies: ["CrisisServer", "CrisisScenario", "CrisisExperiment"]),
        .testTarget(name: "SimRandomTests", dependencies: ["SimRandom"]),
        .testTarget(name: "CrisisFitTests", dependencies: ["CrisisFit", "SimRandom"]),
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel", "SimRandom", "CrisisTestSupport"]),
        .testTarget(name: "YardstickTests", dependencies: ["Yardsticks", "SimKernel", "SimRandom", "CrisisTestSupport"]),
        // Configurations shared by the model and experiment tests.
        .target(name: "CrisisTestSupport", dependencies: ["CrisisModel", "SimRandom"], path: "Tests/CrisisTestSupport"),
        .testTarget(name: "CrisisModelTests", dependencies: ["CrisisModel", "CrisisTestSupport", "SimKernel", "SimRandom"]),
        // The built executable run as a planner would, on the scenario library.
        .testTarget(name: "CommandLineTests", dependencies: ["crisis-sim", "CrisisExperiment", "CrisisScenario", "CrisisTestSupport"]),
        .testTarget(name: "CrisisReportTests", dependencies: ["CrisisReport", "CrisisExperiment", "CrisisModel", "CrisisScenario"]),
        .testTarget(name: "CrisisExperimentTests", dependencies: ["CrisisExperiment", "CrisisModel", "CrisisScenario", "CrisisTestSupport", "SimRandom"],
                    exclude: ["Fixtures"]),
        // Experiments over scenario files: shards, merge, sweep (and its chart), the Slurm scripts
        // and the validation studies; the libraries, and the built executable beside the tests.
        .testTarget(name: "CrisisExperimentShardTests", dependencies: ["CrisisExperiment", "CrisisReport", "CrisisScenario", "CrisisModel", "CrisisTestSupport", "CrisisValidation", "SimKernel", "crisis-sim"]),
        // Broken scenario files for validation tests, read by path (#filePath), not as resources.
        .testTarget(
            name: "CrisisScenarioTests",
            dependencies: ["CrisisScenario", "CrisisModel", "SimRandom", "CrisisTestSupport"],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
