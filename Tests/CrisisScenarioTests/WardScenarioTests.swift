import CrisisModel
import XCTest
@testable import CrisisScenario

/// Beds split by ward type: the keys compile into the model's wards, and every way of getting
/// them inconsistent is reported at its place in the file.
final class WardScenarioTests: XCTestCase {
    func testWardSplitScenarioCompilesItsWards() throws {
        let scenario = try load(Paths.scenario("ward-split.yaml"))
        let configuration = scenario.configuration
        XCTAssertEqual(configuration.wardTypes.map(\.name), ["male", "female", "picu"])
        XCTAssertEqual(configuration.areas[0].wards.map(\.beds), [40, 28, 6])
        XCTAssertEqual(configuration.areas[0].beds, 74)
        let baseline = try load(Paths.scenario("baseline.yaml"))
        XCTAssertEqual(baseline.configuration.wardTypes.map(\.name), ["acute"], "absent: one ward type for everyone")
        XCTAssertTrue(baseline.configuration.areas[0].wards.isEmpty)
    }

    func testInconsistentWardsAreReportedWhereTheyAre() throws {
        let folder = try TemporaryDirectory()
        try folder.write("base.yaml", try String(contentsOfFile: Paths.scenario("baseline.yaml"), encoding: .utf8))
        let path = try folder.write("wards.yaml", """
            extends: base.yaml
            cohorts:
              - {name: women, share: 1, ward_type: femail}
            ward_types:
              - {name: male, share: 0.5}
              - {name: female, share: 0.5}
            set:
              areas.Northshire.bed_schedule: [{at_day: 10, beds: 90}]
              areas.Northshire.wards: [{name: male, beds: 50}, {name: female, beds: 40}]

            """)
        let found = problems(path)
        XCTAssertEqual(found.count, 3, "\(found)")
        XCTAssertTrue(found.contains { $0.keyPath == "cohorts.0.ward_type" && $0.message.contains("did you mean 'female'") }, "\(found)")
        XCTAssertTrue(found.contains { $0.keyPath == "areas.0.beds" && $0.message == "expected the wards' total, 90, got 74" }, "\(found)")
        XCTAssertTrue(found.contains { $0.keyPath == "areas.0.bed_schedule" && $0.message.contains("each ward its own") }, "\(found)")
    }

    func testWardsNeedWardTypes() throws {
        let folder = try TemporaryDirectory()
        try folder.write("base.yaml", try String(contentsOfFile: Paths.scenario("baseline.yaml"), encoding: .utf8))
        let path = try folder.write("wards.yaml", """
            extends: base.yaml
            set:
              areas.Northshire.wards: [{name: acute, beds: 100}]

            """)
        let found = problems(path)
        XCTAssertTrue(found.contains { $0.keyPath == "areas.0.wards" && $0.message.contains("no top-level `ward_types`") }, "\(found)")
    }
}
