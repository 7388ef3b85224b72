import CrisisExperiment
import CrisisModel
@testable import CrisisReport
import Foundation
import XCTest

/// sweep.svg on made-up sweeps whose every value is known: where its axes start and stop,
/// how their ticks read, what its panels are called, and the same bytes for the same sweep.
final class SweepChartTests: XCTestCase {
    /// A sweep of `areas.Northshire.beds` (and `crht.assessors` when `assessors` is not empty)
    /// whose replications give each KPI the values `values(beds, kpi)`.
    static func sweep(beds: [String], assessors: [String] = [], kpis: [String],
                      values: (String, String) -> [Double]) -> SweepResult {
        let keys = ["areas.Northshire.beds"] + (assessors.isEmpty ? [] : ["crht.assessors"])
        let points = beds.flatMap { bed in assessors.isEmpty ? [[bed]] : assessors.map { [bed, $0] } }
        let replications = values(beds[0], kpis[0]).count
        let identity = ExperimentIdentity(
            kind: .sweep, seed: 42, generator: .mrg32k3a, replications: replications, warmupDays: 365, horizonDays: 365,
            groups: points.map { WorkGroup(label: $0.joined(separator: ", "), scenario: "Scenarios/baseline.yaml",
                                           scenarioHash: "0123456789abcdef", summary: "", point: $0) },
            sweep: SweepSettings(keys: keys, units: keys.map { $0.hasSuffix("beds") ? "beds" : "" }, kpis: kpis,
                                 stratum: "all", baseScenarioHash: "0123456789abcdef"))
        let results = points.map { point in
            (0..<replications).map { r in
                ReplicationResult(replication: r, kpis: kpis.map { KPIValue(id: $0, stratum: "all", value: values(point[0], $0)[r]) },
                                  eventsHandled: 0, daily: nil, trace: [])
            }
        }
        return SweepResult(identity: identity, results: results)
    }

    /// The panel of `kpi` in `svg`.
    func panel(_ kpi: String, in svg: String) throws -> String {
        try XCTUnwrap(svg.components(separatedBy: "<g class=\"panel\" data-kpi=\"\(kpi)\"").dropFirst().first?
            .components(separatedBy: "<g class=\"panel\"").first)
    }

