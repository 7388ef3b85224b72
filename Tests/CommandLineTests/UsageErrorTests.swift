import CrisisTestSupport
import Foundation
import XCTest

/// Words the tool does not know, refused with what it does know and a usage status (64),
/// never an empty table or the root help with status 0.
final class UsageErrorTests: XCTestCase {
    func crisisSim(_ arguments: [String]) throws -> CrisisSimTool.Outcome {
        try CrisisSimTool.run(arguments, in: CommandLineTests.repository)
    }

    let short = ["--replications", "2", "--horizon-days", "10", "--warmup-days", "0", "--quiet"]

    /// `--stratum banana` once printed an empty table with status 0.
    func testUnknownStratumIsRefusedWithTheStrataThatExist() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-sim-stratum-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let strata = "all, area:Northshire, cohort:everyone"
        let cases: [(arguments: [String], error: String)] = [
            (["run", "Scenarios/baseline.yaml", "--stratum", "banana"] + short,
             "Error: --stratum banana: no such stratum; the results have \(strata)\n"),
            (["compare", "Scenarios/baseline.yaml", "Scenarios/crht-24-7.yaml", "--stratum", "area:Nope"] + short,
             "Error: --stratum area:Nope: no such stratum; the results have \(strata)\n"),
            (["sweep", "Scenarios/baseline.yaml", "--vary", "crht.assessors=1...2:1", "--stratum", "area:Northshir"] + short,
             "Error: --stratum area:Northshir: no such stratum (did you mean 'area:Northshire'?); the results have \(strata)\n"),
        ]
        for (arguments, error) in cases {
            let outcome = try crisisSim(arguments + ["--output", folder.path])
            XCTAssertEqual(outcome.status, 64, arguments[0])
            XCTAssertEqual(outcome.error, error, arguments[0])
            XCTAssertEqual(outcome.output, "", "\(arguments[0]): nothing ran")
        }
        let shard = try crisisSim(["run", "Scenarios/baseline.yaml", "--shard", "1/1", "--output", folder.path] + short)
        XCTAssertEqual(shard.status, 0, shard.error)
        let merge = try crisisSim(["merge", folder.path, "--stratum", "cohort:nobody"])
        XCTAssertEqual(merge.status, 64)
        XCTAssertEqual(merge.error, "Error: --stratum cohort:nobody: no such stratum; the results have \(strata)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("summary.json").path),
                       "nothing was merged")
    }

    /// `--precision-kpi bogus` and `sweep --kpi bogus` pointed to docs/MODEL.md, which a
    /// binary does not ship with: they name the nearest KPI and `crisis-sim kpis`.
    func testAnUnknownKPIIsAnsweredWithTheNearestAndTheCatalogueCommand() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-sim-kpi-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let catalogue = "(`crisis-sim kpis` lists every KPI)"
        let auto = ["run", "Scenarios/baseline.yaml", "--replications", "auto", "--precision", "0.1", "--output", folder.path]
        let sweep = ["sweep", "Scenarios/baseline.yaml", "--vary", "crht.assessors=2...3:1", "--output", folder.path]
        let cases: [(arguments: [String], error: String)] = [
            (auto + ["--precision-kpi", "bogus"], "Error: --precision-kpi bogus: no such KPI \(catalogue)"),
            (auto + ["--precision-kpi", "admissions.totl"],
             "Error: --precision-kpi admissions.totl: no such KPI; did you mean 'admissions.total'? \(catalogue)"),
            (sweep + ["--kpi", "bogus"], "Error: --kpi bogus: no such KPI \(catalogue)"),
            (sweep + ["--kpi", "beds.ocupancy", "--kpi", "time_to_bed"],
             "Error: --kpi beds.ocupancy: no such KPI; did you mean 'beds.occupancy'? \(catalogue)\n"
                + "--kpi time_to_bed: no such KPI; the time_to_bed KPIs are time_to_bed.mean, time_to_bed.p95, "
                + "time_to_bed.over_4h, time_to_bed.over_12h \(catalogue)"),
        ]
        for (arguments, error) in cases {
            let outcome = try crisisSim(arguments)
            XCTAssertEqual(outcome.status, 64, "\(arguments)")
            XCTAssertTrue(outcome.error.hasPrefix(error + "\n"), outcome.error)
            XCTAssertFalse(outcome.error.contains("MODEL.md"), outcome.error)
            XCTAssertEqual(outcome.output, "", "\(arguments): nothing ran")
        }
    }

    /// `sweep --vary crht.assessors=2...3:1 --set crht.assessors=9` once ran with the --vary
    /// values, the --set silently replaced at every point. A --set of a varied key is refused,
    /// naming both, however the key is written (`areas.0` is `areas.Northshire`), also in
    /// the sweep a Slurm job would run.
    func testASetOfAVariedKeyIsRefusedNamingBoth() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-sim-set-vary-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let sweep = ["sweep", "Scenarios/baseline.yaml", "--vary", "crht.assessors=2...3:1", "--vary", "areas.Northshire.beds=80...90:10"]
        let outcome = try crisisSim(sweep + ["--set", "crht.assessors=9", "--set", "areas.0.beds=100", "--set", "home_treatment.staff=40"]
                                    + short + ["--output", folder.path])
        XCTAssertEqual(outcome.status, 64)
        XCTAssertEqual(outcome.error, """
            Error: --set crht.assessors=9 and --vary crht.assessors=2...3:1 both set crht.assessors: the --vary value would \
            replace the --set at every point; leave out one of them
            --set areas.0.beds=100 and --vary areas.Northshire.beds=80...90:10 both set areas.Northshire.beds: the --vary \
            value would replace the --set at every point; leave out one of them

            """)
        XCTAssertEqual(outcome.output, "", "nothing ran")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "nothing was written")
        let slurm = try crisisSim(["slurm", "--shards", "2", "--output", folder.path] + sweep + ["--set", "crht.assessors=9"])
        XCTAssertEqual(slurm.status, 64)
        XCTAssertTrue(slurm.error.hasPrefix("Error: --set crht.assessors=9 and --vary crht.assessors=2...3:1 both set "
            + "crht.assessors"), slurm.error)
        // A --set of another key of the same section is no conflict.
        let other = try crisisSim(sweep + ["--set", "crht.hours.hours_per_day=24"] + short + ["--output", folder.path])
        XCTAssertEqual(other.status, 0, other.error)
    }

    /// `sweep --stratum cohort:nobody` once blamed a KPI, not the unknown cohort; `compare
    /// --stratum` listed the base's strata only. The stratum is checked first, against every
    /// scenario compared, naming those that lack it.
    func testAStratumIsCheckedAgainstEveryScenarioBeforeTheKPIs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-sim-strata-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let sweep = ["sweep", "Scenarios/baseline.yaml", "--vary", "crht.assessors=1...2:1"]
        let baseline = "baseline: all, area:Northshire, cohort:everyone"
        let pooled = "pooled-beds: all, area:Northshire, area:Southdale, cohort:everyone"
        let cases: [(arguments: [String], error: String)] = [
            (sweep + ["--stratum", "cohort:nobody"],
             "Error: --stratum cohort:nobody: no such stratum; the results have all, area:Northshire, cohort:everyone\n"),
            (sweep + ["--stratum", "cohort:everyone"],
             "Error: --stratum cohort:everyone: the default KPIs include beds.occupancy, measured per area, not per cohort: "
                + "give --kpi with KPIs measured per cohort (of the defaults: oap.share_of_admissions, time_to_bed.mean), "
                + "or choose --stratum all or area:<name>\n"),
            (sweep + ["--stratum", "cohort:everyone", "--kpi", "beds.occupancy", "--kpi", "oap.placements"],
             "Error: --kpi beds.occupancy is measured per area, not per cohort: choose --stratum all or area:<name>\n"),
            (["compare", "Scenarios/baseline.yaml", "Scenarios/pooled-beds.yaml", "--stratum", "area:Southdale"],
             "Error: --stratum area:Southdale: baseline has no such stratum, only pooled-beds does, and each difference needs "
                + "it in the base and the variant; the strata are \(baseline); \(pooled)\n"),
            (["compare", "Scenarios/baseline.yaml", "Scenarios/pooled-beds.yaml", "Scenarios/crht-24-7.yaml", "--stratum", "area:Southdal"],
             "Error: --stratum area:Southdal: no such stratum (did you mean 'area:Southdale'?); the strata are \(baseline); "
                + "\(pooled); crht-24-7: all, area:Northshire, cohort:everyone\n"),
        ]
        for (arguments, error) in cases {
            let outcome = try crisisSim(arguments + short + ["--output", folder.path])
            XCTAssertEqual(outcome.status, 64, "\(arguments)")
            XCTAssertEqual(outcome.error, error, "\(arguments)")
            XCTAssertEqual(outcome.output, "", "\(arguments): nothing ran")
        }
        // A merged comparison is checked the same way.
        let shard = try crisisSim(["compare", "Scenarios/pooled-beds.yaml", "Scenarios/baseline.yaml", "--shard", "1/1",
                                   "--output", folder.path] + short)
        XCTAssertEqual(shard.status, 0, shard.error)
        let merge = try crisisSim(["merge", folder.path, "--stratum", "area:Southdale"])
        XCTAssertEqual(merge.status, 64)
        XCTAssertEqual(merge.error, "Error: --stratum area:Southdale: baseline has no such stratum, only pooled-beds does, and "
            + "each difference needs it in the base and the variant; the strata are \(pooled); \(baseline)\n")
    }

    /// `crisis-sim fit --help` once printed the root help with status 0.
    func testUnknownCommandIsRefusedWithTheNearestOne() throws {
        let commands = "run, warmup, compare, report, validate, validation, describe, kpis, fit, targets, calibrate, plan, serve, demo, bench, sweep, merge, slurm"
        let cases: [(arguments: [String], error: String)] = [
            (["plot", "--help"], "Error: 'plot' is not a command of crisis-sim; the commands are \(commands) (see 'crisis-sim --help')\n"),
            (["frobnicate"], "Error: 'frobnicate' is not a command of crisis-sim; the commands are \(commands) (see 'crisis-sim --help')\n"),
            (["valdate", "Scenarios/baseline.yaml"],
             "Error: 'valdate' is not a command of crisis-sim (did you mean 'validate'?); the commands are \(commands) "
                + "(see 'crisis-sim --help')\n"),
            (["bench", "bedpol", "--help"],
             "Error: 'bedpol' is not a command of crisis-sim bench (did you mean 'bedpool'?); the commands are bedpool "
                + "(see 'crisis-sim bench --help')\n"),
            // `help bogus` once printed the root help with status 0.
            (["help", "bogus"], "Error: 'bogus' is not a command of crisis-sim; the commands are \(commands) (see 'crisis-sim --help')\n"),
            (["help", "compre"],
             "Error: 'compre' is not a command of crisis-sim (did you mean 'compare'?); the commands are \(commands) "
                + "(see 'crisis-sim --help')\n"),
            (["help", "bench", "bedpol"],
             "Error: 'bedpol' is not a command of crisis-sim bench (did you mean 'bedpool'?); the commands are bedpool "
                + "(see 'crisis-sim bench --help')\n"),
        ]
        for (arguments, error) in cases {
            let outcome = try crisisSim(arguments)
            XCTAssertEqual(outcome.status, 64, arguments[0])
            XCTAssertEqual(outcome.error, error)
            XCTAssertEqual(outcome.output, "", arguments[0])
        }
        // Real commands, help and argument-parser's `help` command still work.
        for arguments in [["--help"], ["help"], ["help", "run"], ["help", "bench", "bedpool"], ["bench", "bedpool", "--help"],
                          ["run", "--help"]] {
            let outcome = try crisisSim(arguments)
            XCTAssertEqual(outcome.status, 0, "\(arguments): \(outcome.error)")
            XCTAssertTrue(outcome.output.hasPrefix("OVERVIEW: "), outcome.output)
        }
    }

    /// `compare A B B` once ran B twice and wrote its rows twice; two files of one name would
    /// share their rows and --report folder. Both are refused before anything runs.
    func testCompareTakesEachScenarioOnceUnderANameOfItsOwn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-sim-twice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("night-team.yaml")
        try FileManager.default.createSymbolicLink(atPath: link.path,
                                                   withDestinationPath: CommandLineTests.repository.path + "/Scenarios/crht-24-7.yaml")
        let copy = folder.appendingPathComponent("baseline.yaml")
        try FileManager.default.copyItem(atPath: CommandLineTests.repository.path + "/Scenarios/crht-24-7.yaml", toPath: copy.path)
        let output = folder.appendingPathComponent("out")
        let cases: [(scenarios: [String], error: String)] = [
            (["Scenarios/baseline.yaml", "Scenarios/crht-24-7.yaml", "Scenarios/crht-24-7.yaml"],
             "Error: Scenarios/crht-24-7.yaml is given twice (variant 1 and variant 2): give each scenario once"),
            (["Scenarios/baseline.yaml", "./Scenarios//baseline.yaml"],
             "Error: Scenarios/baseline.yaml and ./Scenarios//baseline.yaml are the same file (the base and variant 1): "
                + "give each scenario once"),
            (["Scenarios/baseline.yaml", "Scenarios/crht-24-7.yaml", link.path],
             "Error: Scenarios/crht-24-7.yaml and \(link.path) are the same file (variant 1 and variant 2): give each scenario once"),
            (["Scenarios/baseline.yaml", copy.path],
             "Error: Scenarios/baseline.yaml (the base) and \(copy.path) (variant 1) are both named 'baseline': the tables, "
                + "comparison.csv and --report's folders name each scenario by its file name; copy or rename one of them"),
        ]
        for (scenarios, error) in cases {
            let outcome = try crisisSim(["compare"] + scenarios + short + ["--output", output.path])
            XCTAssertEqual(outcome.status, 64, outcome.error)
            XCTAssertEqual(outcome.error.split(separator: "\n").first.map(String.init), error)
            XCTAssertEqual(outcome.output, "", "nothing ran")
            XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "nothing was written")
        }
    }

    /// A file name that is not UTF-8 (a 0xFF byte) was "no such file", and such an --output
    /// was written under another name (U+FFFD for the byte): both are refused, said as what
    /// they are, with the byte shown, and nothing is written.
    func testArgumentsThatAreNotUTF8AreRefusedByName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-sim-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        // A copy of the baseline under a name with a 0xFF byte: it exists, but no String names it.
        let copy = try CrisisSimTool.runShell("cp Scenarios/baseline.yaml \"\(folder.path)/$(printf 'base\\377.yaml')\"",
                                              in: CommandLineTests.repository)
        XCTAssertEqual(copy.status, 0, copy.error)
        let bad = "\"$(printf '\(folder.path)/base\\377.yaml')\""
        let out = "\"$(printf '\(folder.path)/out\\377')\""
        let cases: [(script: String, error: String)] = [
            ("\"$0\" validate \(bad)",
             "Error: the scenario file '\(folder.path)/base\\xFF.yaml' is not valid UTF-8 (byte 0xFF): crisis-sim takes file "
                + "names as UTF-8 text, so it cannot open this one; rename it\n"),
            ("\"$0\" compare Scenarios/baseline.yaml \(bad) --quiet",
             "Error: the variant scenario file '\(folder.path)/base\\xFF.yaml' is not valid UTF-8 (byte 0xFF): crisis-sim takes "
                + "file names as UTF-8 text, so it cannot open this one; rename it\n"),
            ("\"$0\" run Scenarios/baseline.yaml \(short.joined(separator: " ")) --output \(out)",
             "Error: --output '\(folder.path)/out\\xFF' is not valid UTF-8 (byte 0xFF): crisis-sim takes file names as UTF-8 "
                + "text and would write under another name; give a UTF-8 path\n"),
            ("\"$0\" merge \(folder.path) --output=\(out)",
             "Error: --output '\(folder.path)/out\\xFF' is not valid UTF-8 (byte 0xFF): crisis-sim takes file names as UTF-8 "
                + "text and would write under another name; give a UTF-8 path\n"),
            ("\"$0\" validate Scenarios/baseline.yaml --set \"$(printf 'description=caf\\351')\"",
             "Error: argument 4 'description=caf\\xE9' (after --set) is not valid UTF-8 (byte 0xE9): crisis-sim takes its "
                + "arguments as UTF-8 text\n"),
        ]
        for (script, error) in cases {
            let outcome = try CrisisSimTool.runShell(script, in: CommandLineTests.repository)
            XCTAssertEqual(outcome.status, 64, script)
            XCTAssertEqual(outcome.error, error, script)
            XCTAssertEqual(outcome.output, "", "\(script): nothing ran")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).count, 1, "no output folder was made")
    }
}
