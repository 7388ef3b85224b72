@testable import CrisisExperiment
@testable import CrisisModel
import CrisisTestSupport
import Foundation
import XCTest

/// events.csv (`run --event-log`): every step of every pathway after the warm-up, in the long
/// layout process-animation tools replay.
final class EventLogTests: XCTestCase {
    private let length = RunLength(warmupDays: 60, horizonDays: 120)

    private func run(_ replications: [Int], threads: Int) throws -> (results: [ReplicationResult], text: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("event-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = try EventLogFile(configuration: Configurations.area(beds: 30), folder: folder)
        defer { log.discard() }
        let results = try ReplicationRunner(configuration: Configurations.area(beds: 30), length: length, seed: 11,
                                            logs: ReplicationLogs(events: log)).run(replications, threads: threads)
        var text = ""
        try log.file().produce { text += $0 }
        return (results, text)
    }

    private func rows(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    /// Counting steps gives the run's own KPIs, and steps run in time order from the end of
    /// the warm-up.
    func testStepsAddUpToTheKPIsInTimeOrder() throws {
        let (results, text) = try run([0, 1], threads: 2)
        XCTAssertTrue(text.hasPrefix(EventLogFile.header + "\n"))
        let years = length.horizonDays / 365.25
        for result in results {
            let logged = rows(text).filter { $0["replication"] == String(result.replication) }
            func count(_ kpi: String) throws -> Int { Int((try XCTUnwrap(result.value(kpi)) * years).rounded()) }
            func steps(_ id: PathwayEvent) -> Int { logged.filter { $0["step"] == id.id }.count }
            XCTAssertEqual(steps(.admittedToLocalBed) + steps(.placedOutOfArea), try count("admissions.total"))
            XCTAssertEqual(steps(.placedOutOfArea), try count("oap.placements"))
            XCTAssertEqual(steps(.presentsToCommunityServices), try count("presentations.community"))
            XCTAssertEqual(steps(.representsInCrisis), try count("presentations.representations"))
            let times = logged.map { Double($0["time_hours"]!)! }
            XCTAssertEqual(times, times.sorted())
            XCTAssertGreaterThanOrEqual(times.first ?? 0, length.warmupDays * 24)
            let arrivals = logged.filter { $0["event_type"] == "arrival_departure" && $0["event"] == "arrival" }
            XCTAssertEqual(arrivals.count, steps(.presentsToCommunityServices) + steps(.presentsAtEmergencyDepartment)
                + steps(.policeContact) + steps(.representsInCrisis))
            XCTAssertEqual(logged.filter { $0["event"] == "depart" }.count, steps(.leaves))
        }
    }

    func testTheLogDoesNotDependOnThreadsOrChangeResults() throws {
        let one = try run([0, 1, 2], threads: 1), two = try run([0, 1, 2], threads: 2)
        XCTAssertEqual(one.text, two.text)
        let plain = try ReplicationRunner(configuration: Configurations.area(beds: 30), length: length, seed: 11)
            .run([0, 1, 2], threads: 1)
        XCTAssertEqual(plain.map(\.kpis), one.results.map(\.kpis))
    }

    /// Every step has a kind an animation tool knows, a stable identifier, and the resource
    /// the trace names.
    func testEveryStepIsDescribed() {
        XCTAssertEqual(Set(PathwayEvent.allCases.map(\.id)).count, PathwayEvent.allCases.count, "identifiers are unique")
        for step in PathwayEvent.allCases {
            XCTAssertTrue(["arrival_departure", "queue", "resource_use", "resource_use_end", "decision"]
                .contains(step.kind.eventType))
            XCTAssertEqual(step.id, step.id.lowercased())
            XCTAssertFalse(step.text.isEmpty)
        }
        // What is held is let go under the same resource name, so an animation can pair them.
        let held = Set(PathwayEvent.allCases.filter { $0.kind == .resourceUse }.map(\.resource))
        let released = Set(PathwayEvent.allCases.filter { $0.kind == .resourceUseEnd }.map(\.resource))
        XCTAssertEqual(held.subtracting(released), ["crht", "liaison", "amhp"], "only assessments end without a step")
        XCTAssertEqual(PathwayEvent.waitsForBed.kind, .queue)
        XCTAssertEqual(PathwayEvent.admittedToLocalBed.resource, "beds")
    }
}
