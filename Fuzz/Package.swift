// swift-tools-version:6.0
// A coverage-guided fuzzer (libFuzzer) for the scenario loader and validator: a package of
// its own, like Benchmarks/, so it stays out of the main package's build and test graph.
// Built and run by `make fuzz` (Fuzz/fuzz.sh), which turns on `-sanitize=fuzzer`.
import PackageDescription

let package = Package(
    name: "crisis-sim-fuzz",
    dependencies: [
        .package(name: "crisis-sim", path: ".."),
    ],
    targets: [
        // The declaration of libFuzzer's driver, which the fuzzer's `main` hands control to.
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "ScenarioLoaderFuzzer",
            dependencies: ["CLibFuzzer", .product(name: "CrisisScenario", package: "crisis-sim")]
        ),
    ]
)
