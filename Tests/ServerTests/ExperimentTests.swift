import XCTest

/// Runs, comparisons and sweeps started over HTTP: progress as server-sent events, the
/// result set and report written, refusals with the reason.
final class ExperimentTests: XCTestCase {
    var desk: DeskFixture!

    override func setUpWithError() throws { desk = try DeskFixture() }
    override func tearDown() { desk.stop() }

    /// Two replications of a month with no warm-up: quick, and enough for every file.
    private let short = #""replications": 2, "horizon_days": 30, "warmup_days": 0"#

    func testARunStreamsItsProgressThenItsFiguresAndWritesTheReport() throws {
        let id = try desk.start(#"{"kind": "run", "scenarios": ["library/beds-minus-10"], \#(short)}"#)
        let events = try desk.events(of: id)
        XCTAssertEqual(events.last?.name, "done")
        let done = events.filter { $0.name == "progress" }.compactMap { $0.data["done"] as? Int }
        XCTAssertEqual(done, done.sorted(), "progress only goes forward")
        XCTAssertEqual(events.last?.data["done"] as? Int, 2)
        let files = try XCTUnwrap(events.last?.data["files"] as? [String])
        for name in ["report.html", "summary.csv", "summary.json", "replications.csv", "scenario.yaml", "manifest.json"] {
            XCTAssertTrue(files.contains(name), "\(name) in \(files)")
        }
        // The headline figure is the one summary.csv holds.
        let results = try XCTUnwrap(events.last?.data["results"] as? [[String: Any]])
        XCTAssertEqual(results.first?["name"] as? String, "beds-minus-10")
        let placements = try XCTUnwrap((results[0]["kpis"] as? [[String: Any]])?.first { $0["id"] as? String == "oap.placements" })
        let csv = try desk.fetch("GET", "/api/runs/\(id)/files/summary.csv")
        XCTAssertEqual(csv.headers["content-type"], "text/csv; charset=utf-8")
        // scenario,kpi,label,stratum,...: this row's label holds no comma.
        let rows = csv.text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let row = try XCTUnwrap(rows.first { $0[1] == "oap.placements" && $0[3] == "all" })
        let mean = row[rows[0].firstIndex(of: "mean")!]
        XCTAssertEqual(placements["mean"] as? Double, Double(mean))

        let report = try desk.fetch("GET", "/api/runs/\(id)/files/report.html")
        XCTAssertEqual(report.status, 200)
        XCTAssertTrue(report.text.contains("beds-minus-10"))
        let download = try desk.fetch("GET", "/api/runs/\(id)/files/scenario.yaml?download=1")
        XCTAssertEqual(download.headers["content-disposition"], "attachment; filename=\"scenario.yaml\"")
        XCTAssertTrue(download.text.contains("beds: 64"))
        XCTAssertEqual(try desk.fetch("GET", "/api/runs/\(id)/files/..%2Fsecret").status, 404)
        XCTAssertEqual(try desk.fetch("GET", "/api/runs/\(id)").json()["status"] as? String, "done")
    }

    func testAComparisonWritesTheComparisonAndItsReportWithEveryScenario() throws {
        let id = try desk.start(#"{"kind": "compare", "scenarios": ["library/baseline", "library/beds-minus-10", "library/beds-plus-10"], \#(short)}"#)
        let end = try XCTUnwrap(try desk.events(of: id).last)
        XCTAssertEqual(end.name, "done")
        XCTAssertEqual((end.data["results"] as? [[String: Any]])?.map { $0["name"] as? String }, ["baseline", "beds-minus-10", "beds-plus-10"])
        let files = try XCTUnwrap(end.data["files"] as? [String])
        XCTAssertTrue(files.contains("comparison.csv") && files.contains("changes.csv") && files.contains("report.html"), "\(files)")
        let changes = try desk.fetch("GET", "/api/runs/\(id)/files/changes.csv").text
        XCTAssertTrue(changes.contains("areas.Northshire.beds"), changes)
        for scenario in ["baseline", "beds-minus-10", "beds-plus-10"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: desk.results.appendingPathComponent("\(id)/\(scenario)/summary.csv").path))
        }
    }

