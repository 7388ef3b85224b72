import Foundation

/// The built `crisis-sim` executable, run as a planner or a cluster job would run it.
public enum CrisisSimTool {
    /// What one invocation did.
    public struct Outcome: Sendable {
        public let status: Int32
        public let output: String
        public let error: String
    }

    /// The executable sits beside the test bundle in the build products folder (the test
    /// targets depend on it, so it is always built first).
    public static var executable: URL { Bundle.main.bundleURL.appendingPathComponent("crisis-sim") }

    /// Runs `crisis-sim arguments...` in `directory` and waits for it.
    public static func run(_ arguments: [String], in directory: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes to the end before waiting, so a full pipe cannot block the child.
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                       error: String(decoding: err, as: UTF8.self))
    }
}
