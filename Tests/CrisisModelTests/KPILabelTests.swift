import CrisisModel
import XCTest

/// Every KPI has a plain-English label and a section, so tables and charts never show a
/// bare identifier to a planner.
final class KPILabelTests: XCTestCase {
    let kpis = CrisisSystem.kpiDefinitions

    func testEveryKPIHasItsOwnLabel() {
        for kpi in kpis {
            XCTAssertFalse(kpi.label.isEmpty, kpi.id)
            XCTAssertNotEqual(kpi.label, kpi.id, "a label is not the identifier")
            XCTAssertFalse(kpi.label.contains("_"), "\(kpi.id): a label reads as words")
            XCTAssertTrue(kpi.label.first!.isUppercase || kpi.label.first!.isNumber, "\(kpi.id): a label starts with a capital")
        }
        XCTAssertEqual(Set(kpis.map(\.label)).count, kpis.count, "two KPIs share a label")
    }

    func testSectionsFollowTheIdentifiersAndKeepReportingOrder() {
        XCTAssertEqual(kpis.first { $0.id == "oap.placements" }?.section, .outOfArea)
        XCTAssertEqual(kpis.first { $0.id == "readmissions.within_30_days" }?.section, .lengthOfStay)
        XCTAssertEqual(kpis.first { $0.id == "crht.assessments" }?.section, .crisisTeam)
        XCTAssertEqual(kpis.first { $0.id == "costs.total" }?.section, .costs)
        // Grouping by section keeps the catalogue's order: each section's KPIs are contiguous.
        let order = kpis.map(\.section)
        var seen: [KPISection] = []
        for section in order where seen.last != section {
            XCTAssertFalse(seen.contains(section), "\(section) appears in two places in the catalogue")
            seen.append(section)
        }
        XCTAssertEqual(seen, KPISection.allCases, "every section has KPIs, in the sections' order")
    }

    func testHeadlinesAreKPIsOfTheWholeSystem() {
        let ids = Set(kpis.map(\.id))
        for id in KPISection.headlines { XCTAssertTrue(ids.contains(id), id) }
        XCTAssertEqual(kpis.filter(\.isHeadline).count, KPISection.headlines.count)
    }
}
