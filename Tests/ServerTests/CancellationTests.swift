import XCTest

/// Stopping runs: Cancel, a page that goes away, and runs waiting for a free core. A
/// cancelled run writes nothing.
final class CancellationTests: XCTestCase {
    var desk: DeskFixture!

    /// One run at a time, so that a second waits behind the first.
    override func setUpWithError() throws { desk = try DeskFixture(concurrentRuns: 1) }
    override func tearDown() { desk.stop() }

    /// Far more work than any test waits for: it ends only by being cancelled.
    private let long = #"{"kind": "run", "scenarios": ["library/baseline"], "replications": 1000}"#

    private func folderExists(_ id: String) -> Bool {
        FileManager.default.fileExists(atPath: desk.results.appendingPathComponent(id).path)
    }

    func testCancelEndsTheStreamAsCancelledAndWritesNothing() throws {
        let id = try desk.start(long)
        let stream = try LoopbackConnection(port: desk.port)
        defer { stream.close() }
        stream.send("GET", "/api/runs/\(id)/events")
        XCTAssertNotNil(stream.read(through: "event: progress"))
        let cancel = try desk.fetch("POST", "/api/runs/\(id)/cancel")
        XCTAssertEqual(cancel.status, 200)
        // The raw stream, chunk sizes and all: the last event is the one named after the end.
        let rest = String(decoding: stream.readToEnd(), as: UTF8.self)
        XCTAssertTrue(rest.contains("event: cancelled\n"), rest)
        XCTAssertFalse(rest.contains("event: done"))
        XCTAssertFalse(folderExists(id))
        XCTAssertEqual(try desk.fetch("GET", "/api/runs/\(id)").json()["message"] as? String, "cancelled on request")
    }

    func testARunWaitsForAFreeCoreAndStartsWhenTheOneBeforeItEnds() throws {
        let first = try desk.start(long)
        let second = try desk.fetch("POST", "/api/runs", body: #"{"kind": "run", "scenarios": ["library/beds-plus-10"], "replications": 1, "horizon_days": 30, "warmup_days": 0}"#)
        let waiting = try second.json()
        XCTAssertEqual(waiting["status"] as? String, "queued")
        let runs = try desk.fetch("GET", "/api/runs").json()
        XCTAssertEqual(runs["concurrent_runs"] as? Int, 1)
        _ = try desk.fetch("POST", "/api/runs/\(first)/cancel")
        let events = try desk.events(of: waiting["id"] as! String)
        XCTAssertEqual(events.first?.data["status"] as? String, "queued", "it was still waiting when the stream opened")
        XCTAssertEqual(events.last?.name, "done")
        XCTAssertEqual(try desk.fetch("GET", "/api/runs/\(first)").json()["status"] as? String, "cancelled")
    }

    func testAPageThatGoesAwayTakesItsRunWithIt() throws {
        let id = try desk.start(long)
        let stream = try LoopbackConnection(port: desk.port)
        stream.send("GET", "/api/runs/\(id)/events")
        XCTAssertNotNil(stream.read(through: "event: progress"))
        stream.close()
        // The server notices at its next write to the closed stream (the next replication, or
        // a keep-alive comment), so ask until the run has ended, a bounded number of times.
        var status = "running"
        for _ in 0..<600 where status == "running" {
            usleep(50_000)
            status = try desk.fetch("GET", "/api/runs/\(id)").json()["status"] as? String ?? ""
        }
        XCTAssertEqual(status, "cancelled")
        XCTAssertFalse(folderExists(id))
        // Not silently: the run list keeps it, cancelled, and says why.
        let runs = try XCTUnwrap(try desk.fetch("GET", "/api/runs").json()["runs"] as? [[String: Any]])
        let run = try XCTUnwrap(runs.first { $0["id"] as? String == id })
        XCTAssertEqual(run["status"] as? String, "cancelled")
        XCTAssertEqual(run["message"] as? String, "the page that started it closed")
    }
}