    func testASweepChartsOneLeverAtEachValue() throws {
        let id = try desk.start(#"{"kind": "sweep", "scenarios": ["library/baseline"], "vary": "areas.Northshire.beds=70...80:5", \#(short)}"#)
        let end = try XCTUnwrap(try desk.events(of: id).last)
        XCTAssertEqual(end.name, "done")
        XCTAssertEqual(end.data["total"] as? Int, 6)
        let sweep = try desk.fetch("GET", "/api/runs/\(id)/files/sweep.csv").text
        for beds in ["70", "75", "80"] { XCTAssertTrue(sweep.contains("\n\(beds),"), "beds \(beds) in\n\(sweep)") }
        let chart = try desk.fetch("GET", "/api/runs/\(id)/files/sweep.svg")
        XCTAssertEqual(chart.headers["content-type"], "image/svg+xml")
        XCTAssertTrue(chart.text.contains("<svg"))
    }

    func testAPlanNamesTheCheapestBedsMeetingItsTargetAndWritesItsPage() throws {
        // Both points meet a loose target, so the cheaper one (fewer beds) is recommended.
        let id = try desk.start(#"{"kind": "plan", "scenarios": ["library/baseline"], "vary": "areas.Northshire.beds=84...90:6", "targets": ["oap.bed_days<=20000"], \#(short)}"#)
        let end = try XCTUnwrap(try desk.events(of: id).last)
        XCTAssertEqual(end.name, "done")
        XCTAssertEqual(end.data["total"] as? Int, 2, "two points to decide")
        let answer = try XCTUnwrap(end.data["answer"] as? String)
        XCTAssertTrue(answer.contains("Recommended: areas.Northshire.beds = 84"), answer)
        XCTAssertEqual(end.data["files"] as? [String], ["plan.csv", "plan.html", "plan.json"])
        // A bound below 0 for a KPI that never is: accepted, and the answer says nothing meets it.
        let impossible = try desk.start(#"{"kind": "plan", "scenarios": ["library/baseline"], "vary": "areas.Northshire.beds=84...90:6", "targets": ["oap.bed_days<=-5"], \#(short)}"#)
        let none = try XCTUnwrap(try desk.events(of: impossible).last?.data["answer"] as? String)
        XCTAssertTrue(none.contains("No point of the grid meets every target"), none)
        XCTAssertTrue(none.contains("Out-of-area bed days is never below 0, so no value can meet a target of at most -5.00."), none)
        let refused = try desk.fetch("POST", "/api/runs", body: #"{"kind": "plan", "scenarios": ["library/baseline"], "vary": "areas.Northshire.beds=84...90:6", "targets": ["oap.bed_days=<1000"]}"#)
        XCTAssertEqual(refused.status, 400)
        XCTAssertEqual(try refused.problems().count, 1, refused.text)
    }

    func testRequestsThatCannotRunAreRefusedWithTheReason() throws {
        func refusal(_ body: String) throws -> (Int, [String]) {
            let response = try desk.fetch("POST", "/api/runs", body: body)
            return (response.status, try response.problems())
        }
        let one = try refusal(#"{"kind": "compare", "scenarios": ["library/baseline"]}"#)
        XCTAssertEqual(one.0, 400)
        XCTAssertEqual(one.1, ["a comparison takes 2 to 4 scenarios, the base first; 1 given"])
        let many = try refusal(#"{"kind": "run", "scenarios": ["library/baseline"], "replications": 0}"#)
        XCTAssertEqual(many.0, 422)
        XCTAssertEqual(many.1, ["replications: expected an integer in [1, 1000] here (the command line runs more), got 0"])
        let missing = try refusal(#"{"kind": "run", "scenarios": ["library/no-such"]}"#)
        XCTAssertEqual(missing.0, 422)
        XCTAssertTrue(missing.1[0].hasPrefix("no scenario 'library/no-such'"), missing.1[0])
        let misspelt = try refusal(#"{"kind": "sweep", "scenarios": ["library/baseline"], "vary": "areas.Northshire.bedz=70...80:5"}"#)
        XCTAssertEqual(misspelt.0, 422)
        XCTAssertTrue(misspelt.1[0].hasSuffix("areas.Northshire.bedz: unknown key 'bedz'; did you mean 'beds'?"), misspelt.1[0])
        let noKind = try refusal(#"{"scenarios": ["library/baseline"]}"#)
        XCTAssertEqual(noKind.1, ["the request has no 'kind'"])
        XCTAssertEqual(try desk.fetch("GET", "/api/runs/nothing-like-this").status, 404)
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: desk.results.path)) ?? [], [], "nothing was written")
    }

    /// A bad number in a box is refused by the setting's name and range, never replaced by
    /// the scenario's own value (a run of 10 replications when -3 was typed).
    func testBadNumericRunSettingsAreRefusedByNameAndRangeAndStartNothing() throws {
        func refusal(_ settings: String) throws -> (Int, [String]) {
            let response = try desk.fetch("POST", "/api/runs", body: #"{"kind": "run", "scenarios": ["library/baseline"], \#(settings)}"#)
            return (response.status, try response.problems())
        }
        let replications = "replications: expected an integer in [1, 1000] here (the command line runs more), got"
        XCTAssertEqual(try refusal(#""replications": -3"#).1, ["\(replications) -3"])
        XCTAssertEqual(try refusal(#""replications": "-3""#).1, ["\(replications) -3"])
        XCTAssertEqual(try refusal(#""replications": "abc""#).1, ["\(replications) 'abc'"])
        XCTAssertEqual(try refusal(#""replications": """#).1, ["\(replications) nothing"])
        XCTAssertEqual(try refusal(#""replications": 2.5"#).1, ["\(replications) 2.5"])
        XCTAssertEqual(try refusal(#""replications": 1001"#).1, ["\(replications) 1001"])
        XCTAssertEqual(try refusal(#""seed": -1"#).1, ["seed: expected an integer in [0, \(Int.max)], got -1"])
        XCTAssertEqual(try refusal(#""horizon_days": 0"#).1, ["horizon_days: expected a number in [1, 36500], got 0"])
        XCTAssertEqual(try refusal(#""warmup_days": "soon""#).1, ["warmup_days: expected a number in [0, 36500], got 'soon'"])
        // Every bad setting at once, each by name, and each a 422.
        let all = try refusal(#""replications": "abc", "seed": "x", "horizon_days": -1, "warmup_days": 1e9"#)
        XCTAssertEqual(all.0, 422)
        XCTAssertEqual(all.1.map { String($0.prefix { $0 != ":" }) }, ["replications", "seed", "horizon_days", "warmup_days"])
        for body in [#""replications": -3"#, #""replications": "abc""#, #""seed": -1"#] {
            XCTAssertEqual(try refusal(body).0, 422, body)
        }
        XCTAssertEqual((try desk.fetch("GET", "/api/runs").json()["runs"] as? [[String: Any]])?.count, 0, "nothing was started")
    }

    /// A sweep or plan from the page's boxes is refused in the page's words: the boxes From,
    /// To and Step, the lever's label, what was typed; each refusal says which box to mark.
    func testALeverFromThePageIsRefusedInThePagesWordsWithItsBox() throws {
        func refusal(_ kind: String, from: String, to: String, step: String, bound: String = "1000") throws -> ([String], [String]) {
            let body = #"{"kind": "\#(kind)", "scenarios": ["library/baseline"], "lever": {"key": "areas.Northshire.beds", "#
                + #""label": "beds (beds)", "from": "\#(from)", "to": "\#(to)", "step": "\#(step)"}, "#
                + #""target": {"kpi": "oap.bed_days", "label": "Out-of-area bed days a year", "bound": "\#(bound)"}}"#
            let response = try desk.fetch("POST", "/api/runs", body: body)
            XCTAssertEqual(response.status, 400, response.text)
            let fields = try response.json()["fields"] as? [[String: Any]] ?? []
            return (try response.problems(), fields.compactMap { $0["key"] as? String })
        }
        XCTAssertEqual(try refusal("sweep", from: "", to: "94", step: "4").0,
                       ["beds (beds): From: expected a number such as 80 or 0.25, got nothing"])
        XCTAssertEqual(try refusal("sweep", from: "", to: "94", step: "4").1, ["lever.from"])
        let below = try refusal("plan", from: "94", to: "54", step: "4")
        XCTAssertEqual(below.0, ["beds (beds): To (54) is below From (94): the plan tries beds (beds) from the From value up to the To value"])
        XCTAssertEqual(below.1, ["lever.to"])
        let zero = try refusal("sweep", from: "70", to: "80", step: "0")
        XCTAssertEqual(zero.0, ["beds (beds): Step: expected a number above 0, got 0"])
        XCTAssertEqual(zero.1, ["lever.step"])
        let unreached = try refusal("sweep", from: "80", to: "95", step: "10")
        XCTAssertEqual(unreached.1, ["lever.step"])
        XCTAssertTrue(unreached.0[0].hasPrefix("beds (beds): 95 is not reached from 80 in steps of 10"), unreached.0[0])
        XCTAssertTrue(unreached.0[0].hasSuffix("choose a Step that divides To minus From"), unreached.0[0])
        let many = try refusal("sweep", from: "10", to: "100", step: "1")
        XCTAssertEqual(many.0, ["beds (beds): From 10 to 100 in steps of 1 is 91 values; a sweep here tries at most 41: use a larger Step"])
        // A plan's bound as typed, not as a number box would have emptied it.
        let bound = try refusal("plan", from: "84", to: "90", step: "6", bound: "abc")
        XCTAssertEqual(bound.0, ["Target Out-of-area bed days a year at most: expected a number such as 1000, got 'abc'"])
        XCTAssertEqual(bound.1, ["target.bound"])
        for (problems, _) in [try refusal("sweep", from: "", to: "94", step: "4"), below, zero, unreached, many, bound] {
            for problem in problems {
                for word in ["--vary", "--target", "LOW", "HIGH", "STEP"] { XCTAssertFalse(problem.contains(word), problem) }
            }
        }
        XCTAssertEqual((try desk.fetch("GET", "/api/runs").json()["runs"] as? [[String: Any]])?.count, 0, "nothing was started")
    }
}
