import CrisisModel
import Foundation
import XCTest

/// docs/MODEL.md ends with the KPI table generated from the catalogue, so the definitions a
/// reader sees are the ones the code reports.
final class DocumentationTests: XCTestCase {
    func testModelDocumentationListsEveryKPI() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/MODEL.md").standardized
        let text = try String(contentsOf: url, encoding: .utf8)
        let marker = "## KPIs\n"
        let head = try XCTUnwrap(text.range(of: marker), "docs/MODEL.md has no KPIs section")
        let catalogue = try XCTUnwrap(text[head.upperBound...].range(of: "\n### ") ?? text[head.upperBound...].range(of: "\n|"))
        let intro = text[head.upperBound...catalogue.lowerBound]
        let expected = String(text[..<head.upperBound]) + intro + CrisisSystem.kpiMarkdownTable()
        if ProcessInfo.processInfo.environment["CRISIS_SIM_REGENERATE_DOCS"] == "1" {
            try expected.write(to: url, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(text, expected, "docs/MODEL.md is out of date: run CRISIS_SIM_REGENERATE_DOCS=1 swift test --filter DocumentationTests")
    }
}
