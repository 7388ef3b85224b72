@testable import CrisisExperiment
import CrisisReport
import CrisisScenario
import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

final class SweepTests: XCTestCase {
    func testGridValuesKeepTheWrittenPrecision() throws {
        let grid = try SweepGrid.parse(["areas.Northshire.beds=80...120:5", "crht.admissions_avoided_share=0.1...0.3:0.05"])
        XCTAssertEqual(grid.axes[0].values, ["80", "85", "90", "95", "100", "105", "110", "115", "120"])
        XCTAssertEqual(grid.axes[1].values, ["0.10", "0.15", "0.20", "0.25", "0.30"])
        XCTAssertEqual(grid.points.count, 45)
        // The last key varies fastest.
        XCTAssertEqual(grid.assignments(at: grid.points[0]),
                       ["areas.Northshire.beds=80", "crht.admissions_avoided_share=0.10"])
        XCTAssertEqual(grid.values(at: grid.points[1]), ["80", "0.15"])
        XCTAssertEqual(grid.values(at: grid.points[5]), ["85", "0.10"])
        XCTAssertEqual(try SweepGrid.parse(["x.y=-1...1:0.5"]).axes[0].values, ["-1.0", "-0.5", "0.0", "0.5", "1.0"])
        XCTAssertEqual(try SweepGrid.parse(["x.y=3...3:1"]).axes[0].values, ["3"])
    }

    func testExplainsEveryBadVary() {
        func problems(_ arguments: [String]) -> [String] {
            do {
                _ = try SweepGrid.parse(arguments)
                return []
            } catch {
                return error.problems
            }
        }
        XCTAssertEqual(problems(["beds80...120:5"]),
                       ["--vary beds80...120:5: expected KEY=LOW...HIGH:STEP, e.g. areas.Northshire.beds=80...120:5"])
        XCTAssertEqual(problems(["a.b=80-120:5"]), ["--vary a.b=80-120:5: expected LOW...HIGH:STEP after '=', e.g. 80...120:5; got '80-120:5'"])
        XCTAssertEqual(problems(["a.b=80...120"]), ["--vary a.b=80...120: missing :STEP after HIGH, e.g. a.b=80...120:5"])
        XCTAssertEqual(problems(["a.b=8O...1e3:x"]), [
            "--vary a.b=8O...1e3:x: LOW '8O' is not a plain decimal number (like 80, -2 or 0.25)",
            "--vary a.b=8O...1e3:x: HIGH '1e3' is not a plain decimal number (like 80, -2 or 0.25)",
            "--vary a.b=8O...1e3:x: STEP 'x' is not a plain decimal number (like 80, -2 or 0.25)",
        ])
        XCTAssertEqual(problems(["a.b=1...2:0"]), ["--vary a.b=1...2:0: STEP must be greater than 0, got 0"])
        XCTAssertEqual(problems(["a.b=2...1:1"]), ["--vary a.b=2...1:1: HIGH (1) is below LOW (2)"])
        XCTAssertEqual(problems(["a.b=80...120:15"]), [
            "--vary a.b=80...120:15: 120 is not reached from 80 in steps of 15 (the values would stop at 110); "
                + "choose a STEP that divides HIGH - LOW",
        ])
        XCTAssertEqual(problems(["a..b=1...2:1"]),
                       ["--vary a..b=1...2:1: 'a..b' is not a key path; expected one like areas.Northshire.beds or crht.assessors"])
        XCTAssertTrue(problems(["run.seed=1...2:1"]).first?.contains("run.seed cannot be varied") ?? false)
        XCTAssertEqual(problems(["a.b=1...2:1", "a.b=3...4:1"]), ["--vary a.b=3...4:1: a.b is already varied by an earlier --vary"])
        XCTAssertEqual(problems(["a.b=1...200:1", "c.d=1...100:1"]),
                       ["the grid has 20000 points (200 x 100); at most 10000: use larger steps or fewer parameters"])
        XCTAssertEqual(problems([]), ["give at least one --vary KEY=LOW...HIGH:STEP, e.g. --vary areas.Northshire.beds=80...120:5"])
    }

    func testUnitsComeFromTheSchema() {
        XCTAssertEqual(ScenarioSchema.unit(ofKeyPath: "areas.Northshire.beds"), "beds")
        XCTAssertEqual(ScenarioSchema.unit(ofKeyPath: "areas.0.sources.police.per_year"), "per year")
        XCTAssertEqual(ScenarioSchema.unit(ofKeyPath: "beds.delay_days.mean"), "days")
        XCTAssertNil(ScenarioSchema.unit(ofKeyPath: "beds.delay_days.cv"))
        XCTAssertEqual(ScenarioSchema.unit(ofKeyPath: "crht.hours.hours_per_day"), "hours")
        XCTAssertNil(ScenarioSchema.unit(ofKeyPath: "crht.admissions_avoided_share"))
        XCTAssertNil(ScenarioSchema.unit(ofKeyPath: "no.such.key"))
    }

