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
        try run(executable, arguments, in: directory)
    }

    /// Runs the shell command `script` in `directory`, with `$0` the tool, and waits for it:
    /// for arguments a String cannot carry, such as bytes that are not UTF-8 (`printf '\377'`).
    public static func runShell(_ script: String, in directory: URL) throws -> Outcome {
        try run(URL(fileURLWithPath: "/bin/sh"), ["-c", script, executable.path], in: directory)
    }

    private static func run(_ program: URL, _ arguments: [String], in directory: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Drain standard error on another thread while reading standard output here: reading
        // one pipe to its end first would deadlock once the child fills the other's buffer
        // (64 kB; a sanitizer report does).
        let errorData = ErrorBuffer()
        let drain = Thread { errorData.set(error.fileHandleForReading.readDataToEndOfFile()) }
        drain.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let err = errorData.wait()
        return Outcome(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                       error: String(decoding: err, as: UTF8.self))
    }
}

/// Standard error's bytes, handed from the draining thread to the caller.
private final class ErrorBuffer: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    func set(_ data: Data) {
        self.data = data
        done.signal()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
