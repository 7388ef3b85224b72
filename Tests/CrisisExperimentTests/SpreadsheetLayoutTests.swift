@testable import CrisisExperiment
import CrisisModel
import CrisisTestSupport
import XCTest

/// Files a planner opens in Excel: labels and the scenario beside identifiers, warm-up days
/// marked and units in the census headers, and a row per replication on request.
final class SpreadsheetLayoutTests: XCTestCase {
    private func results() throws -> [ReplicationResult] {
        try ReplicationRunner(configuration: Configurations.area(beds: 20), length: RunLength(warmupDays: 3, horizonDays: 4),
                              seed: 5, dailySeries: true).run([0, 1], threads: 1)
    }

    func testDailyCensusMarksTheWarmupAndNamesUnits() throws {
        let lines = DailyCSV.text(try results(), warmupDays: 3).split(separator: "\n")
        XCTAssertEqual(lines[0], "replication,day,warmup,beds_occupied [beds],occupancy [%],waiting_for_bed [people],"
            + "oap_active [people],home_treatment_caseload [people],place_of_safety_occupied [suites]")
        XCTAssertEqual(lines.dropFirst().map { $0.split(separator: ",")[2] }, ["yes", "yes", "yes", "no", "no", "no", "no",
                                                                              "yes", "yes", "yes", "no", "no", "no", "no"])
        XCTAssertEqual(DailyCSV.censusName(ofHeader: "occupancy [%]"), "occupancy")
        XCTAssertEqual(DailyCSV.censusName(ofHeader: "occupancy"), "occupancy", "older folders' bare names")
    }

    func testTheWideLayoutHasARowPerReplicationAndAColumnPerKPI() throws {
        let results = try results()
        var text = ""
        WideReplicationsCSV.write(results) { text += $0 }
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 1 + results.count)
        let header = lines[0].split(separator: ",").map(String.init)
        XCTAssertEqual(header.count, 1 + results[0].kpis.count)
        XCTAssertEqual(header[0], "replication")
        let column = try XCTUnwrap(header.firstIndex(of: "oap.placements"))
        let value = try XCTUnwrap(results[1].value("oap.placements"))
        XCTAssertEqual(lines[2].split(separator: ",", omittingEmptySubsequences: false)[column], Substring(NumberFormat.cell(value)))
        XCTAssertTrue(header.contains { $0.hasPrefix("oap.placements [area:") }, "strata in brackets: \(header)")
    }

    func testSummaryAndComparisonCarryLabels() throws {
        let results = try results()
        let summary = SummaryCSV.text(Summary(results), scenario: "north").split(separator: "\n")
        XCTAssertTrue(summary.contains { $0.hasPrefix("north,costs.total,Total cost,all,GBP per year,2,") })
        let comparison = ComparisonCSV.text([("same", Comparison.paired(base: results, variant: results))]).split(separator: "\n")
        XCTAssertTrue(comparison.contains { $0.hasPrefix("same,oap.placements,Out-of-area placements started,all,per year,") })
    }
}
