import CrisisTestSupport
import Foundation
import XCTest

/// The tool as a planner runs it: the built `crisis-sim` binary on the scenario library,
/// checking exit status, what it prints and the bytes it writes.
final class CommandLineTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func crisisSim(_ arguments: [String]) throws -> CrisisSimTool.Outcome {
        try CrisisSimTool.run(arguments, in: Self.repository)
    }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-sim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    let short = ["--replications", "3", "--horizon-days", "60", "--warmup-days", "30", "--quiet"]

    func testValidatePrintsOneOKLinePerFile() throws {
        let outcome = try crisisSim(["validate", "Scenarios/baseline.yaml", "Scenarios/crht-24-7.yaml"])
        XCTAssertEqual(outcome.status, 0, outcome.error)
        let lines = outcome.output.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix("Scenarios/baseline.yaml: OK"), String(lines[0]))
    }

    /// A warning is printed on standard error and fails nothing.
    func testValidatePrintsWarningsWithoutFailing() throws {
        let fixture = "Tests/CrisisScenarioTests/Fixtures/bed-schedule-after-run.yaml"
        let outcome = try crisisSim(["validate", fixture])
        XCTAssertEqual(outcome.status, 0, outcome.error)
        XCTAssertTrue(outcome.output.hasPrefix("\(fixture): OK"), outcome.output)
        XCTAssertEqual(outcome.error, "\(fixture):5:68: warning: areas.0.bed_schedule.1.at_day: day 300 is not before the run "
            + "ends on day 300 (warm-up 100 + horizon 200 days), so this change never happens\n")
    }

    /// A bed change after the run ends is judged against the run the command makes: the
    /// file's own run section once decided it, whatever --horizon-days and --warmup-days said
    /// (and in compare, the variant's own section, though every scenario runs the base's).
    func testWarningsAreForTheRunThatHappens() throws {
        let folder = try temporaryFolder()
        let fixture = "Tests/CrisisScenarioTests/Fixtures/bed-schedule-after-run.yaml"
        func warnings(_ arguments: [String]) throws -> [String] {
            let outcome = try crisisSim(arguments + ["--quiet", "--output", folder.appendingPathComponent(UUID().uuidString).path])
            XCTAssertEqual(outcome.status, 0, "\(arguments): \(outcome.error)")
            return outcome.error.split(separator: "\n").map(String.init).filter { $0.contains("warning:") }
        }
        func warning(endingOn day: Int, warmup: Int, horizon: Int) -> [String] {
            ["\(fixture):5:68: warning: areas.0.bed_schedule.1.at_day: day 300 is not before the run ends on day \(day) "
                + "(warm-up \(warmup) + horizon \(horizon) days), so this change never happens"]
        }
        let one = ["--replications", "1"]
        // The file's run (100 + 200 days) never reaches day 300; one more day does.
        XCTAssertEqual(try warnings(["run", fixture] + one), warning(endingOn: 300, warmup: 100, horizon: 200))
        XCTAssertEqual(try warnings(["run", fixture, "--horizon-days", "201"] + one), [])
        XCTAssertEqual(try warnings(["run", fixture, "--warmup-days", "101"] + one), [])
        // A file whose own run reaches the change, cut short on the command line.
        XCTAssertEqual(try warnings(["run", fixture, "--set", "run.horizon_days=365", "--horizon-days", "100"] + one),
                       warning(endingOn: 200, warmup: 100, horizon: 100))
        XCTAssertEqual(try warnings(["run", fixture, "--horizon-days", "10", "--shard", "1/1"] + one),
                       warning(endingOn: 110, warmup: 100, horizon: 10))
        // compare runs the variant with the base's settings (baseline: 365 + 365 days) ...
        XCTAssertEqual(try warnings(["compare", "Scenarios/baseline.yaml", fixture, "--replications", "2", "--horizon-days", "30"]), [])
        XCTAssertEqual(try warnings(["compare", "Scenarios/baseline.yaml", fixture, "--replications", "2", "--warmup-days", "100",
                                     "--horizon-days", "150"]), warning(endingOn: 250, warmup: 100, horizon: 150))
        // ... sweep warns once for all its points, and warmup runs from day 0 for --horizon-days.
        let sweep = ["sweep", fixture, "--vary", "crht.assessors=2...3:1"] + one
        XCTAssertEqual(try warnings(sweep), warning(endingOn: 300, warmup: 100, horizon: 200))
        XCTAssertEqual(try warnings(sweep + ["--horizon-days", "201"]), [])
        let warmup = ["warmup", fixture, "--replications", "2"]
        XCTAssertEqual(try warnings(warmup + ["--horizon-days", "250"]), warning(endingOn: 250, warmup: 0, horizon: 250))
        XCTAssertEqual(try warnings(warmup + ["--horizon-days", "301"]), [])
    }

    /// Messages never crash the tool: with standard error full (2>/dev/full) a refused scenario
    /// still exits 1, not with a trap (found by an outside audit).
    func testAFullStandardErrorDoesNotCrashTheTool() throws {
        let process = Process()
        process.executableURL = CrisisSimTool.executable
        process.arguments = ["validate", "Scenarios/baseline.yaml", "--set", "areas.Northshire.beds=-1"]
        process.currentDirectoryURL = Self.repository
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 1)
    }

    /// A staff year of almost no hours made every slot cost infinitely many staff, and the
    /// summary trapped on the infinite cost: the key now has a floor.
    func testAStaffYearOfAlmostNoHoursIsRefused() throws {
        let outcome = try crisisSim(["validate", "Scenarios/baseline.yaml", "--set", "costs.staff_working_hours_per_year=1e-300"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.contains("costs.staff_working_hours_per_year: expected a number in [100, 8766]"), outcome.error)
    }

    func testInvalidScenarioExitsWithStatusOneAndALocation() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("broken.yaml")
        try "extends: \(Self.repository.path)/Scenarios/baseline.yaml\ncrht:\n  asessors: 3\n".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try crisisSim(["run", file.path] + short)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.contains("broken.yaml:3:3: crht.asessors: unknown key 'asessors'; did you mean 'assessors'?"),
                      outcome.error)
        XCTAssertTrue(outcome.error.contains("nothing was run"), outcome.error)
        XCTAssertFalse(outcome.error.contains("Fatal error"), "no crash or stack trace")
    }

    /// An outside audit's cohort `"e\u0000x"` passed validate and its run wrote NUL bytes into
    /// the CSV, HTML and table; its description `"\e[2J..."` cleared the terminal. Both are
    /// refused, and the refusal itself writes no control character.
    func testControlCharactersInScenarioTextAreRefusedAndNeverPrinted() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("escapes.yaml")
        try """
            extends: \(Self.repository.path)/Scenarios/baseline.yaml
            cohorts: [{name: "e\\u0000x", share: 1}]
            description: "\\e[2J\\e[31mall clear\\e[0m"

            """.write(to: file, atomically: true, encoding: .utf8)
        for command in [["validate", file.path], ["run", file.path, "--output", folder.appendingPathComponent("out").path] + short] {
            let outcome = try crisisSim(command)
            XCTAssertEqual(outcome.status, 1, outcome.error)
            XCTAssertEqual(outcome.output, "")
            XCTAssertTrue(outcome.error.contains("escapes.yaml:2:18: cohorts.0.name: expected a non-empty text, got \"e\\u0000x\""),
                          outcome.error)
            XCTAssertTrue(outcome.error.contains("escapes.yaml:3:14: description: expected a non-empty text, got "
                + "\"\\u001b[2J\\u001b[31mall clear\\u001b[0m\""), outcome.error)
            XCTAssertFalse(outcome.error.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F },
                           "a control character reached standard error")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "nothing was written")
    }

    /// `--set crht.assessors=` was blamed on the line of baseline.yaml that gives the key, and
    /// a bad --set with two files said the same thing twice without naming either: a --set
    /// problem names the --set, quoted, and the file it was applied to.
    func testASetProblemNamesTheSetAndTheFileItWasAppliedTo() throws {
        let empty = try crisisSim(["run", "Scenarios/baseline.yaml", "--set", "crht.assessors="] + short)
        XCTAssertEqual(empty.status, 1)
        XCTAssertEqual(empty.error, "--set 'crht.assessors=' (applied to Scenarios/baseline.yaml): crht.assessors: an empty "
            + "value removes the key, and it is required: expected an integer in [0, 10000]\n"
            + "Scenarios/baseline.yaml: 1 problem; nothing was run\n")
        let compare = try crisisSim(["compare", "Scenarios/baseline.yaml", "Scenarios/crht-24-7.yaml", "--set", "crht.asessors=3"]
                                    + short)
        XCTAssertEqual(compare.status, 1)
        XCTAssertEqual(compare.error, ["Scenarios/baseline.yaml", "Scenarios/crht-24-7.yaml"].map { file in
            "--set 'crht.asessors=3' (applied to \(file)): crht.asessors: unknown key 'asessors'; did you mean 'assessors'?\n"
                + "\(file): 1 problem; nothing was run\n"
        }.joined())
        XCTAssertEqual(compare.output, "", "nothing ran")
        let validate = try crisisSim(["validate", "Scenarios/baseline.yaml", "Scenarios/crht-24-7.yaml", "--set", "crht.assessors=-1"])
        XCTAssertEqual(validate.status, 1)
        XCTAssertEqual(validate.error, ["Scenarios/baseline.yaml", "Scenarios/crht-24-7.yaml"].map { file in
            "--set 'crht.assessors=-1' (applied to \(file)): crht.assessors: expected an integer in [0, 10000], got -1\n"
        }.joined())
        // The key as typed, an area by its name, not the index validation walks by.
        let named = try crisisSim(["validate", "Scenarios/baseline.yaml", "--set", "areas.Northshire.beds=ten"])
        XCTAssertEqual(named.error, "--set 'areas.Northshire.beds=ten' (applied to Scenarios/baseline.yaml): "
            + "areas.Northshire.beds: expected an integer in [0, 100000], got ten\n")
    }

    /// Same scenario, seed and version: the same bytes, whatever the thread count.
    func testRunWritesTheSameBytesForTheSameSeedOnAnyThreadCount() throws {
        let folder = try temporaryFolder()
        let one = folder.appendingPathComponent("one"), two = folder.appendingPathComponent("two")
        let first = try crisisSim(["run", "Scenarios/baseline.yaml", "--threads", "1", "--output", one.path] + short)
        XCTAssertEqual(first.status, 0, first.error)
        XCTAssertTrue(first.output.contains("  Admissions  "), first.output)
        let second = try crisisSim(["run", "Scenarios/baseline.yaml", "--threads", "2", "--output", two.path] + short)
        XCTAssertEqual(second.status, 0, second.error)
        for name in ["summary.json", "summary.csv", "replications.csv"] {
            let a = try Data(contentsOf: one.appendingPathComponent(name))
            let b = try Data(contentsOf: two.appendingPathComponent(name))
            XCTAssertFalse(a.isEmpty, name)
            XCTAssertEqual(a, b, "\(name) differs between runs")
        }
        let json = try String(contentsOf: one.appendingPathComponent("summary.json"), encoding: .utf8)
        XCTAssertTrue(json.contains("\"seed\": 42"), "provenance records the seed")
        XCTAssertTrue(json.contains("\"scenario_hash\": \""), "provenance records the scenario hash")
        XCTAssertTrue(json.contains("\"version\": \""), "provenance records the tool version")
    }

    /// The audit's case: `run --horizon-days 30` wrote `nan` for KPIs no replication defined,
    /// and comparison.csv `nan` for variance reductions. No file of run or compare --report
    /// holds `nan` text now: undefined values are empty cells, and the report shows "-".
    func testNoResultFileHoldsNaNText() throws {
        let folder = try temporaryFolder()
        let length = ["--replications", "3", "--horizon-days", "30", "--warmup-days", "10", "--quiet"]
        let run = try crisisSim(["run", "Scenarios/baseline.yaml", "--report", "--output", folder.appendingPathComponent("run").path]
            + length)
        XCTAssertEqual(run.status, 0, run.error)
        let compare = try crisisSim(["compare", "Scenarios/baseline.yaml", "Scenarios/crisis-house.yaml", "--report",
                                     "--output", folder.appendingPathComponent("compare").path] + length)
        XCTAssertEqual(compare.status, 0, compare.error)
        let files = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".json") || $0.hasSuffix(".html") }
        XCTAssertGreaterThanOrEqual(files.count, 14, "\(files)")
        for name in files {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            XCTAssertNil(text.range(of: "\\bnan\\b", options: [.regularExpression, .caseInsensitive]), name)
        }
        // Out-of-area placements last weeks: none ends in 30 days, so their length is undefined.
        let summary = try String(contentsOf: folder.appendingPathComponent("run/summary.csv"), encoding: .utf8)
        XCTAssertTrue(summary.contains("\nbaseline,oap.length_days.mean,Mean length of an out-of-area placement,all,days,0,,,,,\n"), summary)
        let comparison = try String(contentsOf: folder.appendingPathComponent("compare/comparison.csv"), encoding: .utf8)
        XCTAssertTrue(comparison.contains("\ncrisis-house,oap.length_days.mean,Mean length of an out-of-area placement,all,days,,,,,,no,\n"), comparison)
        let page = try String(contentsOf: folder.appendingPathComponent("compare/report.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<th scope=\"row\">Mean length of an out-of-area placement<span class=\"row-note\">oap.length_days.mean</span></th><td>-</td><td>-</td><td>-</td>"), "difference row")
    }

    func testCompareReportsPairedDifferencesAndFlagsTheClearOnes() throws {
        let folder = try temporaryFolder()
        let outcome = try crisisSim(["compare", "Scenarios/baseline.yaml", "Scenarios/beds-minus-10.yaml",
                                     "--output", folder.path, "--replications", "5", "--horizon-days", "180",
                                     "--warmup-days", "180", "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.error)
        XCTAssertTrue(outcome.output.contains("95% CI of change"), outcome.output)
        // Ten fewer beds must clearly raise out-of-area placements.
        let oap = try XCTUnwrap(outcome.output.split(separator: "\n").first { $0.hasPrefix("  Out-of-area placements started ") })
        XCTAssertTrue(oap.contains("*"), String(oap))
        XCTAssertTrue(outcome.output.contains("  Common random numbers made the paired changes' variance "), outcome.output)
        // What the variant changes, with its source, and the clear changes in words.
        XCTAssertTrue(outcome.output.contains("What beds-minus-10 changes from baseline (1 setting):\n"
            + "  areas.Northshire.beds  74 -> 64  Scenarios/beds-minus-10.yaml:8\n"
            + "      # baseline 74 - 10; above ~85% occupancy shortages begin (Bagust, Place & Posnett 1999)\n"), outcome.output)
        XCTAssertTrue(outcome.output.contains("In words, beds-minus-10 against baseline (whole system; paired 95% intervals):\n"
            + "  - "), outcome.output)
        XCTAssertTrue(outcome.output.contains("\n  - Out-of-area placements started: up from "), outcome.output)
        let csv = try String(contentsOf: folder.appendingPathComponent("comparison.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("variant,kpi,label,stratum,unit,base_mean,variant_mean,difference"), csv)
        let changes = try String(contentsOf: folder.appendingPathComponent("changes.csv"), encoding: .utf8)
        XCTAssertEqual(changes, "variant,key,base_value,variant_value,source,comment\n"
            + "beds-minus-10,areas.Northshire.beds,74,64,Scenarios/beds-minus-10.yaml:8,"
            + "\"baseline 74 - 10; above ~85% occupancy shortages begin (Bagust, Place & Posnett 1999)\"\n")
    }

    func testDescribeGivesTheOfferedLoadAndWarnsWhenItExceedsCapacity() throws {
        let fine = try crisisSim(["describe", "Scenarios/baseline.yaml"])
        XCTAssertEqual(fine.status, 0, fine.error)
        XCTAssertTrue(fine.output.contains("offered load"), fine.output)
        let overloaded = try crisisSim(["describe", "Scenarios/baseline.yaml", "--set", "areas.Northshire.beds=40"])
        XCTAssertEqual(overloaded.status, 0, overloaded.error)
        XCTAssertTrue(overloaded.output.contains("WARNING: offered load is at or above capacity"), overloaded.output)
    }

    /// `validation` reads Scenarios/studies/ from where it runs: elsewhere it refuses, and
    /// writes no document.
    func testValidationRunsOnlyFromThePackageRoot() throws {
        let folder = try temporaryFolder()
        let outcome = try CrisisSimTool.run(["validation", "--quiet"], in: folder)
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.error.contains("run crisis-sim validation from the package root"), outcome.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("docs/VALIDATION.md").path))
        let few = try crisisSim(["validation", "--replications", "1"])
        XCTAssertNotEqual(few.status, 0)
        XCTAssertTrue(few.error.contains("--replications must be an integer in [2, 100000]"), few.error)
    }

    /// `--replications auto` stops once the chosen KPI is precise enough, and says so.
    func testAutomaticReplicationsReachTheStatedPrecision() throws {
        let folder = try temporaryFolder()
        let outcome = try crisisSim(["run", "Scenarios/baseline.yaml", "--replications", "auto", "--precision", "0.05",
                                     "--precision-kpi", "admissions.total", "--horizon-days", "90", "--warmup-days", "60",
                                     "--output", folder.path, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.error)
        XCTAssertTrue(outcome.output.contains("Precision ±5.0% reached for admissions.total with "), outcome.output)
        XCTAssertTrue(outcome.output.contains("other KPIs have their own ±% in the table"), "names what it aimed at")
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8)
        let row = try XCTUnwrap(summary.split(separator: "\n").first { $0.hasPrefix("baseline,admissions.total,Admissions,all,") })
        let relative = try XCTUnwrap(Double(row.split(separator: ",").last.map(String.init) ?? ""))
        XCTAssertLessThanOrEqual(relative, 0.05)
        let refused = try crisisSim(["run", "Scenarios/baseline.yaml", "--replications", "auto"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.error.contains("--replications auto needs --precision"), refused.error)
    }

    /// `warmup` recommends a warm-up from an empty start and writes its series and chart.
    func testWarmupRecommendsAWarmupAndWritesTheChart() throws {
        let folder = try temporaryFolder()
        let outcome = try crisisSim(["warmup", "Scenarios/baseline.yaml", "--replications", "6", "--horizon-days", "600",
                                     "--output", folder.path, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.error)
        let line = try XCTUnwrap(outcome.output.split(separator: "\n").first { $0.hasPrefix("Recommended warm-up (MSER-5): ") })
        let days = try XCTUnwrap(Int(line.dropFirst("Recommended warm-up (MSER-5): ".count).prefix { $0.isNumber }))
        // The ward fills over a few mean stays (~37 days each) from empty; MSER-5 searches at most
        // half the run.
        XCTAssertGreaterThanOrEqual(days, 20)
        XCTAssertLessThanOrEqual(days, 300)
        let csv = try String(contentsOf: folder.appendingPathComponent("warmup.csv"), encoding: .utf8)
        XCTAssertEqual(csv.split(separator: "\n").count, 601, "a header and one row per day")
        let html = try String(contentsOf: folder.appendingPathComponent("warmup.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("Recommended warm-up: <strong>\(days) days</strong>"))
    }

    /// Ctrl-C during a long run stops it cleanly: status 130, a message, and no result file
    /// that looks complete.
    func testInterruptedRunStopsCleanlyAndWritesNothing() throws {
        let folder = try temporaryFolder()
        let output = folder.appendingPathComponent("out")
        let process = Process()
        process.executableURL = CrisisSimTool.executable
        process.arguments = ["run", "Scenarios/baseline.yaml", "--replications", "100000", "--output", output.path, "--quiet"]
        process.currentDirectoryURL = Self.repository
        let error = Pipe()
        process.standardError = error
        process.standardOutput = Pipe()
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        XCTAssertTrue(process.isRunning, "the run must still be going when interrupted")
        process.interrupt()  // SIGINT
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130, message)
        XCTAssertTrue(message.contains("interrupted: stopped before writing any result file"), message)
        let written = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        XCTAssertEqual(written, [], "nothing may be written")
    }

    /// demo and bench honour SIGTERM mid-run too, with status 130 (an outside audit found
    /// both running on after TERM and INT).
    func testDemoAndBenchStopOnSIGTERM() throws {
        for arguments in [["demo", "--years", "1000", "--replications", "2"],
                          ["bench", "bedpool", "--referrals", "1000000000"]] {
            let process = Process()
            process.executableURL = CrisisSimTool.executable
            process.arguments = arguments
            process.currentDirectoryURL = Self.repository
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            guard try terminate(process, after: 2, "\(arguments)") else { return }
            XCTAssertEqual(process.terminationStatus, 130, "\(arguments)")
        }
    }

    /// SIGTERM (a scheduler's time limit) in the middle of one long replication stops it
    /// promptly, not at its end: status 130 and no result file. Replications used to be
    /// stopped only between each other.
    func testTerminatedLongReplicationStopsPromptlyAndWritesNothing() throws {
        let folder = try temporaryFolder()
        let output = folder.appendingPathComponent("out")
        let process = Process()
        process.executableURL = CrisisSimTool.executable
        // A century of the England scenario: one replication of many minutes.
        process.arguments = ["run", "Scenarios/england-scale.yaml", "--replications", "1", "--warmup-days", "0",
                             "--horizon-days", "36500", "--output", output.path, "--quiet"]
        process.currentDirectoryURL = Self.repository
        let error = Pipe()
        process.standardError = error
        process.standardOutput = Pipe()
        try process.run()
        guard try terminate(process, after: 3, "the replication") else { return }
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 130, message)
        XCTAssertTrue(message.contains("interrupted: stopped before writing any result file"), message)
        let written = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        XCTAssertEqual(written, [], "nothing may be written")
    }

    /// How many times longer than usual a stop may take: `make sanitize` sets
    /// CRISIS_SIM_TEST_SLOWDOWN, since a sanitized build runs many times slower (a thread-
    /// sanitized replication once took over 10 s to reach its next signal check).
    static let slowdown = Double(ProcessInfo.processInfo.environment["CRISIS_SIM_TEST_SLOWDOWN"] ?? "") ?? 1

    /// Sends SIGTERM to a running `process` after `seconds` and waits up to 10 s (times the
    /// slowdown) for it to stop; false (after a failure and SIGKILL) when it is not running
    /// then or does not stop.
    func terminate(_ process: Process, after seconds: TimeInterval, _ name: String) throws -> Bool {
        Thread.sleep(forTimeInterval: seconds)
        guard process.isRunning else {
            XCTFail("\(name) must still be going when terminated")
            return false
        }
        process.terminate()  // SIGTERM
        let stopped = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            process.waitUntilExit()
            stopped.signal()
        }
        let limit = 10 * Self.slowdown
        guard stopped.wait(timeout: .now() + limit) == .success else {
            kill(process.processIdentifier, SIGKILL)
            XCTFail("\(name) still running \(Int(limit)) s after SIGTERM")
            return false
        }
        return true
    }

    /// A scenario forced to loop at one instant cannot be run: validation refuses it, with a
    /// non-zero exit and the loop's keys, before anything runs.
    func testRunRefusesAZeroTimeLoopWithAClearError() throws {
        let outcome = try crisisSim(["run", "Tests/CrisisScenarioTests/Fixtures/zero-time-loop-exponential.yaml", "--quiet"])
        XCTAssertEqual(outcome.status, 1, outcome.error)
        XCTAssertTrue(outcome.error.contains("zero-time-loop-exponential.yaml:25:15: representation.after_days: these steps can repeat "
                                             + "for ever without the clock moving"), outcome.error)
    }

    /// Far more load than beds: the run completes, nothing overflows, and a warning says so.
    func testOverloadedScenarioRunsAndWarns() throws {
        let folder = try temporaryFolder()
        let outcome = try crisisSim(["run", "Scenarios/baseline.yaml", "--set", "areas.Northshire.beds=20"] + short
                                    + ["--output", folder.path])
        XCTAssertEqual(outcome.status, 0, outcome.error)
        XCTAssertTrue(outcome.error.contains("WARNING: Northshire is offered"), outcome.error)
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8)
        XCTAssertFalse(summary.contains(",inf,") || summary.contains(",-inf,"), "no KPI overflows")
    }

    /// A century of simulated time (36,500 days, the most run.horizon_days and --horizon-days
    /// allow) runs, with finite results (memory does not grow with it).
    func testAHundredYearHorizonRuns() throws {
        let folder = try temporaryFolder()
        let outcome = try crisisSim(["run", "Scenarios/baseline.yaml", "--replications", "2", "--horizon-days", "36500",
                                     "--warmup-days", "365", "--output", folder.path, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.error)
        let row = try XCTUnwrap(outcome.output.split(separator: "\n").first { $0.hasPrefix("  Bed occupancy ") })
        XCTAssertTrue(row.contains("%"), String(row))
    }

    /// A sweep with --resume keeps checkpoints; after losing one (as an interrupted run
    /// would), running again redoes only that one, and the result is the same bytes as an
    /// uninterrupted sweep.
    func testResumedSweepGivesTheSameResultAsAnUninterruptedOne() throws {
        let folder = try temporaryFolder()
        let sweep = ["sweep", "Scenarios/baseline.yaml", "--vary", "areas.Northshire.beds=90...100:10",
                     "--kpi", "oap.placements", "--replications", "10", "--horizon-days", "60", "--warmup-days", "30", "--quiet"]
        let plain = folder.appendingPathComponent("plain"), resumed = folder.appendingPathComponent("resumed")
        XCTAssertEqual(try crisisSim(sweep + ["--output", plain.path]).status, 0)
        let first = try crisisSim(sweep + ["--resume", "--output", resumed.path])
        XCTAssertEqual(first.status, 0, first.error)
        let checkpoints = resumed.appendingPathComponent("checkpoints")
        let files = try FileManager.default.contentsOfDirectory(atPath: checkpoints.path).sorted()
        XCTAssertEqual(files.count, 2, "20 replications in checkpoints of ten")
        try FileManager.default.removeItem(at: checkpoints.appendingPathComponent(files[0]))
        try FileManager.default.removeItem(at: resumed.appendingPathComponent("sweep.csv"))
        let second = try crisisSim(sweep + ["--resume", "--output", resumed.path])
        XCTAssertEqual(second.status, 0, second.error)
        XCTAssertTrue(second.output.contains("Resuming: 1 of 2 checkpoints already in"), second.output)
        for name in ["sweep.csv", "sweep.svg"] {
            XCTAssertEqual(try Data(contentsOf: plain.appendingPathComponent(name)),
                           try Data(contentsOf: resumed.appendingPathComponent(name)), name)
        }
    }
}