    func testCSVHasARowPerPointKPIAndStratum() throws {
        let plan = try SmallExperiments.sweep(["areas.Northshire.beds=90...100:10"], replications: 2)
        let sweep = SweepResult(identity: plan.identity, results: try plan.run(threads: 2))
        let lines = SweepCSV.text(sweep).split(separator: "\n")
        XCTAssertEqual(lines[0], "areas.Northshire.beds,kpi,label,stratum,unit,replications,mean,sd,ci95_low,ci95_high")
        XCTAssertEqual(lines.count, 1 + 2 * sweep.summaries[0].kpis.count)
        XCTAssertTrue(lines[1].hasPrefix("90,presentations.community,Community referrals to the crisis team,all,per year,2,"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("100,beds.occupancy,Bed occupancy,all,%,2,") })
        // More beds, less occupancy: the sweep measures what it varies.
        let occupancy = sweep.series("beds.occupancy").map { $0!.mean }
        XCTAssertGreaterThan(occupancy[0], occupancy[1])
        // The table is headed by the KPI's label and reads values as run and compare do:
        // shares with a % sign, intervals as "a to b" cut at what the KPI can be.
        let table = sweep.table()
        XCTAssertTrue(table.hasPrefix("Bed occupancy [beds.occupancy]\nareas.Northshire.beds"), table)
        let occupancyBlock = table.components(separatedBy: "\n\n")[0]
        let rows = occupancyBlock.split(separator: "\n").dropFirst(2)
        XCTAssertEqual(rows.count, 2, table)
        for row in rows {
            XCTAssertEqual(row.filter { $0 == "%" }.count, 3, "mean and both ends in per cent: \(row)")
            XCTAssertTrue(row.contains("% to "), String(row))
        }
    }

    /// With no bed open, occupancy is undefined at that point: an empty cell, never `nan`,
    /// and the table says so rather than printing a number.
    func testUndefinedValuesAreEmptyCells() throws {
        let plan = try SmallExperiments.sweep(["areas.Northshire.beds=0...10:10"], replications: 2)
        let sweep = SweepResult(identity: plan.identity, results: try plan.run(threads: 2))
        let csv = SweepCSV.text(sweep)
        XCTAssertNil(csv.range(of: "nan", options: .caseInsensitive), csv)
        XCTAssertTrue(csv.contains("\n0,beds.occupancy,Bed occupancy,all,%,0,,,,\n"), csv)
        XCTAssertTrue(csv.contains("\n10,beds.occupancy,Bed occupancy,all,%,2,"), csv)
        XCTAssertTrue(sweep.table().contains("(undefined in every replication)"), sweep.table())
    }

    /// The chart of a real sweep is well-formed, self-contained SVG: a title, a panel headed by
    /// the KPI's label, axis titles with units, one line per value of the second key, and a
    /// point and a whisker per grid point. (Its axes are tested on made-up sweeps in
    /// SweepChartTests.)
    func testChartHasTitleAxesLinesAndWhiskers() throws {
        let plan = try SmallExperiments.sweep(["areas.Northshire.beds=90...110:10", "crht.assessors=2...3:1"],
                                              replications: 3, kpis: ["beds.occupancy"])
        let sweep = SweepResult(identity: plan.identity, results: try plan.run(threads: 2))
        let svg = SweepChart.svg(sweep)
        func count(_ text: String) -> Int { svg.components(separatedBy: text).count - 1 }
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(svg.contains("<title>baseline: sweep of areas.Northshire.beds x crht.assessors</title>"))
        XCTAssertTrue(svg.contains(">areas.Northshire.beds (beds)</text>"))
        XCTAssertTrue(svg.contains(" class=\"panel-heading\">Bed occupancy</text>"), "the panel is headed by the label")
        XCTAssertTrue(svg.contains(">Bed occupancy (%)</text>"))
        XCTAssertFalse(svg.contains(">beds.occupancy"), "the identifier stays in sweep.csv")
        XCTAssertTrue(svg.contains(">crht.assessors = 2</text>") && svg.contains(">crht.assessors = 3</text>"))
        XCTAssertFalse(svg.contains("href") || svg.contains("<script"), "self-contained")
        XCTAssertEqual(count("class=\"mark point\""), 6, "a point per grid point")
        XCTAssertEqual(count("class=\"mark line\""), 2, "a line per value of the second key")
        XCTAssertEqual(count("class=\"mark interval\""), 6, "a whisker per point")
        final class Delegate: NSObject, XMLParserDelegate {
            var elements = 0
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) { elements += 1 }
        }
        let parser = XMLParser(data: Data(svg.utf8))
        let delegate = Delegate()
        parser.delegate = delegate
        XCTAssertTrue(parser.parse(), "well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
        XCTAssertGreaterThan(delegate.elements, 20)
    }
}
