@testable import CrisisReport
import CrisisExperiment
import CrisisScenario
import XCTest

/// The report opens with what each variant changes and what changed, in words.
final class BriefSectionTests: XCTestCase {
    func testAComparisonOpensWithTheChangesAndTheFindings() throws {
        var content = SyntheticResults.comparison()
        content.scenarios[1].resolvedScenario = "description: \"Ten more beds & a note <b>\"\nrun:\n  seed: 42\n"
        content.changes = ["more-beds": [ScenarioChange(key: "areas.North.beds", baseValue: "74", variantValue: "84",
                                                        source: "Scenarios/more-beds.yaml:8", comment: "Closing the gap (2014)")]]
        let page = ReportPage.html(content)
        let brief = try XCTUnwrap(page.range(of: "<section id=\"brief\">").map { String(page[$0.lowerBound...]) })
        XCTAssertTrue(page.range(of: "<section id=\"brief\">")!.lowerBound < page.range(of: "<section id=\"comparison\">")!.lowerBound,
                      "the brief comes first")
        XCTAssertTrue(brief.contains("<h3>more-beds against base</h3>"))
        XCTAssertTrue(brief.contains("<p class=\"description\">Ten more beds &amp; a note &lt;b&gt;</p>"), "escaped description")
        XCTAssertTrue(brief.contains("<caption>What more-beds changes from base</caption>"))
        XCTAssertTrue(brief.contains("<th scope=\"row\">areas.North.beds</th><td class=\"text\">74</td><td class=\"text\">84</td>"
            + "<td class=\"text\">Closing the gap (2014) (Scenarios/more-beds.yaml:8)</td>"), brief)
        XCTAssertTrue(brief.contains("<li>Bed occupancy: down from 93.5% to 88.5% (-5.00 points; 95% CI -6.00 points to -4.00 points).</li>"),
                      brief)
        XCTAssertTrue(brief.contains("<li>No detectable change: Out-of-area placements started"), brief)
        XCTAssertTrue(brief.contains("<details class=\"parameters\"><summary>Every setting of more-beds, as it ran</summary>"
            + "<pre>description: &quot;Ten more beds &amp; a note &lt;b&gt;&quot;"), brief)
        XCTAssertFalse(brief.contains("Every setting of base,"), "no scenario.yaml, nothing folded for it")
        // The terminal's precision warning is in the report too: 120 [100, 140] is ±17%.
        XCTAssertTrue(brief.contains("<div class=\"explain precision\"><p>Precision: "), brief)
        XCTAssertTrue(brief.contains("<li>Out-of-area placements started (oap.placements): ±17%; about "), brief)
    }

    func testAVariantThatChangesNothingSaysSo() {
        let html = BriefSection.changesTable([], base: "base", variant: "same")
        XCTAssertEqual(html, "<p>same sets nothing that differs from base.</p>\n")
    }
}
