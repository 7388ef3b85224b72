import CrisisServer
import Dispatch
import Foundation

/// A desk serving the repository's Scenarios/ on an ephemeral loopback port, with its own
/// folders for saved scenarios and results, stopped as the command stops it (its task
/// cancelled).
final class DeskFixture: @unchecked Sendable {
    let port: Int
    let mine: URL
    let results: URL
    private let server: Task<Void, Never>
    private let stopped = DispatchSemaphore(value: 0)

    static let library = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios").path

    init(concurrentRuns: Int = 2) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("desk-\(UUID().uuidString)")
        mine = root.appendingPathComponent("mine")
        results = root.appendingPathComponent("results")
        let desk = PlannerDesk(library: Self.library, mine: mine.path, results: results.path, concurrentRuns: concurrentRuns)
        let ready = DispatchSemaphore(value: 0)
        let chosen = PortBox()
        let stopped = stopped
        server = Task {
            do {
                try await desk.serve(host: "127.0.0.1", port: 0) { port in
                    chosen.port = port
                    ready.signal()
                }
            } catch {
                chosen.error = error
                ready.signal()
            }
            stopped.signal()
        }
        ready.wait()
        if let error = chosen.error { throw error }
        port = chosen.port
    }

    func stop() {
        server.cancel()
        stopped.wait()
        try? FileManager.default.removeItem(at: mine.deletingLastPathComponent())
    }

    func fetch(_ method: String, _ path: String, body: String? = nil) throws -> LoopbackResponse {
        try LoopbackResponse.fetch(port: port, method, path, body: body)
    }

    /// Starts an experiment and returns its id.
    func start(_ body: String) throws -> String {
        let response = try fetch("POST", "/api/runs", body: body)
        guard response.status == 202, let id = try response.json()["id"] as? String else {
            throw LoopbackError("not started (\(response.status)): \(response.text)")
        }
        return id
    }

    /// The job's event stream read to its end: every event's name and data, in order.
    func events(of id: String) throws -> [(name: String, data: [String: Any])] {
        let response = try fetch("GET", "/api/runs/\(id)/events")
        return try Self.events(in: response.text)
    }

    static func events(in text: String) throws -> [(name: String, data: [String: Any])] {
        try text.components(separatedBy: "\n\n").compactMap { block in
            let lines = block.split(separator: "\n")
            guard let name = lines.first(where: { $0.hasPrefix("event: ") })?.dropFirst(7),
                  let data = lines.first(where: { $0.hasPrefix("data: ") })?.dropFirst(6) else { return nil }
            let object = try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] ?? [:]
            return (String(name), object)
        }
    }
}

private final class PortBox: @unchecked Sendable {
    var port = 0
    var error: Error?
}
