import CrisisExperiment
import CrisisModel
import XCTest

/// summary.csv as spreadsheets and pandas read it.
final class SummaryCSVTests: XCTestCase {
    /// A KPI that never happened has mean 0, so its half-width relative to the mean is
    /// undefined: an empty cell, where `nan` text used to be.
    func testRelativeHalfWidthOfAZeroMeanIsAnEmptyCell() {
        let results = [1.0, 3.0].enumerated().map { replication, value in
            ReplicationResult(replication: replication,
                              kpis: [KPIValue(id: "oap.placements", stratum: "all", value: value),
                                     KPIValue(id: "s136.breaches", stratum: "all", value: 0)],
                              eventsHandled: 0, daily: nil, trace: [])
        }
        let lines = SummaryCSV.text(Summary(results), scenario: "baseline").split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[0], "scenario,kpi,label,stratum,unit,replications,mean,sd,ci95_low,ci95_high,relative_half_width")
        XCTAssertTrue(lines[1].hasPrefix("baseline,oap.placements,Out-of-area placements started,all,"), String(lines[1]))
        XCTAssertFalse(lines[1].hasSuffix(","), "a defined relative half-width is written: \(lines[1])")
        XCTAssertEqual(lines[2], "baseline,s136.breaches,s136.breaches,all,,2,0.0,0.0,0.0,0.0,",
                       "a KPI outside the catalogue is labelled by its identifier")
    }
}
