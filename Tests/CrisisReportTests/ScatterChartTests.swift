@testable import CrisisReport
import XCTest

/// plan.html's cost frontier: the target's label is read in full, whatever the target.
final class ScatterChartTests: XCTestCase {
    /// A chart of points far right of a target near 0, where a label ending at the line would
    /// start left of the y axis, and of a target at the far right.
    func testTheTargetLabelStaysInsideThePlot() throws {
        for (target, points) in [(1_000.0, [(40_000.0, 9e6), (60_000.0, 8e6)]), (60_000.0, [(100.0, 9e6), (60_000.0, 8e6)])] {
            let label = "target: at most \(Int(target))"
            let chart = ScatterChart(
                groups: [.init(name: "feasible", colour: "#000000", filled: true, points: points.map { ($0.0, $0.1, "") })],
                marked: nil, xTitle: "Out-of-area bed days a year", yTitle: "Total cost a year (GBP)",
                xReference: ReferenceLevel(value: target, label: label), yMoney: true).render()
            let svg = chart.body
            let text = try XCTUnwrap(svg.components(separatedBy: "<text").first { $0.contains("reference-label") })
            func attribute(_ name: String) throws -> String {
                try XCTUnwrap(text.components(separatedBy: "\(name)=\"").dropFirst().first?.components(separatedBy: "\"").first)
            }
            XCTAssertEqual(try attribute("text-anchor"), "start")
            let x = try XCTUnwrap(Double(try attribute("x")))
            // The y axis's gridlines start at the plot's left edge.
            let yAxis = try XCTUnwrap(svg.components(separatedBy: "<g class=\"axis y-axis\"><line x1=\"").dropFirst().first?
                .components(separatedBy: "\"").first.flatMap(Double.init))
            XCTAssertGreaterThan(x, yAxis, "the label starts right of the y axis (target \(target))")
            XCTAssertLessThanOrEqual(x + SVG.textWidth(label, size: 13), chart.width, "and ends inside the picture (target \(target))")
        }
    }
}
