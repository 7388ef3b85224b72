import ArgumentParser
import CStandardOutput
import CrisisServer
import Dispatch
import Foundation

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "The planner's desk: a web app on this computer to edit, run and compare scenarios.",
        discussion: """
            Serves one self-contained page (nothing is fetched from the internet) on \
            http://127.0.0.1:8080, reachable from this computer only unless --host names \
            another interface. Open a scenario from the library, change its settings in a form \
            checked as `validate` checks files, save it as a new scenario that extends the one \
            you changed, run it with progress, compare two to four scenarios, or sweep one \
            lever; results are the HTML report with CSV and YAML downloads, each run in its own \
            folder under --results. Stop with Ctrl-C: runs still going are cancelled and leave \
            no files.

            Examples:
              crisis-sim serve --open
              crisis-sim serve --port 8090 --scenarios my-scenarios
            """
    )

    @Option(parsing: .unconditional, help: "Port to listen on (0: any free port, printed at start).", transform: NumberArgument.integer)
    var port = 8080

    @Option(help: "Interface to listen on; another than 127.0.0.1 lets other computers reach the desk.")
    var host = "127.0.0.1"

    @Flag(help: "Open the page in the default browser (xdg-open).")
    var open = false

    @Option(help: "Folder of your own scenarios, where the page saves; created on the first save.",
            transform: outputPathArgument)
    var scenarios = "scenarios-mine"

    @Option(help: ArgumentHelp("Folder of the shipped scenarios (default: Scenarios here, else beside the executable).",
                               valueName: "folder"))
    var library: String?

    @Option(help: "Folder for the results, a folder per run.", transform: outputPathArgument)
    var results = "results/serve"

    @Option(name: .customLong("concurrent-runs"), parsing: .unconditional, help: "Runs at once, each on one core; more wait their turn (default: every core).",
            transform: NumberArgument.integer)
    var concurrentRuns = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be in [0, 65535], got \(port)") }
        guard concurrentRuns >= 1 else { throw ValidationError("--concurrent-runs must be at least 1") }
    }

    func run() throws {
        let library = try libraryFolder()
        let desk = PlannerDesk(library: library, mine: scenarios, results: results, concurrentRuns: concurrentRuns)
        let (host, open) = (host, open)
        let stopped = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        let server = Task {
            do {
                try await desk.serve(host: host, port: port) { port in
                    let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
                    print("Planner's desk at \(address) (scenarios from \(library) and \(scenarios); results in \(results)); "
                        + "Ctrl-C stops it")
                    _ = cstdout_flush()  // the address now, for a script or test waiting on it
                    if open { Self.openBrowser(address) }
                }
            } catch {
                failure.error = error
            }
            stopped.signal()
        }
        // Ctrl-C and SIGTERM stop the server (cancelling runs still going, which write nothing)
        // instead of the process-wide stop the batch commands make.
        let signals = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { server.cancel() }
            source.resume()
            return source
        }
        stopped.wait()
        signals.forEach { $0.cancel() }
        if let error = failure.error {
            throw ValidationError("the desk could not serve on \(host):\(port): \(error)")
        }
    }

    /// --library, else Scenarios in the current folder, else beside the executable (an
    /// unpacked release keeps them together).
    private func libraryFolder() throws -> String {
        if let library { return library }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: "Scenarios", isDirectory: &isFolder), isFolder.boolValue { return "Scenarios" }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("Scenarios").path
        guard FileManager.default.fileExists(atPath: beside, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("no Scenarios folder here or beside \(CommandLine.arguments[0]): give --library FOLDER")
        }
        return beside
    }

    private static func openBrowser(_ address: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", address]
        do { try process.run() } catch { printError("could not open a browser (\(error)): open \(address) yourself") }
    }
}

/// The server task's error, read on the main thread once the task has ended.
private final class FailureBox: @unchecked Sendable {
    var error: Error?
}
