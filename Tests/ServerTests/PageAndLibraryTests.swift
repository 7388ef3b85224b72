import XCTest

/// The page and the scenario library, as a browser first asks for them.
final class PageAndLibraryTests: XCTestCase {
    var desk: DeskFixture!

    override func setUpWithError() throws { desk = try DeskFixture() }
    override func tearDown() { desk.stop() }

    func testThePageIsOneSelfContainedDocument() throws {
        let page = try desk.fetch("GET", "/")
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(page.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(page.text.contains("<h1>Planner's desk</h1>"))
        XCTAssertTrue(page.text.contains("<style>") && page.text.contains("<script>"), "style and script are in the page")
        // Nothing is loaded from anywhere else: no script, style, image or frame by address.
        for pattern in ["src=\"http", "href=\"http", "src='http", "@import", "<link", "//cdn", "https://"] {
            XCTAssertFalse(page.text.contains(pattern), "the page refers to \(pattern)")
        }
    }

    func testTheLibraryListsShippedScenariosWithTheirDescriptionsAndNoneOfTheStudies() throws {
        let response = try desk.fetch("GET", "/api/scenarios")
        XCTAssertEqual(response.status, 200)
        let scenarios = try XCTUnwrap(try response.json()["scenarios"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: scenarios.map { ($0["id"] as! String, $0) })
        XCTAssertEqual(byID["library/beds-minus-10"]?["description"] as? String, "Ten fewer local beds (64 instead of 74).")
        XCTAssertEqual(byID["library/baseline"]?["path"] as? String, DeskFixture.library + "/baseline.yaml")
        let shipped = try FileManager.default.contentsOfDirectory(atPath: DeskFixture.library).filter { $0.hasSuffix(".yaml") }
        XCTAssertEqual(Set(byID.keys), Set(shipped.map { "library/" + $0.dropLast(5) }), "every top-level file, nothing from studies/")
        XCTAssertTrue(scenarios.allSatisfy { ($0["problems"] as? [String])?.isEmpty == true })
    }

    func testTheFormGivesEachSettingItsUnitRangeDefaultAndTheSourceBesideIt() throws {
        let form = try desk.fetch("GET", "/api/scenarios/library/beds-minus-10").json()
        let fields = try XCTUnwrap(form["fields"] as? [[String: Any]])
        let beds = try XCTUnwrap(fields.first { $0["key"] as? String == "areas.Northshire.beds" })
        XCTAssertEqual(beds["value"] as? String, "64")
        XCTAssertEqual(beds["unit"] as? String, "beds")
        XCTAssertEqual(beds["input"] as? String, "integer")
        XCTAssertEqual(beds["minimum"] as? Double, 0)
        XCTAssertEqual(beds["maximum"] as? Double, 100_000)
        XCTAssertEqual(beds["when_absent"] as? String, "required")
        XCTAssertEqual(beds["set_at"] as? String, DeskFixture.library + "/beds-minus-10.yaml:8")
        XCTAssertEqual(beds["source"] as? String,
                       "baseline 74 - 10; above ~85% occupancy shortages begin (Bagust, Place & Posnett 1999)")
        // A value the variant inherits names the base's line and comment.
        let community = try XCTUnwrap(fields.first { $0["key"] as? String == "areas.Northshire.sources.community.per_year" })
        XCTAssertEqual(community["set_at"] as? String, DeskFixture.library + "/baseline.yaml:50")
        XCTAssertEqual(community["source"] as? String, "calibrated to the bands at the top")
        let outOfHours = try XCTUnwrap(fields.first { $0["key"] as? String == "crht.out_of_hours" })
        XCTAssertEqual(outOfHours["choices"] as? [String], ["wait", "bypass"])
        let generator = try XCTUnwrap(fields.first { $0["key"] as? String == "run.generator" })
        XCTAssertEqual(generator["when_absent"] as? String, "default mrg32k3a")
    }

    /// A key of a section the scenario leaves out (an area's `start`) is neither required
    /// nor defaulted until the section is given: the form says so, not "required".
    func testKeysOfASectionLeftOutSayWhatItsAbsenceMeans() throws {
        func whenAbsent(_ scenario: String, _ key: String) throws -> String? {
            let fields = try XCTUnwrap(try desk.fetch("GET", "/api/scenarios/library/\(scenario)").json()["fields"] as? [[String: Any]])
            return try XCTUnwrap(fields.first { $0["key"] as? String == key })["when_absent"] as? String
        }
        XCTAssertEqual(try whenAbsent("baseline", "areas.Northshire.start.beds_occupied"),
                       "required once `areas.Northshire.start` is given; not given now: an empty system (use a warm-up)")
        XCTAssertEqual(try whenAbsent("baseline", "areas.Northshire.start.out_of_area"),
                       "default 0 once `areas.Northshire.start` is given; not given now: an empty system (use a warm-up)")
        // An optional key's own note says what its absence means, its section given or not.
        XCTAssertEqual(try whenAbsent("baseline", "areas.Northshire.services.crht_assessors"), "`crht.assessors`")
        // Given, the section's keys are required or defaulted as the schema says.
        XCTAssertEqual(try whenAbsent("start-from-today", "areas.Northshire.start.beds_occupied"), "required")
        XCTAssertEqual(try whenAbsent("start-from-today", "areas.Northshire.start.out_of_area"), "default 0")
    }

    func testAScenarioFileDownloadsAsItIsAndAnUnknownOneIsNotFound() throws {
        let file = try desk.fetch("GET", "/api/scenarios/library/beds-minus-10/file")
        XCTAssertEqual(file.status, 200)
        XCTAssertEqual(file.headers["content-disposition"], "attachment; filename=\"beds-minus-10.yaml\"")
        XCTAssertEqual(file.body, FileManager.default.contents(atPath: DeskFixture.library + "/beds-minus-10.yaml"))
        for path in ["/api/scenarios/library/no-such", "/api/scenarios/elsewhere/baseline", "/api/scenarios/library/..%2Fbaseline"] {
            XCTAssertEqual(try desk.fetch("GET", path).status, 404, path)
        }
    }
}
