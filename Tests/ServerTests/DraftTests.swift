import CrisisScenario
import XCTest

/// Editing a scenario in the form: checked as `validate` checks a file, saved as a file that
/// extends the one edited and sets only what changed.
final class DraftTests: XCTestCase {
    var desk: DeskFixture!

    override func setUpWithError() throws { desk = try DeskFixture() }
    override func tearDown() { desk.stop() }

    private func draft(_ values: [String: String], name: String = "fewer-beds") -> String {
        let encoded = try! JSONSerialization.data(withJSONObject: ["base": "library/baseline", "name": name, "values": values])
        return String(decoding: encoded, as: UTF8.self)
    }

    func testABadDraftIsRefusedWithTheValidatorsOwnMessagesForTheFileItWouldBeKeyedAsTheForm() throws {
        let response = try desk.fetch("POST", "/api/drafts/check", body: draft(["areas.Northshire.beds": "-3", "crht.assessors": "two"]))
        XCTAssertEqual(response.status, 422)
        let problems = try response.problems()
        // The same file, written by hand and loaded as `crisis-sim validate` loads it, has
        // exactly these problems, file, line, column and message included; the area's key is
        // named as the form names it (validate walks the list by index).
        let path = desk.mine.appendingPathComponent("fewer-beds.yaml").path
        let text = """
            extends: \(DeskFixture.library)/baseline.yaml
            description: by hand
            # two lines, so the set lines fall where the desk's file has them
            #
            set:
              areas.Northshire.beds: -3   # was 74
              crht.assessors: two   # was 4
            """
        try FileManager.default.createDirectory(at: desk.mine, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var expected: [String] = []
        do { _ = try ScenarioLoader.load(path) } catch {
            expected = error.problems.map {
                ScenarioProblem(location: $0.location, keyPath: $0.keyPath == "areas.0.beds" ? "areas.Northshire.beds" : $0.keyPath,
                                message: $0.message).description
            }
        }
        XCTAssertEqual(problems, expected)
        XCTAssertEqual(problems.count, 2)
        XCTAssertTrue(problems[0].hasPrefix("\(path):6:"), problems[0])
        XCTAssertTrue(problems[0].hasSuffix(": areas.Northshire.beds: expected an integer in [0, 100000], got -3"), problems[0])
        XCTAssertTrue(problems[1].contains("crht.assessors: expected an integer in [0, 10000], got two"), problems[1])
        // Each again by the key of its row in the form, for the page to mark it.
        let fields = try XCTUnwrap(try response.json()["fields"] as? [[String: String]])
        XCTAssertEqual(fields, [["key": "areas.Northshire.beds", "message": "expected an integer in [0, 100000], got -3"],
                                ["key": "crht.assessors", "message": "expected an integer in [0, 10000], got two"]])
        // A check leaves nothing behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: desk.mine.path), ["fewer-beds.yaml"])
    }

    func testASavedDraftExtendsTheBaseAndSetsOnlyTheChangedKeys() throws {
        let base = try ScenarioLoader.load(DeskFixture.library + "/baseline.yaml")
        // crht.assessors is sent at the base's own value: not a change, so not written.
        let assessors = try XCTUnwrap(ScenarioChanges.number(at: "crht.assessors", in: base))
        let response = try desk.fetch("POST", "/api/drafts",
                                      body: draft(["areas.Northshire.beds": "84", "crht.assessors": String(Int(assessors))]))
        XCTAssertEqual(response.status, 201, response.text)
        XCTAssertEqual(try response.json()["id"] as? String, "mine/fewer-beds")
        let path = desk.mine.appendingPathComponent("fewer-beds.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("areas.Northshire.beds: 84   # was 74 (\(DeskFixture.library)/baseline.yaml:47)"), text)
        XCTAssertFalse(text.contains("crht.assessors"), text)
        let saved = try ScenarioLoader.load(path)
        XCTAssertEqual(saved.files.count, 2, "the saved file extends the base")
        XCTAssertEqual(ScenarioChanges.between(base, saved).map(\.key), ["areas.Northshire.beds"])
        XCTAssertEqual(ScenarioChanges.number(at: "areas.Northshire.beds", in: saved), 84)

        // It is in the library now, and a second save under its name keeps the first.
        let list = try desk.fetch("GET", "/api/scenarios").json()["scenarios"] as? [[String: Any]]
        XCTAssertTrue(list?.contains { $0["id"] as? String == "mine/fewer-beds" } == true)
        let again = try desk.fetch("POST", "/api/drafts", body: draft(["areas.Northshire.beds": "90"]))
        XCTAssertEqual(again.status, 409)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text)
    }

    func testAProblemInsideADistributionMarksItsRowAndNamesTheParameter() throws {
        let response = try desk.fetch("POST", "/api/drafts/check",
                                      body: draft(["beds.informal_stay_days": "{type: lognormal, mean: -2, cv: 1}"]))
        XCTAssertEqual(response.status, 422, response.text)
        let fields = try XCTUnwrap(try response.json()["fields"] as? [[String: String]])
        XCTAssertFalse(fields.isEmpty, response.text)
        XCTAssertTrue(fields.allSatisfy { $0["key"] == "beds.informal_stay_days" }, "\(fields)")
        XCTAssertTrue(fields.contains { $0["message"]?.hasPrefix("mean: ") == true }, "\(fields)")
        XCTAssertFalse(try response.problems().joined().contains(".check-"), "no hidden file is named")
    }

    func testSavingADraftThatChangesNothingIsRefusedAndWritesNothing() throws {
        let base = try ScenarioLoader.load(DeskFixture.library + "/baseline.yaml")
        let beds = try XCTUnwrap(ScenarioChanges.number(at: "areas.Northshire.beds", in: base))
        // With no name too (the page offers none until something changes): that nothing would
        // be saved is said first, not that the name is empty.
        for values in [[:], ["areas.Northshire.beds": String(Int(beds))], ["areas.Northshire.beds": " \(Int(beds)) "]]
            .flatMap({ values in ["unchanged", ""].map { (values, $0) } }) {
            let response = try desk.fetch("POST", "/api/drafts", body: draft(values.0, name: values.1))
            XCTAssertEqual(response.status, 422, "\(values): \(response.text)")
            XCTAssertEqual(try response.problems(), ["nothing to save: every value is the one library/baseline has; "
                + "change a setting first (a file that changes nothing would be a copy of library/baseline)"])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: desk.mine.appendingPathComponent("unchanged.yaml").path))
    }

