@testable import CrisisExperiment
import CrisisModel
import XCTest

/// Tables and summaries for people: labels, sections, money and shares as such, intervals
/// cut at what a KPI can be, and changes in words.
final class KPITextTests: XCTestCase {
    /// Replications of three KPIs: placements, occupancy (%), and the total cost.
    private func results(placements: [Double], occupancy: [Double], cost: [Double]) -> [ReplicationResult] {
        placements.indices.map { r in
            ReplicationResult(replication: r, kpis: [
                KPIValue(id: "beds.occupancy", stratum: "all", value: occupancy[r]),
                KPIValue(id: "oap.placements", stratum: "all", value: placements[r]),
                KPIValue(id: "oap.placements", stratum: "area:North", value: placements[r] / 2),
                KPIValue(id: "costs.total", stratum: "all", value: cost[r]),
            ], eventsHandled: 1, daily: nil, trace: [])
        }
    }

    private lazy var base = results(placements: [80, 75, 85, 78, 82], occupancy: [93, 94, 95, 93.5, 94.5],
                                    cost: [19.4e6, 19.5e6, 19.3e6, 19.45e6, 19.35e6])
    private lazy var fewerBeds = results(placements: [220, 210, 230, 215, 225], occupancy: [93.2, 94.1, 95.3, 93.4, 94.7],
                                         cost: [20.1e6, 20.2e6, 20.0e6, 20.15e6, 20.05e6])

    func testValuesReadAsMoneySharesAndCounts() {
        XCTAssertEqual(KPIText.value(19_412_000, unit: "GBP per year"), "GBP 19.4m")
        XCTAssertEqual(KPIText.value(412_300, unit: "GBP per year"), "GBP 412k")
        XCTAssertEqual(KPIText.value(8_500, unit: "GBP per year"), "GBP 8.50k")
        XCTAssertEqual(KPIText.change(1_024, unit: "GBP per year"), "+GBP 1.02k", "the form of 31.0k beside it")
        XCTAssertEqual(KPIText.value(640, unit: "GBP per year"), "GBP 640")
        XCTAssertEqual(KPIText.value(93.71, unit: "%"), "93.7%")
        XCTAssertEqual(KPIText.value(1830.4, unit: "per year"), "1,830")
        XCTAssertEqual(KPIText.value(.nan, unit: "hours"), "-")
        XCTAssertEqual(KPIText.change(-2.5, unit: "%"), "-2.50 points")
        XCTAssertEqual(KPIText.change(400_000, unit: "GBP per year"), "+GBP 400k")
        XCTAssertEqual(KPIText.change(141, unit: "per year"), "+141")
        XCTAssertEqual(KPIText.change(-1e-9, unit: "per year"), "±0.00", "no direction for a change that rounds to 0")
        XCTAssertEqual(KPIText.change(-0.2, unit: "GBP per year"), "±GBP 0")
        XCTAssertEqual(KPIText.changeInterval(lower: 541_000, upper: 541_000, unit: "GBP per year"), "+GBP 541k")
        XCTAssertEqual(KPIText.changeInterval(lower: -3, upper: 2, unit: "per year"), "-3.00 to +2.00")
        XCTAssertEqual(KPIText.remainingUnit("GBP per year"), "per year")
        XCTAssertEqual(KPIText.remainingUnit("% of time"), "of time")
    }

    func testIntervalsOfLevelsStopAtZeroAndAHundredPercent() {
        let count = KPISummary(id: "oap.placements", stratum: "all", unit: "per year", values: [0, 0, 0, 40])
        XCTAssertLessThan(count.lower, 0)
        XCTAssertTrue(KPIText.interval(count).hasPrefix("0.00 to "), KPIText.interval(count))
        let share = KPISummary(id: "beds.occupancy", stratum: "all", unit: "%", values: [99, 100, 100, 95])
        XCTAssertGreaterThan(share.upper, 100)
        XCTAssertTrue(KPIText.interval(share).hasSuffix(" to 100%"), KPIText.interval(share))
        // A change may be negative: its interval is not cut.
        let change = KPISummary(id: "oap.placements", stratum: "all", unit: "per year", values: [-10, 5, -20, 2])
        XCTAssertTrue(KPIText.changeInterval(change).hasPrefix("-"), KPIText.changeInterval(change))
    }

