import CrisisExperiment
import CrisisModel
import CrisisTestSupport
import XCTest

/// A value undefined in a run (a share with no denominator, an interval of one replication)
/// is an empty cell in every CSV file, never `nan` text, which spreadsheets take for a word.
/// An outside audit found `nan` in summary.csv, replications.csv and comparison.csv.
final class UndefinedCellTests: XCTestCase {
    private func result(_ replication: Int, _ values: [String: Double]) -> ReplicationResult {
        ReplicationResult(replication: replication,
                          kpis: values.keys.sorted().map { KPIValue(id: $0, stratum: "all", value: values[$0]!) },
                          eventsHandled: 0, daily: nil, trace: [])
    }

    func testSummaryAndReplicationsLeaveUndefinedCellsEmpty() {
        // "a" is undefined in every replication, "b" in one of two, "c" in none.
        let results = [result(0, ["a": .nan, "b": .nan, "c": 1]), result(1, ["a": .nan, "b": 4, "c": 3])]
        let summary = SummaryCSV.text(Summary(results), scenario: "baseline").split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(summary[1], "baseline,a,a,all,,0,,,,,")
        XCTAssertEqual(summary[2], "baseline,b,b,all,,1,4.0,,,,", "one replication: a mean, no spread or interval")
        XCTAssertTrue(summary[3].hasPrefix("baseline,c,c,all,,2,2.0,1.4142135623730951,"), String(summary[3]))
        XCTAssertEqual(ReplicationsCSV.text(results), """
            replication,kpi,stratum,value
            0,a,all,
            0,b,all,
            0,c,all,1.0
            1,a,all,
            1,b,all,4.0
            1,c,all,3.0

            """)
    }

    /// A KPI identical in both scenarios has no variance reduction; one undefined in either
    /// has no difference at all.
    func testComparisonLeavesUndefinedCellsEmpty() {
        let base = [result(0, ["a": .nan, "same": 2]), result(1, ["a": .nan, "same": 5])]
        let variant = [result(0, ["a": 1, "same": 2]), result(1, ["a": 2, "same": 5])]
        let csv = ComparisonCSV.text([("v", Comparison.paired(base: base, variant: variant))])
        XCTAssertEqual(csv, """
            \(ComparisonCSV.header)
            v,a,a,all,,,1.5,,,,no,
            v,same,same,all,,3.5,3.5,0.0,0.0,0.0,no,

            """)
    }

    /// The class, not the examples: a run whose beds are all closed (occupancy undefined
    /// every day and overall) and too short for any out-of-area placement to end writes no
    /// `nan` in any file, and leaves those cells empty.
    func testARunWithUndefinedKPIsWritesNoNaNText() throws {
        let runner = ReplicationRunner(configuration: Configurations.area(beds: 0), length: RunLength(warmupDays: 5, horizonDays: 10),
                                       seed: 3, dailySeries: true)
        let results = try runner.run([0, 1], threads: 1)
        let files = ["summary.csv": SummaryCSV.text(Summary(results), scenario: "baseline"), "replications.csv": ReplicationsCSV.text(results),
                     "daily.csv": DailyCSV.text(results, warmupDays: 0), "distributions.csv": DistributionsCSV.text(results),
                     "comparison.csv": ComparisonCSV.text([("same", Comparison.paired(base: results, variant: results))])]
        for (name, text) in files {
            XCTAssertFalse(text.lowercased().contains("nan"), "\(name):\n\(text)")
        }
        XCTAssertTrue(files["summary.csv"]!.contains("\nbaseline,beds.occupancy,Bed occupancy,all,%,0,,,,,\n"), files["summary.csv"]!)
        XCTAssertTrue(files["replications.csv"]!.contains("\n1,beds.occupancy,all,\n"), files["replications.csv"]!)
        let daily = files["daily.csv"]!.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let occupancy = try XCTUnwrap(daily[0].firstIndex(of: "occupancy [%]"))
        XCTAssertEqual(Set(daily.dropFirst().map { $0[occupancy] }), [""])
    }
}
