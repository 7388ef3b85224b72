import CLibFuzzer
import CrisisScenario
import Foundation

// SwiftPM gives an executable its own `main`, so libFuzzer's is not used: hand over to its
// driver, which parses the libFuzzer flags and calls `fuzzScenarioLoader` with each input.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzScenarioLoader))

/// One input: written as a scenario file and loaded, which reads, parses, resolves `extends`,
/// validates and compiles it. Loading may fail with problems (most inputs do); it must never
/// crash, hang or exhaust memory, which libFuzzer reports.
func fuzzScenarioLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzFolder.shared.input
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    guard FileManager.default.createFile(atPath: input, contents: bytes) else {
        fatalError("cannot write \(input)")
    }
    do {
        _ = try ScenarioLoader.load(input)
    } catch {
        // Every failure must say where and what: an empty list would leave a planner guessing.
        precondition(!error.problems.isEmpty, "a ScenarioError without problems")
    }
    return 0
}

/// A private folder holding the scenario library, so an input that `extends: baseline.yaml`
/// (as the seeds do) or a study reaches real bases, and the input beside them.
final class FuzzFolder: Sendable {
    static let shared = FuzzFolder()

    let input: String

    private init() {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("crisis-sim-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        // Fuzz/Sources/ScenarioLoaderFuzzer/ScenarioLoaderFuzzer.swift is four levels below the root.
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        let scenarios = root.appendingPathComponent("Scenarios")
        let studies = folder.appendingPathComponent("studies")
        do {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: studies, withIntermediateDirectories: true)
            // The input sits in studies/, beside the library and the studies, so both the
            // library's `extends: baseline.yaml` and the studies' `../baseline.yaml` resolve.
            for (source, targets) in [(scenarios, [folder, studies]), (scenarios.appendingPathComponent("studies"), [studies])] {
                for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".yaml") {
                    for target in targets {
                        try FileManager.default.copyItem(at: source.appendingPathComponent(name),
                                                         to: target.appendingPathComponent(name))
                    }
                }
            }
        } catch {
            fatalError("cannot set up \(folder.path): \(error)")
        }
        input = studies.appendingPathComponent("fuzz-input.yaml").path
    }
}