    func testTheCheckSaysWhenTheNameIsTakenAndSavingNeverOverwrites() throws {
        let free = try desk.fetch("POST", "/api/drafts/check", body: draft(["areas.Northshire.beds": "84"]))
        XCTAssertEqual(free.status, 200, free.text)
        XCTAssertEqual(try free.json()["name_taken"] as? Bool, false)
        XCTAssertEqual(try desk.fetch("POST", "/api/drafts", body: draft(["areas.Northshire.beds": "84"])).status, 201)
        let path = desk.mine.appendingPathComponent("fewer-beds.yaml").path
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        // The same name again: still a valid scenario, but the name is taken, and Save refuses it.
        let taken = try desk.fetch("POST", "/api/drafts/check", body: draft(["areas.Northshire.beds": "90"]))
        XCTAssertEqual(taken.status, 200, taken.text)
        XCTAssertEqual(try taken.json()["name_taken"] as? Bool, true)
        let again = try desk.fetch("POST", "/api/drafts", body: draft(["areas.Northshire.beds": "90"]))
        XCTAssertEqual(again.status, 409)
        XCTAssertEqual(try again.problems(), ["\(path) exists already: give the new scenario another name"])
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), saved)
    }

    func testNamesValuesAndKeysThatCannotGoIntoAFileAreRefusedByName() throws {
        let badName = try desk.fetch("POST", "/api/drafts/check", body: draft(["areas.Northshire.beds": "84"], name: "../escape"))
        XCTAssertEqual(badName.status, 422)
        XCTAssertEqual(try badName.problems(), ["name '../escape': use letters, digits, - and _ only (it names the file and its results)"])
        let injected = try desk.fetch("POST", "/api/drafts/check", body: draft(["areas.Northshire.beds": "84\nrun.seed: 1"]))
        XCTAssertEqual(injected.status, 422)
        XCTAssertTrue(try injected.problems()[0].hasPrefix("areas.Northshire.beds: "))
        XCTAssertEqual((try injected.json()["fields"] as? [[String: String]])?.map { $0["key"] }, ["areas.Northshire.beds"])
        let unknown = try desk.fetch("POST", "/api/drafts/check", body: draft(["areas.Northshire.bedz": "84"]))
        XCTAssertEqual(try unknown.problems(), ["areas.Northshire.bedz: not a setting the form edits in library/baseline"])
        let notJSON = try desk.fetch("POST", "/api/drafts/check", body: "beds=84")
        XCTAssertEqual(notJSON.status, 400)
        XCTAssertFalse(FileManager.default.fileExists(atPath: desk.mine.appendingPathComponent("fewer-beds.yaml").path))
    }
}
