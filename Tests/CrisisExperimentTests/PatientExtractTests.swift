@testable import CrisisExperiment
@testable import CrisisModel
import CrisisTestSupport
import Foundation
import XCTest

/// patients.csv (`run --patients`): the episodes behind the KPIs, one row each, in the
/// layout docs/DATA.md specifies for a trust's own extract.
final class PatientExtractTests: XCTestCase {
    private let length = RunLength(warmupDays: 60, horizonDays: 120)

    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("patient-extract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Runs `replications` of a 30-bed area (busy enough to place people out of area and
    /// delay discharges) with an extract, and returns the results and patients.csv's text.
    private func run(_ replications: [Int], threads: Int) throws -> (results: [ReplicationResult], text: String) {
        let extract = try PatientExtract(configuration: Configurations.area(beds: 30), folder: try folder())
        defer { extract.discard() }
        let results = try ReplicationRunner(configuration: Configurations.area(beds: 30), length: length, seed: 11,
                                            logs: ReplicationLogs(patients: extract)).run(replications, threads: threads)
        var text = ""
        try extract.file().produce { text += $0 }
        return (results, text)
    }

    private func rows(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    private func hours(_ text: String?) -> Double? {
        guard let text, !text.isEmpty else { return nil }
        return ExtractCalendar.hours(Substring(text))
    }

    /// Counting the extract's rows gives the run's own KPIs: admissions by legal status,
    /// out-of-area placements and community presentations in the measured period.
    func testRowsAddUpToTheKPIs() throws {
        let (results, text) = try run([0, 1], threads: 2)
        XCTAssertTrue(text.hasPrefix(PatientExtract.header + "\n"))
        let extractStart = length.warmupDays * 24
        let years = length.horizonDays / 365.25
        for result in results {
            let episodes = rows(text).filter { $0["replication"] == String(result.replication) }
            func count(_ kpi: String) throws -> Int {
                Int((try XCTUnwrap(result.value(kpi)) * years).rounded())
            }
            let admitted = episodes.filter { (hours($0["admitted_at"]) ?? -1) >= extractStart }
            XCTAssertEqual(admitted.count, try count("admissions.total"))
            XCTAssertEqual(admitted.filter { $0["legal_status"] == "detained" }.count, try count("admissions.detained"))
            XCTAssertEqual(admitted.filter { $0["placement"] == "out_of_area" }.count, try count("oap.placements"))
            let gatekeptShare = 100 * Double(admitted.filter { $0["gatekept"] == "yes" }.count) / Double(admitted.count)
            XCTAssertEqual(gatekeptShare, try XCTUnwrap(result.value("admissions.gatekept")), accuracy: 1e-9)
            XCTAssertEqual(episodes.filter { $0["source"] == "community" && (hours($0["presented_at"]) ?? -1) >= extractStart }.count,
                           try count("presentations.community"))
            XCTAssertGreaterThan(try count("oap.placements"), 0, "the test needs out-of-area placements")
        }
    }

    /// Each row's times run in order, and every row belongs to the extract's period: it ends
    /// in it, or is still open at its end (an empty discharge: right-censored).
    func testEpisodeTimesAreOrderedAndInThePeriod() throws {
        let episodes = rows(try run([0], threads: 1).text)
        let (start, end) = (length.warmupDays * 24, (length.warmupDays + length.horizonDays) * 24)
        var censored = 0, delayed = 0, repatriated = 0
        for episode in episodes {
            let presented = try XCTUnwrap(hours(episode["presented_at"]), "\(episode)")
            XCTAssertLessThanOrEqual(presented, end)
            if let ended = hours(episode["ended_at"]) {
                XCTAssertGreaterThanOrEqual(ended, max(presented, start - 1.0 / 60), "ends in the period: \(episode)")
                XCTAssertLessThanOrEqual(ended, end)
            }
            if episode["discharged_at"] != "" { XCTAssertEqual(episode["ended_at"], episode["discharged_at"]) }
            if let decision = hours(episode["decision_to_admit_at"]) { XCTAssertGreaterThanOrEqual(decision, presented) }
            guard let admitted = hours(episode["admitted_at"]) else {
                XCTAssertEqual(episode["placement"], "", "\(episode)")
                continue
            }
            XCTAssertGreaterThanOrEqual(admitted, try XCTUnwrap(hours(episode["decision_to_admit_at"])))
            XCTAssertTrue(["local", "network", "out_of_area"].contains(episode["placement"]), "\(episode)")
            if let discharged = hours(episode["discharged_at"]) {
                XCTAssertGreaterThanOrEqual(discharged, max(admitted, start - 1.0 / 60), "\(episode)")
                XCTAssertLessThanOrEqual(discharged, end)
            } else {
                censored += 1
                XCTAssertEqual(episode["ended_at"], "", "still in hospital: the episode is open")
            }
            if let from = hours(episode["delayed_discharge_from"]) {
                delayed += 1
                XCTAssertGreaterThanOrEqual(from, admitted)
            }
            if let back = hours(episode["repatriated_at"]) {
                repatriated += 1
                XCTAssertEqual(episode["placement"], "out_of_area", "only a placement out of area comes back")
                XCTAssertGreaterThanOrEqual(back, admitted)
            }
        }
        XCTAssertGreaterThan(censored, 20, "30 beds are full at the end: their occupants are still in hospital")
        XCTAssertGreaterThan(delayed, 0)
        XCTAssertGreaterThan(repatriated, 0)
    }

    /// The extract is the same bytes whatever the thread count, as every result file is.
    func testTheExtractDoesNotDependOnThreads() throws {
        XCTAssertEqual(try run([0, 1, 2], threads: 1).text, try run([0, 1, 2], threads: 2).text)
    }

    /// Keeping the extract changes no result: the log only watches.
    func testKeepingTheExtractChangesNoKPI() throws {
        let plain = try ReplicationRunner(configuration: Configurations.area(beds: 30), length: length, seed: 11)
            .run([0], threads: 1)
        XCTAssertEqual(plain[0].kpis, try run([0], threads: 1).results[0].kpis)
    }

    /// Episodes reach the sink in bounded batches, so a long run's memory stays flat.
    func testEpisodesArriveInBoundedBatches() throws {
        final class Batches: @unchecked Sendable { var sizes: [Int] = [] }
        let batches = Batches()
        _ = try CrisisSystem.runReplication(Configurations.area(beds: 30, communityPerYear: 20_000),
                                            length: RunLength(warmupDays: 0, horizonDays: 365), seed: 3, replication: 0,
                                            episodeSink: { batches.sizes.append($0.count) })
        XCTAssertGreaterThan(batches.sizes.count, 2, "\(batches.sizes)")
        XCTAssertLessThanOrEqual(batches.sizes.max() ?? 0, RecordBuffer<EpisodeRecord>.batchSize)
    }

    /// The parts folder goes once the set is written, and a killed run's parts are removed by
    /// the next extract written to the folder.
    func testPartsAreRemoved() throws {
        let url = try folder()
        let abandoned = url.appendingPathComponent(".patients.csv-parts-999999999")
        try FileManager.default.createDirectory(at: abandoned, withIntermediateDirectories: true)
        let extract = try PatientExtract(configuration: Configurations.area(beds: 30), folder: url)
        XCTAssertFalse(FileManager.default.fileExists(atPath: abandoned.path), "no process 999999999: its parts go")
        XCTAssertTrue(FileManager.default.fileExists(atPath: extract.partsFolder.path))
        extract.discard()
        XCTAssertFalse(FileManager.default.fileExists(atPath: extract.partsFolder.path))
    }
}

/// docs/DATA.md is the data specification a trust's analyst fills: its column table must be
/// the file's columns, in order.
final class DataSpecificationTests: XCTestCase {
    func testTheSpecificationListsEveryColumnInOrder() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/DATA.md")
        let text = try String(contentsOf: url.standardized, encoding: .utf8)
        let section = try XCTUnwrap(text.range(of: "## Columns\n"))
        let table = text[section.upperBound...].components(separatedBy: "\n### ")[0]
        let documented = table.split(separator: "\n").filter { $0.hasPrefix("| `") }
            .map { $0.dropFirst(3).prefix { $0 != "`" } }.map(String.init)
        XCTAssertEqual(documented, PatientExtract.Column.allCases.map(\.rawValue))
    }

    func testTheSpecificationListsEveryEventLogColumnAndStep() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/DATA.md")
        let text = try String(contentsOf: url.standardized, encoding: .utf8)
        let section = try XCTUnwrap(text.range(of: "## The event log\n"))
        let rest = String(text[section.upperBound...])
        let columns = rest.components(separatedBy: "### Steps")[0]
        let documented = columns.split(separator: "\n").filter { $0.hasPrefix("| `") }
            .map { String($0.dropFirst(3).prefix { $0 != "`" }) }
        XCTAssertEqual(documented, EventLogFile.Column.allCases.map(\.rawValue))
        let steps = try XCTUnwrap(rest.components(separatedBy: "### Steps").dropFirst().first?
            .components(separatedBy: "\n## ").first)
        let listed = steps.split(separator: "\n").filter { $0.hasPrefix("| `") }
            .map { String($0.dropFirst(3).prefix { $0 != "`" }) }
        XCTAssertEqual(listed, PathwayEvent.allCases.map(\.id))
    }
}

/// The extract's calendar: model hour 0 is Monday 2024-04-01 00:00.
final class ExtractCalendarTests: XCTestCase {
    func testDatesAndTheirInverse() {
        XCTAssertEqual(ExtractCalendar.dateTime(0), "2024-04-01 00:00")
        XCTAssertEqual(ExtractCalendar.dateTime(13.75), "2024-04-01 13:45")
        XCTAssertEqual(ExtractCalendar.dateTime(365 * 24), "2025-04-01 00:00", "2024/25 has 365 days")
        XCTAssertEqual(ExtractCalendar.dateTime(-24 * 32), "2024-02-29 00:00", "a leap day, before hour 0")
        XCTAssertEqual(ExtractCalendar.dateTime(.nan), "")
        for hours in [0.0, 1.5, 8765.25, 100_000.0, -800.0] {
            XCTAssertEqual(ExtractCalendar.hours(Substring(ExtractCalendar.dateTime(hours))), hours)
        }
        XCTAssertNil(ExtractCalendar.hours("2025-02-29 10:00"), "2025 is not a leap year")
        XCTAssertNil(ExtractCalendar.hours("2025-04-01"))
        XCTAssertNil(ExtractCalendar.hours("2025-04-01 24:00"))
    }
}
