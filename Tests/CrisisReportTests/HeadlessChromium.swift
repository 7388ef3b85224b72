import Foundation
import XCTest

/// Debian's `chromium` run headless on a local file, as the browser tests need it: a
/// screenshot, the DOM after loading, and every console message the page produced.
struct HeadlessChromium {
    let executable: URL

    /// The browser, or an error that fails the test saying how to install it: a missing
    /// browser must not pass silently as a skipped test.
    static func find() throws -> HeadlessChromium {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("chromium")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return HeadlessChromium(executable: candidate) }
        }
        throw ReportTestError("chromium is not installed: run `make report-deps` (or `apt-get install -y chromium`), which `make test` does")
    }

    struct Outcome {
        let status: Int32
        let output: String
        /// Lines the page logged to its console: messages, uncaught errors and security
        ///-policy violations all appear as "CONSOLE" lines on standard error with
        /// --enable-logging=stderr.
        let console: [String]
    }

    /// A screenshot of `page` at `width` × `height` CSS pixels, written to `png`.
    func screenshot(_ page: URL, to png: URL, width: Int = 1280, height: Int) throws -> Outcome {
        try run(page, ["--screenshot=\(png.path)", "--window-size=\(width),\(height)", "--hide-scrollbars"])
    }

    /// The page's DOM as the browser parsed it; after `virtualMilliseconds` of the page's own
    /// timers and image decoding, when its scripts have work to finish after loading.
    func dumpDOM(_ page: URL, virtualMilliseconds: Int? = nil) throws -> Outcome {
        try run(page, ["--dump-dom"] + (virtualMilliseconds.map { ["--virtual-time-budget=\($0)"] } ?? []))
    }

    private func run(_ page: URL, _ arguments: [String]) throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-report-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stdout = scratch.appendingPathComponent("stdout"), stderr = scratch.appendingPathComponent("stderr")
        try Data().write(to: stdout)
        try Data().write(to: stderr)
        let process = Process()
        process.executableURL = executable
        // No sandbox: CI containers run as root. Its own profile folder, so runs never share a
        // lock. /dev/shm is small in containers.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
                             "--enable-logging=stderr", "--v=0"] + arguments + [page.absoluteString]
        // Files, not pipes: the DOM and the log can each outgrow a pipe's buffer.
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        // A browser that hangs must fail the test, not the whole CI job.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        let log = try String(contentsOf: stderr, encoding: .utf8)
        return Outcome(status: process.terminationStatus, output: try String(contentsOf: stdout, encoding: .utf8),
                       console: log.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init))
    }
}

struct ReportTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