    func testTheRunTableGroupsLabelledKPIsBySectionAndFilters() {
        let summary = Summary(base)
        let table = KPITable.render(summary)
        let lines = table.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { !$0.hasPrefix(" ") }, ["Local beds", "Out-of-area placements", "Costs"],
                       "sections in catalogue order, as headings")
        XCTAssertTrue(lines.contains { $0.hasPrefix("  Out-of-area placements started") && $0.hasSuffix("per year") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("  Total cost") && $0.contains("GBP 19.4m") })
        XCTAssertFalse(table.contains("oap.placements"), "labels, not identifiers")
        let filtered = KPITable.render(summary, selection: .init(["oap"])).split(separator: "\n")
        XCTAssertEqual(filtered.count, 3, "heading row, section, one KPI: \(filtered)")
        XCTAssertEqual(KPITable.Selection(["oap", "beds.occupancy", "bogus", "oap.place"]).unknown, ["bogus", "oap.place"])
    }

    func testSeveralVariantsShareOneTable() {
        let oneVariant = Comparison.paired(base: base, variant: fewerBeds)
        let same = Comparison.paired(base: base, variant: base)
        let table = KPITable.render(comparisons: [("beds-minus-10", oneVariant), ("same", same)], baseName: "baseline")
        let lines = table.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0].split(separator: " "), ["baseline", "beds-minus-10", "same", "unit"], "a column per scenario")
        let oap = try! XCTUnwrap(lines.first { $0.hasPrefix("  Out-of-area placements started") })
        XCTAssertTrue(oap.contains("220 (+140*)"), oap)
        XCTAssertTrue(oap.contains("80.0 (±0.00)"), oap)
        XCTAssertEqual(lines.dropFirst().filter { $0.hasPrefix("  ") }.count, 3, "one row per KPI, not one table per variant")
        // One variant keeps the interval column.
        XCTAssertTrue(KPITable.render(comparisons: [("beds-minus-10", oneVariant)], baseName: "baseline")
            .contains("95% CI of change"))
    }

    func testTheSummaryInWordsLeadsWithTheLargestClearChange() {
        let comparison = Comparison.paired(base: base, variant: fewerBeds)
        let text = ComparisonSummary.text(variant: "beds-minus-10", base: "baseline", comparison)
        XCTAssertEqual(text[0], "In words, beds-minus-10 against baseline (whole system; paired 95% intervals):")
        let oap = try! XCTUnwrap(comparison.first { $0.id == "oap.placements" && $0.stratum == "all" })
        XCTAssertEqual(text[1], "  - Out-of-area placements started: up from 80.0 to 220 a year (+140; 95% CI "
            + "\(KPIText.changeInterval(oap.difference))).")
        // Every replication's cost differs by exactly 700k: no interval to give, and the sentence says why.
        XCTAssertEqual(text[2], "  - Total cost: up from GBP 19.4m to GBP 20.1m a year (+GBP 700k in every replication).")
        XCTAssertEqual(text.last, "  No detectable change: Bed occupancy (more replications narrow the intervals).")
        XCTAssertEqual(ComparisonSummary.text(variant: "same", base: "baseline", Comparison.paired(base: base, variant: base))[1],
                       "  No KPI changed by more than the replications can detect.")
    }

    /// Every clear headline change is spelled out, however many minor KPIs moved more: a
    /// planner's trial found a cost change folded into "and 34 smaller clear changes".
    func testEveryHeadlineChangeIsSpelledOut() {
        struct Row: PairedChange {
            let id: String
            var stratum = "all", unit = "per year"
            var baseMean = 100.0, variantMean = 200.0, change = 100.0, changeLower = 50.0, changeUpper = 150.0
            var isClear = true
        }
        let minor = (0..<10).map { Row(id: "minor.\($0)", baseMean: 1, variantMean: 50, change: 49) }
        let headlines = KPISection.headlines.prefix(ComparisonSummary.listed + 1).map { Row(id: $0) }
        let shown = ComparisonSummary.spelledOut(ComparisonSummary.clearChanges(minor + headlines)).map(\.id)
        XCTAssertEqual(shown, headlines.map(\.id), "all seven headlines, no minor KPI")
        let two = ComparisonSummary.spelledOut(ComparisonSummary.clearChanges(minor + headlines.prefix(2))).map(\.id)
        XCTAssertEqual(two.count, ComparisonSummary.listed)
        XCTAssertEqual(Array(two.prefix(2)), headlines.prefix(2).map(\.id))
    }

    /// Headline KPIs lead the summary even when a minor KPI moved more in relative terms.
    func testHeadlineChangesComeFirst() {
        func results(_ placements: Double, _ repatriations: Double) -> [ReplicationResult] {
            (0..<5).map { r in
                ReplicationResult(replication: r, kpis: [
                    KPIValue(id: "oap.placements", stratum: "all", value: placements + Double(r)),
                    KPIValue(id: "oap.repatriations", stratum: "all", value: repatriations + Double(r % 2)),
                ], eventsHandled: 1, daily: nil, trace: [])
            }
        }
        let comparison = Comparison.paired(base: results(100, 1), variant: results(120, 10))
        XCTAssertEqual(ComparisonSummary.clearChanges(comparison).map(\.id), ["oap.placements", "oap.repatriations"],
                       "placements (+20%) before repatriations (+900%): placements is a headline KPI")
    }

    /// An identifier takes that KPI alone; a group every KPI it starts (an outside audit got
    /// five KPIs from --kpi costs.nhs).
    func testASelectionByIdentifierIsExact() {
        let nhs = KPITable.Selection(["costs.nhs"])
        XCTAssertTrue(nhs.includes("costs.nhs"))
        XCTAssertFalse(nhs.includes("costs.nhs.local_beds"))
        XCTAssertTrue(KPITable.Selection(["costs.nhs."]).includes("costs.nhs.local_beds"), "a trailing dot asks for the group")
        XCTAssertTrue(KPITable.Selection(["costs"]).includes("costs.nhs.local_beds"))
        XCTAssertFalse(KPITable.Selection(["cost"]).includes("costs.total"), "groups are whole words")
    }

    /// A selected KPI with no value in any replication is named under the table, not dropped silently.
    func testSelectedKPIsUndefinedEverywhereAreNamed() {
        let results = (0..<3).map { r in
            ReplicationResult(replication: r, kpis: [KPIValue(id: "oap.placements", stratum: "all", value: Double(r)),
                                                    KPIValue(id: "oap.length_days.mean", stratum: "all", value: .nan)],
                              eventsHandled: 1, daily: nil, trace: [])
        }
        let table = KPITable.render(Summary(results), selection: .init(["oap"]))
        XCTAssertTrue(table.hasSuffix("\nUndefined in every replication, so not shown: Mean length of an out-of-area placement "
            + "(oap.length_days.mean) (nothing to measure them on in this run; a longer horizon or more replications may give "
            + "them values)"), table)
        let compared = KPITable.render(comparison: Comparison.paired(base: results, variant: results), baseName: "a",
                                       variantName: "b", selection: .init(["oap"]))
        XCTAssertTrue(compared.contains("Undefined in every replication, so not shown: Mean length of an out-of-area placement"))
    }
}

/// Counts and days in running text read as a person writes them.
final class RunningTextTests: XCTestCase {
    func testDaysAndCounts() {
        XCTAssertEqual(NumberFormat.days(365), "365")
        XCTAssertEqual(NumberFormat.days(10), "10", "never 10.0 days")
        XCTAssertEqual(NumberFormat.days(0.5), "0.50")
        XCTAssertEqual(NumberFormat.days(36_500), "36,500")
        XCTAssertEqual(NumberFormat.count(1, "replication"), "1 replication")
        XCTAssertEqual(NumberFormat.count(4, "replication"), "4 replications")
    }
}