    func yTicks(_ panel: String) throws -> [String] {
        let axis = try XCTUnwrap(panel.components(separatedBy: "class=\"axis y-axis\"").dropFirst().first?.components(separatedBy: "</g>").first)
        return axis.components(separatedBy: "class=\"tick\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    /// A count near zero: the interval of the last point reaches below zero, the axis does not.
    func testCountAxisStartsAtZeroAndIntervalsAreCutThere() throws {
        let svg = SweepChart.svg(Self.sweep(beds: ["80", "90", "100"], kpis: ["oap.placements"]) { beds, _ in
            beds == "100" ? [0, 0, 3] : beds == "90" ? [20, 30, 40] : [120, 140, 160]
        })
        let panel = try panel("oap.placements", in: svg)
        let ticks = try yTicks(panel)
        XCTAssertEqual(ticks.first, "0")
        XCTAssertFalse(ticks.contains { $0.hasPrefix("-") }, "\(ticks)")
        XCTAssertFalse(panel.contains("not at zero"))
        // The last whisker's true interval is kept in its data, and drawn from the axis.
        let whisker = try XCTUnwrap(panel.components(separatedBy: "<path").last { $0.contains("class=\"mark interval\"") })
        let low = try XCTUnwrap(whisker.components(separatedBy: "data-low=\"").dropFirst().first?.prefix { $0 != "\"" })
        XCTAssertLessThan(try XCTUnwrap(Double(low)), 0, "1 ± 4.3")
        let bottom = try XCTUnwrap(panel.components(separatedBy: "class=\"frame\"").first?.components(separatedBy: "d=\"M").last?
            .components(separatedBy: "V").dropFirst().first?.prefix { $0 != "H" })
        let d = try XCTUnwrap(whisker.components(separatedBy: "d=\"M").dropFirst().first?.prefix { $0 != "V" })
        XCTAssertEqual(d.split(separator: ",").last.map(String.init), String(bottom), "the whisker starts at the axis")
    }

    /// Money in millions: tick labels read as the tables write pounds (1m, 1.5m, 500k), never
    /// a run of digits.
    func testMoneyTicksReadAsTheTablesWritePounds() throws {
        let svg = SweepChart.svg(Self.sweep(beds: ["80", "90"], kpis: ["costs.total"]) { beds, _ in
            beds == "80" ? [400_000, 500_000, 600_000] : [2_400_000, 2_500_000, 2_600_000]
        })
        let ticks = try yTicks(try panel("costs.total", in: svg))
        XCTAssertEqual(ticks.first, "0", "a cost near zero in proportion starts at zero")
        XCTAssertEqual(ticks, ["0", "500k", "1m", "1.5m", "2m", "2.5m", "3m"])
        for tick in ticks {
            XCTAssertNil(tick.range(of: "[0-9]{4}", options: .regularExpression), "\(tick) has no separators")
        }
    }

    /// Values in a narrow band far from zero: the axis zooms in (never below zero) and the
    /// legend says where it starts.
    func testNarrowBandZoomsAndSaysSo() throws {
        let svg = SweepChart.svg(Self.sweep(beds: ["80", "90"], kpis: ["admissions.total"]) { beds, _ in
            beds == "80" ? [740, 750, 760] : [745, 755, 765]
        })
        let panel = try panel("admissions.total", in: svg)
        let ticks = try yTicks(panel)
        let lowest = try XCTUnwrap(ticks.first.flatMap { Double($0.replacingOccurrences(of: ",", with: "")) })
        XCTAssertGreaterThan(lowest, 0)
        XCTAssertTrue(panel.contains(">the axis starts at \(ticks[0]), not at zero</text>"))
    }

    /// Occupancy: labelled by name, the 85% line drawn, the axis stopping at 100% though the
    /// intervals of a full ward pass it.
    func testOccupancyPanelHasThe85LineAndStopsAt100() throws {
        let svg = SweepChart.svg(Self.sweep(beds: ["60", "70", "80"], kpis: ["beds.occupancy"]) { beds, _ in
            beds == "60" ? [99, 100, 100] : beds == "70" ? [90, 96, 99] : [80, 86, 92]
        })
        let panel = try panel("beds.occupancy", in: svg)
        XCTAssertEqual(try yTicks(panel).last, "100")
        XCTAssertTrue(panel.contains("class=\"reference\" data-value=\"85.0\""))
        XCTAssertTrue(panel.contains(">85%: RCPsych recommended maximum</text>"))
        XCTAssertTrue(panel.contains("class=\"panel-heading\">Bed occupancy</text>"))
        XCTAssertTrue(panel.contains(">Bed occupancy (%)</text>"), "the y axis is titled by label and unit")
        XCTAssertTrue(panel.contains("<title>areas.Northshire.beds = 80: 86.0% (95% CI 71.1% to 100%)</title>"),
                      "tooltips read as the report's tables do")
        XCTAssertFalse(panel.contains(">beds.occupancy"), "the identifier stays in sweep.csv")
    }

    /// Two keys: a line per value of the second, a point and a whisker at every grid point,
    /// each line's key drawn as its marks are.
    func testTwoKeySweepsHaveWhiskersAtEveryPoint() throws {
        let sweep = Self.sweep(beds: ["60", "70", "80"], assessors: ["3", "4"], kpis: ["time_to_bed.mean"]) { beds, _ in
            let base = 100 - Double(beds)!
            return [base, base + 2, base + 4]
        }
        let panel = try panel("time_to_bed.mean", in: SweepChart.svg(sweep))
        func count(_ marker: String) -> Int { panel.components(separatedBy: marker).count - 1 }
        XCTAssertEqual(count("class=\"mark line\""), 2)
        XCTAssertEqual(count("class=\"mark point\""), 6)
        XCTAssertEqual(count("class=\"mark interval\""), 6)
        XCTAssertEqual(count("class=\"key interval\""), 2)
        XCTAssertTrue(panel.contains(">crht.assessors = 3</text>") && panel.contains(">crht.assessors = 4</text>"))
        XCTAssertTrue(panel.contains("stroke=\"#0072B2\" class=\"key interval\"")
            && panel.contains("stroke=\"#0072B2\" class=\"mark interval\""))
    }

    func testSameSweepSameBytes() {
        func make() -> String {
            SweepChart.svg(Self.sweep(beds: ["60", "70"], assessors: ["3", "4"], kpis: ["beds.occupancy", "oap.placements"]) { beds, kpi in
                kpi == "beds.occupancy" ? [90, 91, 95] : [Double(beds)!, 3, 7]
            })
        }
        XCTAssertEqual(Array(make().utf8), Array(make().utf8))
    }
}
